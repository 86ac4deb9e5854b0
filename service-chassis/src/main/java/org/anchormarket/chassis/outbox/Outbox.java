package org.anchormarket.chassis.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes a message to the outbox in the caller's transaction: it is published if, and only if, the change it
 * announces commits. Never a dual write to the database and Kafka. Each message gets the next version of its
 * aggregate (topic + key); taking it locks the aggregate's counter until commit, so versions follow commit order.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final Event<OutboxWritten> written;
    private final EntityManager em;
    private final String source;

    Outbox(ObjectMapper json, Event<OutboxWritten> written, EntityManager em,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.json = json;
        this.written = written;
        this.em = em;
        this.source = "urn:anchormarket:" + applicationName;
    }

    /** Queues {@code data} as a CloudEvent of {@code type} on {@code topic}, keyed by {@code key}; returns its id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String key, String type, Object data) {
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.topic = topic;
        message.key = key;
        message.aggregateVersion = nextVersion(topic, key);
        message.type = type;
        message.source = source;
        message.payload = toJson(data);
        message.createdAt = Instant.now();
        // The trace this change belongs to travels with the message (nothing when tracing is off)
        io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator.getInstance().inject(
                io.opentelemetry.context.Context.current(), message, (m, name, value) -> {
                    if (name.equals("traceparent")) {
                        m.traceparent = value;
                    } else if (name.equals("tracestate") && value.length() <= 512) {
                        m.tracestate = value;
                    }
                });
        message.persist();
        written.fire(new OutboxWritten(message.id));
        return message.id;
    }

    private long nextVersion(String topic, String key) {
        return ((Number) em.createNativeQuery("""
                insert into outbox_aggregate_version (topic, aggregate_key, version) values (?1, ?2, 1)
                on conflict (topic, aggregate_key) do update set version = outbox_aggregate_version.version + 1
                returning version""")
                .setParameter(1, topic)
                .setParameter(2, key)
                .getSingleResult()).longValue();
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Message data is not serialisable: " + data.getClass(), e);
        }
    }

    /** Fired inside the writing transaction; the relay observes it after a successful commit. */
    public record OutboxWritten(UUID id) {
    }
}
