package org.tradegateway.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Reads the database settings before Quarkus starts, from system properties, environment variables and
 * application.properties (in that order), so that the embedded server can be started first.
 */
public final class DatabaseSettings {
    public static final String DEFAULT_DATA_DIR = "./data/postgres";
    private final Properties appProperties;

    private DatabaseSettings(Properties appProperties) {
        this.appProperties = appProperties;
    }

    public static DatabaseSettings load() {
        Properties props = new Properties();
        try (InputStream in = DatabaseSettings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new StartupProblem("cannot read application.properties: " + e.getMessage(), e);
        }
        return new DatabaseSettings(props);
    }

    /** Looks a key up as a system property, then as its environment variable, then in application.properties. */
    public String get(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(envName(key));
        }
        if (value == null) {
            value = appProperties.getProperty(key);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String envName(String key) {
        return key.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    /** True when an external server is configured, either as trade.db.url or as a standard Quarkus datasource key. */
    public boolean externalConfigured() {
        return get("trade.db.url") != null || get("quarkus.datasource.jdbc.url") != null
                || get("quarkus.datasource.reactive.url") != null;
    }

    public Path embeddedDataDirectory() {
        String dir = get("trade.db.embedded-data-dir");
        return Path.of(dir == null ? DEFAULT_DATA_DIR : dir).toAbsolutePath().normalize();
    }

    public int embeddedPort() {
        String port = get("trade.db.embedded-port");
        try {
            return port == null ? 0 : Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new StartupProblem("trade.db.embedded-port must be a number, got '" + port + "'");
        }
    }

    /** The configured external server; call only when {@link #externalConfigured()} is true. */
    public DatabaseTarget external() {
        String url = firstOf("trade.db.url", "quarkus.datasource.reactive.url", "quarkus.datasource.jdbc.url");
        String user = firstOf("trade.db.user", "quarkus.datasource.username");
        String password = firstOf("trade.db.password", "quarkus.datasource.password");
        String stripped = url.replaceFirst("^jdbc:", "").replaceFirst("^vertx-reactive:", "");
        try {
            URI uri = new URI(stripped);
            if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
                throw new StartupProblem("TRADE_DB_URL must look like postgresql://host:port/database, got scheme '"
                        + uri.getScheme() + "'");
            }
            String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
            String host = uri.getHost() == null ? "localhost" : uri.getHost();
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            if (uri.getUserInfo() != null && user == null) {
                String[] parts = uri.getUserInfo().split(":", 2);
                user = parts[0];
                if (parts.length > 1 && password == null) {
                    password = parts[1];
                }
            }
            return new DatabaseTarget(host, port, db, user == null ? "postgres" : user, password, false, null);
        } catch (URISyntaxException e) {
            throw new StartupProblem("TRADE_DB_URL is not a valid URL (expected postgresql://host:port/database)");
        }
    }

    private String firstOf(String... keys) {
        for (String key : keys) {
            String value = get(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
