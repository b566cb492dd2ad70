package org.tradegateway.dialect.wtf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.tradegateway.data.ReleaseRepository;
import org.tradegateway.data.ReleaseRepository.Release;

/**
 * The {@code _meta} block of every World Trade Flows document: the datasets the numbers come from (source, dataset,
 * version, licence, from provenance), the revision, year and data version, and where the caveats are.
 */
@ApplicationScoped
public class WtfMeta {
    private final ReleaseRepository releases;
    private final Map<String, ObjectNode> metas = new ConcurrentHashMap<>();

    public WtfMeta(ReleaseRepository releases) {
        this.releases = releases;
    }

    /**
     * {@code _meta}: where the numbers come from (the datasets of the revision and year), and the caveats. Kept per
     * data version: it changes only with the data.
     */
    Uni<ObjectNode> of(WtfScopes.Scope scope, Integer year) {
        String key = scope.version() + "|" + scope.px() + "|" + year;
        ObjectNode kept = metas.get(key);
        if (kept != null) {
            return Uni.createFrom().item(kept.deepCopy());
        }
        return releases.find('C', 'A', List.of(scope.px().name()), 100_000).map(found -> {
            ObjectNode meta = WtfViews.JSON.createObjectNode();
            Map<String, Release> sources = new TreeMap<>();
            for (Release r : found) {
                if (year == null || r.period() == year) {
                    sources.putIfAbsent(r.source() + "\t" + r.datasetName(), r);
                }
            }
            Release first = sources.values().stream().findFirst().orElse(null);
            meta.put("source", first == null ? null : first.source().equals("baci") ? "CEPII BACI" : first.source());
            meta.put("dataset", first == null ? null : first.datasetName());
            meta.put("dataset_version", first == null ? null : first.sourceVersion());
            meta.put("hs_revision", scope.px().name());
            if (year != null) {
                meta.put("year", year);
            }
            meta.put("licence", first == null ? null : first.licence());
            meta.put("data_version", scope.version());
            meta.put("caveats_url", "/llms-full.txt");
            if (sources.size() > 1) {
                ArrayNode all = meta.putArray("datasets");
                sources.values().forEach(r -> all.addObject().put("source", r.source()).put("dataset", r.datasetName())
                        .put("version", r.sourceVersion()).put("licence", r.licence()));
            }
            if (!metas.isEmpty() && !metas.keySet().iterator().next().startsWith(scope.version() + "|")) {
                metas.clear(); // the data changed: the kept ones are of an older version
            }
            metas.put(key, meta);
            return meta.deepCopy();
        });
    }
}
