package org.anchormarket.analytics.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.anchormarket.analytics.config.UploadsConfig;
import org.anchormarket.analytics.domain.KnownAnchor;
import org.anchormarket.analytics.domain.SpendUpload;
import org.anchormarket.analytics.domain.spendfile.SpendFile;
import org.anchormarket.chassis.domain.DomainException;

/**
 * Takes spend files in: checks who uploads for which anchor and that the file reads as a spend file, keeps it (in
 * parts, in this service's database) with its upload in one transaction, and leaves the reading to
 * {@link UploadReader}. Accepted means kept: a restart between the answer and the reading loses nothing.
 */
@ApplicationScoped
public class SpendUploads {

    /** Who is asking: admins and leadership act for every anchor, a buyer for its own ({@code ownAnchor}). */
    public record Caller(String name, boolean everyAnchor, String ownAnchor) {

        boolean actsFor(String anchorId) {
            return everyAnchor || ownAnchor != null && ownAnchor.equals(anchorId);
        }
    }

    /** One rejected line. */
    public record Rejection(long line, String reason) {
    }

    /** A page of rejected lines. */
    public record RejectionPage(List<Rejection> items, int page, int pageSize, long total) {
    }

    private final DataSource db;
    private final UploadReader reader;
    private final UploadsConfig config;

    SpendUploads(DataSource db, UploadReader reader, UploadsConfig config) {
        this.db = db;
        this.reader = reader;
        this.config = config;
    }

    /**
     * Accepts {@code file} as {@code anchorId}'s spend, with the uploader's column names ({@code columns}, each
     * {@code column=header}); refused (nothing kept) when the caller may not, the anchor is unknown or the file's
     * header cannot be read.
     */
    public SpendUpload accept(Caller caller, String anchorId, List<String> columns, Path file) {
        if (!caller.actsFor(anchorId)) {
            throw new DomainException.NotAllowed("A buyer uploads spend for its own anchor only ("
                    + (caller.ownAnchor() == null ? "none is set for this user" : caller.ownAnchor()) + ")",
                    "anchor", "is not the caller's anchor");
        }
        if (KnownAnchor.findById(anchorId) == null) {
            throw DomainException.Invalid.field("anchor", "is not an anchor institution known here: "
                    + UploadReader.cut(anchorId, 60));
        }
        Map<SpendFile.Column, String> overrides = overrides(columns);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (size == 0) {
            throw DomainException.Invalid.field("body", "is empty: send the spend file as the body (text/csv)");
        }
        SpendFile.Inspection inspection;
        try {
            inspection = SpendFile.inspect(file, overrides);
        } catch (SpendFile.UnreadableHeader e) {
            throw DomainException.Invalid.field(overrides.isEmpty() ? "body" : "column", e.getMessage());
        }
        SpendUpload upload = new SpendUpload();
        upload.uploadId = UUID.randomUUID();
        upload.anchorId = anchorId;
        upload.uploadedBy = UploadReader.cut(caller.name(), 200);
        upload.uploadedAt = Instant.now();
        upload.sizeBytes = size;
        upload.encoding = inspection.charset().name();
        upload.overrides = write(overrides);
        upload.columnsFound = write(SpendFile.found(inspection.layout()));
        upload.status = SpendUpload.Status.RUNNING;
        upload.amountAccepted = BigDecimal.ZERO.setScale(2);
        QuarkusTransaction.requiringNew().run(() -> {
            upload.persist();
            SpendUpload.flush();
            keepParts(upload.uploadId, file);
        });
        reader.wake();
        return upload;
    }

    /** The column names an uploader gave, as {@code column=header} with the columns' API names. */
    static Map<SpendFile.Column, String> overrides(List<String> columns) {
        Map<SpendFile.Column, String> overrides = new EnumMap<>(SpendFile.Column.class);
        for (String given : columns == null ? List.<String>of() : columns) {
            int equals = given.indexOf('=');
            if (equals <= 0 || given.substring(equals + 1).isBlank()) {
                throw DomainException.Invalid.field("column", "\"" + UploadReader.cut(given, 60)
                        + "\" is not column=header (e.g. amount=Gross Value)");
            }
            SpendFile.Column column = COLUMNS.get(given.substring(0, equals).strip().toLowerCase(Locale.ROOT));
            if (column == null) {
                throw DomainException.Invalid.field("column", "\"" + UploadReader.cut(given.substring(0, equals), 40)
                        + "\" is not a column; the columns are " + String.join(", ", COLUMNS.keySet()));
            }
            if (overrides.put(column, given.substring(equals + 1).strip()) != null) {
                throw DomainException.Invalid.field("column", "names the " + apiName(column) + " column twice");
            }
        }
        return overrides;
    }

    /** The columns by their API names (lower case here): body, date, ..., supplierId as supplierid. */
    private static final Map<String, SpendFile.Column> COLUMNS = new LinkedHashMap<>();

    static {
        for (SpendFile.Column column : SpendFile.Column.values()) {
            COLUMNS.put(apiName(column).toLowerCase(Locale.ROOT), column);
        }
    }

    /** A column's name in the API: SUPPLIER_ID is supplierId. */
    public static String apiName(SpendFile.Column column) {
        String[] words = column.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    private static Map<String, String> write(Map<SpendFile.Column, String> columns) {
        Map<String, String> named = new LinkedHashMap<>();
        columns.forEach((column, header) -> named.put(column.name(), header));
        return named;
    }

    /** The file, kept in parts until it has been read. */
    private void keepParts(UUID uploadId, Path file) {
        try (Connection c = db.getConnection(); PreparedStatement part = c.prepareStatement(
                "insert into spend_upload_part (upload_id, seq, bytes) values (?, ?, ?)");
                InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[config.partSize()];
            int seq = 0;
            while (true) {
                int n = in.readNBytes(buffer, 0, buffer.length);
                if (n == 0) {
                    break;
                }
                part.setObject(1, uploadId);
                part.setInt(2, seq++);
                part.setBytes(3, n == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, n));
                part.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The upload, if the caller may see it (its anchor's buyer, an admin or leadership). */
    public SpendUpload find(Caller caller, UUID uploadId) {
        SpendUpload upload = QuarkusTransaction.requiringNew().call(() -> SpendUpload.findById(uploadId));
        if (upload == null) {
            throw new DomainException.NotFound("upload " + uploadId);
        }
        if (!caller.actsFor(upload.anchorId)) {
            throw new DomainException.NotAllowed("This upload is another anchor's");
        }
        return upload;
    }

    /** A page of the upload's rejected lines, in line order. */
    public RejectionPage rejections(Caller caller, UUID uploadId, int page, int pageSize) {
        find(caller, uploadId);
        return QuarkusTransaction.requiringNew().call(() -> {
            var em = SpendUpload.getEntityManager();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select line, reason from spend_upload_rejection where upload_id = ?1 order by line
                    limit ?2 offset ?3""").setParameter(1, uploadId).setParameter(2, pageSize)
                    .setParameter(3, (long) page * pageSize).getResultList();
            long total = ((Number) em.createNativeQuery(
                    "select count(*) from spend_upload_rejection where upload_id = ?1").setParameter(1, uploadId)
                    .getSingleResult()).longValue();
            return new RejectionPage(rows.stream().map(r -> new Rejection(((Number) r[0]).longValue(),
                    (String) r[1])).toList(), page, pageSize, total);
        });
    }
}
