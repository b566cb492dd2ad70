package org.tradegateway.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.jboss.logging.Logger;
import org.tradegateway.config.DataConfig;
import org.tradegateway.ingest.Conversion;
import org.tradegateway.ingest.FactLoader;
import org.tradegateway.ingest.ImportFailure;
import org.tradegateway.ingest.ImportResult;
import org.tradegateway.ingest.Progress;
import org.tradegateway.ingest.synthetic.GeneratorSource;
import org.tradegateway.ingest.synthetic.GeneratorSource.GeneratorSettings;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.ReferenceLoader;

/**
 * Runs after the migrations and before traffic: says which database is in use, brings the reference tables up to
 * date, and seeds the demo dataset into an empty embedded database.
 */
@ApplicationScoped
public class StartupTasks {
    private static final Logger LOG = Logger.getLogger(StartupTasks.class);
    private final AgroalDataSource dataSource;
    private final DataConfig config;

    public StartupTasks(AgroalDataSource dataSource, DataConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws Exception {
        LOG.infof("using %s", config.db().description());
        try (Connection connection = dataSource.getConnection()) {
            ReferenceLoader.loadIfChanged(connection);
            if (shouldSeed(connection)) {
                LOG.info("the database holds no data: loading the synthetic demo datasets");
                int[] years = GeneratorSettings.parseYears(config.demo().years());
                GeneratorSettings annual = new GeneratorSettings(years[0], years[1], config.demo().rowsPerYear(),
                        Classification.H5, 1);
                seed(connection, annual);
                convert(connection, annual.datasetName());
                String monthly = config.demo().monthlyYears().trim();
                if (!monthly.equals("none")) {
                    int[] months = monthly.equals("latest") ? new int[] {years[1], years[1]}
                            : GeneratorSettings.parseYears(monthly);
                    seed(connection, new GeneratorSettings(months[0], months[1], config.demo().rowsPerYear(),
                            Classification.H5, 1, true));
                }
            }
        }
    }

    /** One demo dataset; the monthly one adds up, month by month, to the annual one of the same settings. */
    private void seed(Connection connection, GeneratorSettings settings) throws Exception {
        LOG.infof("loading the synthetic demo dataset %s", settings.datasetName());
        ImportResult result = new FactLoader(connection, dataSource::getConnection)
                .load(new GeneratorSource(settings), Progress.silent());
        LOG.infof("demo dataset #%d loaded: %,d records for periods %s in %.1f s", result.datasetId(),
                result.recordsStored(), result.periods(), result.seconds());
    }

    /**
     * The annual demo dataset in the classifications of {@code trade.demo.convert-to}, each a dataset of its own; a
     * conversion that fails is logged and the start goes on.
     */
    private void convert(Connection connection, String name) throws Exception {
        String targets = config.demo().convertTo().trim();
        if (targets.isEmpty() || targets.equalsIgnoreCase("none")) {
            return;
        }
        try (Connection reader = dataSource.getConnection()) {
            for (String item : targets.split(",")) {
                Classification target = Classification.parse(item).orElse(null);
                try {
                    if (target == null) {
                        throw new ImportFailure("'" + item.trim() + "' is not a classification");
                    }
                    ImportResult result = new FactLoader(connection, dataSource::getConnection)
                            .load(Conversion.of(reader, name, target), Progress.silent());
                    LOG.infof("demo dataset converted to %s: %,d records in %.1f s", target, result.recordsStored(),
                            result.seconds());
                } catch (ImportFailure e) {
                    LOG.warnf("demo dataset not converted to %s: %s", item.trim(), e.getMessage());
                }
            }
        }
    }

    private boolean shouldSeed(Connection connection) throws Exception {
        String mode = config.demo().seed();
        if (mode.equals("never") || (mode.equals("auto") && !config.db().embedded())) {
            return false;
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM dataset")) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }
}
