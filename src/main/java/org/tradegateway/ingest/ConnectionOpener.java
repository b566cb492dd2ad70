package org.tradegateway.ingest;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens another connection to the database an import writes to, for work done beside its transaction. */
@FunctionalInterface
public interface ConnectionOpener {
    Connection open() throws SQLException;
}
