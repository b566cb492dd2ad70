package org.tradegateway.db;

/** Where the gateway's PostgreSQL is: connection data plus a description safe to log (never the password). */
public record DatabaseTarget(String host, int port, String database, String user, String password, boolean embedded,
                             String dataDirectory) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** A one-line description for logs and error messages. */
    public String describe() {
        String where = host + ":" + port + "/" + database + " as " + user;
        return embedded ? "embedded PostgreSQL at " + where + ", data in " + dataDirectory : "PostgreSQL at " + where;
    }
}
