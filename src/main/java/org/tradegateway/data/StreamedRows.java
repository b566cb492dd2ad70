package org.tradegateway.data;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Cursor;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A large answer being read through a cursor: its first rows (read before anything is sent, with the data version
 * and the total count they carry) and the rest, read one fetch at a time as the client takes them. The connection
 * and its transaction are given back by {@link #close()}, which is safe to call more than once.
 */
public final class StreamedRows {
    private final SqlConnection connection;
    private final Transaction transaction;
    private final Cursor cursor;
    private final List<Row> first;
    private final String version;
    private final long total;
    private final AtomicBoolean closed = new AtomicBoolean();

    StreamedRows(SqlConnection connection, Transaction transaction, Cursor cursor, RowSet<Row> firstRows,
                 boolean withTotal) {
        this.connection = connection;
        this.transaction = transaction;
        this.cursor = cursor;
        this.first = list(firstRows);
        Row head = first.isEmpty() ? null : first.get(0);
        this.version = head == null ? null : head.getString(FactQuery.VERSION_COLUMN);
        this.total = head == null ? 0 : withTotal ? head.getLong(FactQuery.TOTAL_COLUMN) : first.size();
    }

    /** The rows read before the first byte; empty when nothing matched. */
    public List<Row> first() {
        return first;
    }

    /** The data version the rows are read at, or null when nothing matched. */
    public String version() {
        return version;
    }

    /** Every matching record, before the limit (the number of first rows when the total was not asked for). */
    public long total() {
        return total;
    }

    /** The first rows and then the rest, one list per fetch, read only as they are requested. */
    public Multi<List<Row>> all() {
        Multi<List<Row>> head = Multi.createFrom().item(first);
        if (!cursor.hasMore()) {
            return head;
        }
        Multi<List<Row>> rest = Multi.createBy().repeating()
                .uni(() -> cursor.read(TradeRepository.NEXT_FETCH).map(StreamedRows::list))
                .whilst(rows -> cursor.hasMore());
        return Multi.createBy().concatenating().streams(head, rest);
    }

    /** Closes the cursor and gives the connection back. */
    public void close() {
        if (closed.compareAndSet(false, true)) {
            cursor.close().onFailure().recoverWithNull()
                    .flatMap(ignored -> transaction.rollback()).onFailure().recoverWithNull()
                    .eventually(connection::close)
                    .subscribe().with(ignored -> { }, failure -> { });
        }
    }

    private static List<Row> list(RowSet<Row> rows) {
        List<Row> list = new ArrayList<>(rows.size());
        rows.forEach(list::add);
        return list;
    }
}
