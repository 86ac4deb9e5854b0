package org.anchormarket.analytics.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A spend file uploaded for an anchor, and how reading it goes. */
@Entity
@Table(name = "spend_upload")
public class SpendUpload extends PanacheEntityBase {

    public enum Status {
        RUNNING, DONE, FAILED
    }

    @Id
    @Column(name = "upload_id")
    public UUID uploadId;

    @Column(name = "anchor_id", nullable = false)
    public String anchorId;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    /** The encoding the file is read in (UTF-8 or windows-1252), as detected when it was accepted. */
    @Column(nullable = false)
    public String encoding;

    /** The uploader's column names for an odd file: column (SpendFile.Column's name) to header. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> overrides;

    /** Where the columns were found: column (SpendFile.Column's name) to header. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "columns_found", nullable = false)
    public Map<String, String> columnsFound;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** How far reading has gone through the file, in bytes (its size when done). */
    @Column(name = "bytes_read", nullable = false)
    public long bytesRead;

    @Column(name = "rows_read", nullable = false)
    public long rowsRead;

    @Column(name = "rows_accepted", nullable = false)
    public long rowsAccepted;

    @Column(name = "rows_duplicate", nullable = false)
    public long rowsDuplicate;

    @Column(name = "rows_rejected", nullable = false)
    public long rowsRejected;

    @Column(name = "amount_accepted", nullable = false)
    public BigDecimal amountAccepted;

    /** Whether the file was read to its end (null while it is read). */
    public Boolean complete;

    public String failure;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
