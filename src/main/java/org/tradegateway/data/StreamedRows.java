package org.tradegateway.data;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A large answer being read through a cursor: its first rows (read before anything is sent, with the data version
 * they carry) and the rest, read one fetch at a time as the client takes them. The connection and its transaction
 * are given back by {@link #close()}, which is safe to call more than once.
 *
 * <p>One fetch is always read ahead: as soon as a fetch arrives the next is asked for, so that PostgreSQL produces
 * the next rows while the gateway encodes and sends these (on two cores the answer then takes about as long as the
 * slower of the two, not their sum). At most two fetches are held at a time.
 */
public final class StreamedRows {
    private final SqlConnection connection;
    private final Transaction transaction;
    private final Cursor cursor;
    private final List<Row> first;
    private final String version;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The fetch asked for ahead of its turn, or null. */
    private volatile Future<RowSet<Row>> ahead;

    StreamedRows(SqlConnection connection, Transaction transaction, Cursor cursor, RowSet<Row> firstRows) {
        this.connection = connection;
        this.transaction = transaction;
        this.cursor = cursor;
        this.first = list(firstRows);
        Row head = first.isEmpty() ? null : first.get(0);
        this.version = head == null ? null : head.getString(FactQuery.VERSION_COLUMN);
        if (cursor.hasMore()) {
            ahead = cursor.read(TradeRepository.NEXT_FETCH);
        }
    }

    /** The rows read before the first byte; empty when nothing matched. */
    public List<Row> first() {
        return first;
    }

    /** The data version the rows are read at, or null when nothing matched. */
    public String version() {
        return version;
    }

    /** The first rows and then the rest, one list per fetch, handed on only as they are requested. */
    public Multi<List<Row>> all() {
        Multi<List<Row>> head = Multi.createFrom().item(first);
        if (ahead == null) {
            return head;
        }
        Multi<List<Row>> rest = Multi.createBy().repeating().uni(this::next).whilst(rows -> ahead != null);
        return Multi.createBy().concatenating().streams(head, rest);
    }

    /** The fetch read ahead, once it has arrived; the one after it is asked for at that moment. */
    private Uni<List<Row>> next() {
        Future<RowSet<Row>> fetch = ahead;
        return Uni.createFrom().emitter(emitter -> fetch.onComplete(done -> {
            if (done.failed()) {
                ahead = null;
                emitter.fail(done.cause());
                return;
            }
            ahead = cursor.hasMore() && !closed.get() ? cursor.read(TradeRepository.NEXT_FETCH) : null;
            emitter.complete(list(done.result()));
        }));
    }

    /** Closes the cursor and gives the connection back. */
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Uni.createFrom().completionStage(() -> cursor.close().toCompletionStage())
                    .onFailure().recoverWithNull()
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
