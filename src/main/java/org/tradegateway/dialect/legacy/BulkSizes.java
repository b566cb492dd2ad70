package org.tradegateway.dialect.legacy;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.tradegateway.config.BulkConfig;
import org.tradegateway.data.AvailabilityRepository;
import org.tradegateway.data.BulkSizeRepository.FileKey;
import org.tradegateway.data.BulkSizeRepository;
import org.tradegateway.data.DatabaseGuard;
import org.tradegateway.refs.Classification;

/**
 * The exact sizes of bulk files, which the listing gives as {@code filesize} and the download sends as
 * Content-Length: each file is built once without keeping its bytes, and its size kept in PostgreSQL under the
 * fingerprint of everything the bytes depend on, so every gateway process on the same data shares it. Files are
 * measured in the background after every change of the data (one at a time, so answers are not crowded out),
 * and on demand by a listing or a download that finds one not yet measured.
 */
@ApplicationScoped
public class BulkSizes {
    private static final Logger LOG = Logger.getLogger(BulkSizes.class);
    private final BulkService bulk;
    private final BulkSizeRepository repository;
    private final AvailabilityRepository availability;
    private final BulkConfig config;
    private final Vertx vertx;
    private final AtomicBoolean measuring = new AtomicBoolean();
    private long timer = -1;

    public BulkSizes(BulkService bulk, BulkSizeRepository repository, AvailabilityRepository availability,
                     BulkConfig config, Vertx vertx) {
        this.bulk = bulk;
        this.repository = repository;
        this.availability = availability;
        this.config = config;
        this.vertx = vertx;
    }

    /** The sizes known under one fingerprint, and that fingerprint. */
    public record Known(String fingerprint, Map<FileKey, Long> sizes) {
    }

    public Uni<Known> known() {
        return repository.fingerprint(BulkService.FORMAT).flatMap(fingerprint -> repository.sizes(fingerprint)
                .map(sizes -> new Known(fingerprint, new HashMap<>(sizes))));
    }

    /**
     * The sizes of these files: those known, and the others measured one after the other until {@code deadline}
     * (System.nanoTime); files still unmeasured then are missing from the answer.
     */
    public Uni<Known> sizes(List<FileKey> files, long deadline) {
        return known().flatMap(known -> {
            List<FileKey> missing = files.stream().filter(f -> !known.sizes().containsKey(f)).toList();
            if (missing.isEmpty()) {
                return Uni.createFrom().item(known);
            }
            return Multi.createFrom().iterable(missing)
                    .onItem().transformToUniAndConcatenate(key -> System.nanoTime() > deadline
                            ? Uni.createFrom().item(-1L) : measure(known.fingerprint(), key)
                            .invoke(size -> {
                                if (size >= 0) {
                                    known.sizes().put(key, size);
                                }
                            }))
                    .collect().last().replaceWith(known);
        });
    }

    /** Measures one file and records its size; -1 when nothing is loaded for it. */
    Uni<Long> measure(String fingerprint, FileKey key) {
        Classification px = Classification.parse(key.px()).orElseThrow();
        Integer reporter = key.reporter() == BulkSizeRepository.ALL_REPORTERS ? null : key.reporter();
        return bulk.file(key.type(), key.freq(), key.period(), reporter, px).flatMap(file -> file.isEmpty()
                ? Uni.createFrom().item(-1L)
                : BulkService.measure(file.get()).call(size -> repository.record(fingerprint, key, size)));
    }

    /** Records the size a complete download sent, when none was known. */
    public Uni<Void> sent(String fingerprint, FileKey key, long size) {
        return repository.record(fingerprint, key, size);
    }

    /** Forgets a size that a download found wrong, so that the file is measured again. */
    public Uni<Void> wrong(String fingerprint, FileKey key) {
        return repository.forget(fingerprint, key);
    }

    void start(@Observes StartupEvent event) {
        if (config.measureEvery().isZero()) {
            return;
        }
        timer = vertx.setPeriodic(2_000, config.measureEvery().toMillis(), id -> measureInBackground());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Measures every listed file not yet measured; a round already running is not started again. */
    public Uni<Void> measureAll() {
        if (!measuring.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return availability.find(new AvailabilityRepository.Filter(null, null, null, null, null))
                .flatMap(rows -> sizes(rows.stream().map(FileKey::of).toList(), Long.MAX_VALUE))
                .replaceWithVoid()
                .onTermination().invoke(() -> measuring.set(false));
    }

    private void measureInBackground() {
        measureAll().subscribe().with(done -> { }, failure -> {
            if (!DatabaseGuard.isOutage(failure)) {
                LOG.warnf("bulk files could not be measured: %s", failure.toString());
            }
        });
    }
}
