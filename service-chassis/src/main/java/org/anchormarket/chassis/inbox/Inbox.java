package org.anchormarket.chassis.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.jboss.logging.Logger;

/**
 * Makes a consumer idempotent and order-safe, in the same transaction as the message's effect:
 * <ul>
 * <li>each message id is recorded, so a redelivered message changes nothing (the first delivery wins);</li>
 * <li>the newest version applied of each aggregate is recorded, so a late message with an older version changes
 * nothing either (an erased supplier stays erased when its registration arrives again).</li>
 * </ul>
 * Ids are kept for {@link Config#retention()}, longer than the topics keep messages; versions for good.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager em;
    private final Config config;

    Inbox(EntityManager em, Config config) {
        this.em = em;
        this.config = config;
    }

    @ConfigMapping(prefix = "anchor.inbox")
    public interface Config {
        /** How long processed message ids are kept: longer than any topic's retention (7 days). */
        @WithDefault("P14D")
        Duration retention();
    }

    /**
     * True when {@code consumer} should apply the event: the first delivery of its id, and a version of its
     * aggregate newer than any applied on the same topic (producers number versions per topic and key; an event
     * without a version is judged by its id alone). Records both.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean accept(String consumer, IncomingEvent event) {
        if (!firstDelivery(consumer, event.id())) {
            LOG.debugf("%s: %s %s already processed, skipped", consumer, event.type(), event.id());
            return false;
        }
        String versioned = event.topic() == null ? event.key() : event.topic() + "/" + event.key();
        if (event.version().isPresent() && !advance(consumer, versioned, event.version().getAsLong())) {
            LOG.debugf("%s: %s %s has version %d of %s, older than the one applied: skipped", consumer, event.type(),
                    event.id(), event.version().getAsLong(), event.key());
            return false;
        }
        return true;
    }

    /** True the first time {@code consumer} sees {@code messageId}; false for every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String messageId) {
        int inserted = em.createNativeQuery("""
                insert into processed_message (consumer, message_id, processed_at) values (?1, ?2, now())
                on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, messageId)
                .executeUpdate();
        return inserted == 1;
    }

    /** Records {@code version} as the aggregate's newest; false (nothing changed) when it is not newer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean advance(String consumer, String aggregateKey, long version) {
        int changed = em.createNativeQuery("""
                insert into consumed_version (consumer, aggregate_key, version) values (?1, ?2, ?3)
                on conflict (consumer, aggregate_key) do update set version = excluded.version
                where consumed_version.version < excluded.version""")
                .setParameter(1, consumer)
                .setParameter(2, aggregateKey)
                .setParameter(3, version)
                .executeUpdate();
        return changed == 1;
    }

    /** Forgets message ids older than the retention, a few thousand per transaction. */
    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void prune() {
        Instant cutOff = Instant.now().minus(config.retention());
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    delete from processed_message where ctid in (
                        select ctid from processed_message where processed_at < ?1 limit 5000)""")
                    .setParameter(1, cutOff).executeUpdate());
        } while (deleted > 0);
    }
}
