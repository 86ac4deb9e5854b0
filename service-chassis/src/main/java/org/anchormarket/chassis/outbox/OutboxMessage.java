package org.anchormarket.chassis.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message waiting in the outbox (or already relayed, until the retention period ends). */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    /** The CloudEvents id: consumers de-duplicate on it. */
    @Column(nullable = false, unique = true)
    public UUID id;

    @Column(nullable = false)
    public String topic;

    /** The aggregate's id: the Kafka key, so one aggregate's messages share a partition and keep their order. */
    @Column(name = "message_key", nullable = false)
    public String key;

    /** The aggregate's version after the change this message announces: 1, 2, 3 ... per topic and key. */
    @Column(name = "aggregate_version", nullable = false)
    public long aggregateVersion;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The W3C trace context the message was written in, if traced. */
    public String traceparent;

    public String tracestate;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** Failed sends so far; the last failure's reason. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** Set when the broker refused the message for good: it is passed over, and kept for an operator. */
    @Column(name = "parked_at")
    public Instant parkedAt;
}
