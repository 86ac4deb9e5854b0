package org.anchormarket.analytics.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.anchormarket.analytics.config.UploadsConfig;
import org.anchormarket.analytics.domain.PayeeNames;
import org.anchormarket.analytics.domain.PaymentFingerprint;
import org.anchormarket.analytics.domain.SpendUpload;
import org.anchormarket.analytics.domain.spendfile.SpendFile;
import org.jboss.logging.Logger;

/**
 * Reads the uploads that are RUNNING, one at a time on its own thread: each batch of lines is stored with the upload's
 * counters in one transaction, under a lease the batch renews. An instance that dies mid-file leaves the lease to
 * expire; whoever takes the upload over reads the file from the start, stores nothing for the lines counted already
 * (their number is in the same transaction as the lines) and goes on, so every line is counted once. A file that keeps
 * failing is marked FAILED after {@link UploadsConfig#maxAttempts()} tries.
 */
@ApplicationScoped
public class UploadReader {

    private static final Logger LOG = Logger.getLogger(UploadReader.class);

    private final DataSource db;
    private final UploadsConfig config;
    /** Whose leases are this instance's. */
    private final UUID owner = UUID.randomUUID();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "spend-upload-reader");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean stopping;

    UploadReader(DataSource db, UploadsConfig config) {
        this.db = db;
        this.config = config;
    }

    /** Looks for uploads to read now (after one was accepted), unless a look is already due. */
    public void wake() {
        if (!stopping && wanted.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    @Scheduled(every = "${analytics.uploads.poll-interval:5s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        wanted.set(false);
        try {
            Optional<Claim> claim;
            while (!stopping && (claim = claim()).isPresent()) {
                read(claim.get());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Looking for spend uploads to read failed; trying again in %s", config.pollInterval());
        }
    }

    /** An upload this instance holds the lease of. */
    record Claim(UUID uploadId, int attempt, String anchorId, Charset charset, Map<SpendFile.Column, String> overrides,
            long rowsDone) {
    }

    private Optional<Claim> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = db.getConnection(); PreparedStatement claim = c.prepareStatement("""
                    update spend_upload set lease_owner = ?, lease_until = now() + make_interval(secs => ?),
                        attempts = attempts + 1
                    where upload_id = (select upload_id from spend_upload
                        where status = 'RUNNING' and (lease_until is null or lease_until < now())
                        order by uploaded_at limit 1 for update skip locked)
                    returning upload_id, attempts, failure""")) {
                claim.setObject(1, owner);
                claim.setDouble(2, config.lease().toMillis() / 1000.0);
                try (ResultSet row = claim.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<Claim>empty();
                    }
                    UUID id = row.getObject(1, UUID.class);
                    int attempt = row.getInt(2);
                    if (attempt > config.maxAttempts()) {
                        finishFailed(c, id, "Reading the file failed " + config.maxAttempts() + " times; the last "
                                + "time: " + Optional.ofNullable(row.getString(3)).orElse("(no reason kept)"));
                        return Optional.<Claim>empty();
                    }
                    SpendUpload upload = SpendUpload.findById(id);
                    Map<SpendFile.Column, String> overrides = new EnumMap<>(SpendFile.Column.class);
                    upload.overrides.forEach((column, header) -> overrides.put(SpendFile.Column.valueOf(column),
                            header));
                    return Optional.of(new Claim(id, attempt, upload.anchorId, Charset.forName(upload.encoding),
                            overrides, upload.rowsRead));
                }
            }
        });
    }

    /** The lease was lost (another instance took the upload over) or the service is stopping: leave the upload. */
    private static final class Left extends RuntimeException {
        Left(String why) {
            super(why, null, false, false);
        }
    }

    private void read(Claim claim) {
        Path file = null;
        try {
            file = Files.createTempFile("spend-upload-", ".csv");
            copyParts(claim.uploadId(), file);
            Batch batch = new Batch(claim);
            SpendFile.Summary summary = SpendFile.read(file, claim.charset(), claim.overrides(), batch::accepted,
                    batch::rejected, batch.position);
            batch.finish(summary.complete());
            LOG.infof("Spend upload %s for %s read: %d lines, %d new, %d already held, %d rejected", claim.uploadId(),
                    claim.anchorId(), batch.index, batch.newLines, batch.duplicates, batch.rejectedLines);
        } catch (Left left) {
            LOG.infof("Spend upload %s left: %s", claim.uploadId(), left.getMessage());
            release(claim, null);
        } catch (SpendFile.UnreadableHeader e) {
            // Checked when it was accepted; the kept file no longer reads as it did
            QuarkusTransaction.requiringNew().run(() -> withConnection(c -> finishFailed(c, claim.uploadId(),
                    e.getMessage())));
        } catch (RuntimeException | IOException e) {
            LOG.errorf(e, "Reading spend upload %s failed (attempt %d of %d)", claim.uploadId(), claim.attempt(),
                    config.maxAttempts());
            release(claim, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warnf("Could not delete %s: %s", file, e.getMessage());
                }
            }
        }
    }

    private void copyParts(UUID uploadId, Path file) {
        QuarkusTransaction.requiringNew().run(() -> withConnection(c -> {
            try (PreparedStatement parts = c.prepareStatement(
                    "select bytes from spend_upload_part where upload_id = ? order by seq")) {
                parts.setFetchSize(2); // a cursor: parts are read a couple at a time, never the file at once
                parts.setObject(1, uploadId);
                try (ResultSet row = parts.executeQuery(); OutputStream out = Files.newOutputStream(file)) {
                    while (row.next()) {
                        try (InputStream in = row.getBinaryStream(1)) {
                            in.transferTo(out);
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }));
    }

    /** Leaves the upload for the next look (after a failure, or when stopping), keeping the failure's reason. */
    private void release(Claim claim, String failure) {
        try {
            QuarkusTransaction.requiringNew().run(() -> withConnection(c -> {
                try (PreparedStatement release = c.prepareStatement("""
                        update spend_upload set lease_until = null, lease_owner = null,
                            failure = coalesce(?, failure)
                        where upload_id = ? and lease_owner = ? and status = 'RUNNING'""")) {
                    release.setString(1, failure == null ? null : cut(failure, 1000));
                    release.setObject(2, claim.uploadId());
                    release.setObject(3, owner);
                    release.executeUpdate();
                }
            }));
        } catch (RuntimeException e) {
            LOG.warnf("Could not release spend upload %s (its lease expires by itself): %s", claim.uploadId(),
                    e.getMessage());
        }
    }

    private static void finishFailed(Connection c, UUID uploadId, String failure) throws SQLException {
        try (PreparedStatement fail = c.prepareStatement("""
                update spend_upload set status = 'FAILED', failure = ?, finished_at = now(), lease_until = null,
                    lease_owner = null where upload_id = ? and status = 'RUNNING'""");
                PreparedStatement parts = c.prepareStatement("delete from spend_upload_part where upload_id = ?")) {
            fail.setString(1, cut(failure, 1000));
            fail.setObject(2, uploadId);
            fail.executeUpdate();
            parts.setObject(1, uploadId);
            parts.executeUpdate();
        }
    }

    interface Work {
        void run(Connection c) throws SQLException;
    }

    private void withConnection(Work work) {
        try (Connection c = db.getConnection()) {
            work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static String cut(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        int end = length;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Gathers the lines of one file as they are read and stores them a batch at a time. */
    private final class Batch {
        private final Claim claim;
        private final PaymentFingerprint.Occurrences occurrences = new PaymentFingerprint.Occurrences();
        private final List<SpendLines.Pending> lines = new ArrayList<>();
        private final List<SpendFile.Rejected> rejections = new ArrayList<>();
        /** Bytes of the file read so far: the upload's progress. */
        private final java.util.concurrent.atomic.AtomicLong position = new java.util.concurrent.atomic.AtomicLong();
        /** Lines handed over so far (accepted or rejected), in file order. */
        private long index;
        private long newLines;
        private long duplicates;
        private long rejectedLines;

        Batch(Claim claim) {
            this.claim = claim;
        }

        void accepted(SpendFile.Line line) {
            UUID fingerprint = PaymentFingerprint.of(line.date(), line.amount(), line.supplier(), line.transaction());
            int occurrence = occurrences.next(fingerprint);
            if (index++ < claim.rowsDone()) {
                return; // stored by an earlier attempt; its occurrence is still counted
            }
            lines.add(new SpendLines.Pending(fingerprint, occurrence, line.line(), line.date(), line.amount(),
                    cut(line.supplier(), 300), cut(PayeeNames.key(line.supplier()), 300), cut(line.supplierId(), 100),
                    cut(line.transaction(), 100), cut(line.serviceArea(), 300), cut(line.category(), 300),
                    line.irrecoverableVat(), cut(line.companyNumber(), 20), cut(line.charityNumber(), 20)));
            flushIfFull();
        }

        void rejected(SpendFile.Rejected rejected) {
            if (index++ < claim.rowsDone()) {
                return;
            }
            rejections.add(rejected);
            flushIfFull();
        }

        private void flushIfFull() {
            if (lines.size() + rejections.size() >= config.batchSize()) {
                flush(null);
            }
        }

        void finish(boolean complete) {
            flush(complete);
        }

        /** Stores the batch with the counters; {@code complete} non-null marks the upload DONE in the same commit. */
        private void flush(Boolean complete) {
            if (stopping) {
                throw new Left("the service is stopping");
            }
            QuarkusTransaction.requiringNew().run(() -> withConnection(c -> {
                SpendLines.Stored stored = SpendLines.insert(c, claim.anchorId(), claim.uploadId(), lines);
                if (!rejections.isEmpty()) {
                    try (PreparedStatement reject = c.prepareStatement("""
                            insert into spend_upload_rejection (upload_id, line, reason) values (?, ?, ?)
                            on conflict do nothing""")) {
                        for (SpendFile.Rejected r : rejections) {
                            reject.setObject(1, claim.uploadId());
                            reject.setLong(2, r.line());
                            reject.setString(3, cut(r.reason(), 1000));
                            reject.addBatch();
                        }
                        reject.executeBatch();
                    }
                }
                try (PreparedStatement count = c.prepareStatement("""
                        update spend_upload set rows_read = rows_read + ?, rows_accepted = rows_accepted + ?,
                            rows_duplicate = rows_duplicate + ?, rows_rejected = rows_rejected + ?,
                            amount_accepted = amount_accepted + ?,
                            bytes_read = case when ? then size_bytes else greatest(bytes_read, least(?, size_bytes)) end,
                            lease_until = now() + make_interval(secs => ?),
                            status = case when ? then 'DONE' else status end,
                            complete = coalesce(?, complete),
                            finished_at = case when ? then now() else finished_at end,
                            failure = case when ? then null else failure end
                        where upload_id = ? and lease_owner = ? and status = 'RUNNING'""")) {
                    boolean done = complete != null;
                    count.setLong(1, (long) lines.size() + rejections.size());
                    count.setLong(2, stored.inserted());
                    count.setLong(3, lines.size() - stored.inserted());
                    count.setLong(4, rejections.size());
                    count.setBigDecimal(5, stored.amount());
                    count.setBoolean(6, done);
                    count.setLong(7, position.get());
                    count.setDouble(8, config.lease().toMillis() / 1000.0);
                    count.setBoolean(9, done);
                    if (done) {
                        count.setBoolean(10, complete);
                    } else {
                        count.setNull(10, java.sql.Types.BOOLEAN);
                    }
                    count.setBoolean(11, done);
                    count.setBoolean(12, done);
                    count.setObject(13, claim.uploadId());
                    count.setObject(14, owner);
                    if (count.executeUpdate() != 1) {
                        throw new Left("its lease was taken over"); // rolls the batch back
                    }
                    newLines += stored.inserted();
                    duplicates += lines.size() - stored.inserted();
                    rejectedLines += rejections.size();
                }
                if (complete != null) {
                    try (PreparedStatement parts = c.prepareStatement(
                            "delete from spend_upload_part where upload_id = ?")) {
                        parts.setObject(1, claim.uploadId());
                        parts.executeUpdate();
                    }
                }
            }));
            lines.clear();
            rejections.clear();
        }
    }
}
