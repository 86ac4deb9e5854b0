package org.anchormarket.chassis.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.anchormarket.chassis.inbox.Inbox;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.MessageReader;

/** A projection built the way every service builds one: inbox and version guard, then the effect. */
@ApplicationScoped
public class TestProjection {

    public static final String CONSUMER = "chassis-test";
    /** Keys whose messages the test consumer cannot process for now (as a consumer with a bug could not). */
    public static final java.util.Set<String> REFUSED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Keys whose messages meet a defect of ours (an Error) every time. */
    public static final java.util.Set<String> DEFECTIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Keys whose messages find memory run out, once. */
    public static final java.util.Set<String> OUT_OF_MEMORY_ONCE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Inbox inbox;
    private final MessageReader reader;
    private final EntityManager em;

    TestProjection(Inbox inbox, MessageReader reader, EntityManager em) {
        this.inbox = inbox;
        this.reader = reader;
        this.em = em;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        if (!inbox.accept(CONSUMER, event)) {
            return;
        }
        TestData data = reader.read(event, TestData.class);
        if (REFUSED.contains(event.key())) {
            throw new org.anchormarket.chassis.messaging.PoisonMessageException("refused by the test");
        }
        if (DEFECTIVE.contains(event.key())) {
            throw new AssertionError("a defect met by " + event.key());
        }
        if (OUT_OF_MEMORY_ONCE.remove(event.key())) {
            throw new OutOfMemoryError("Java heap space (thrown by the test)");
        }
        em.createNativeQuery("insert into test_applied (message_id, aggregate_key, version, text) values (?1, ?2, ?3, ?4)")
                .setParameter(1, event.id()).setParameter(2, event.key())
                .setParameter(3, event.version().orElse(-1)).setParameter(4, data.text())
                .executeUpdate();
        em.createNativeQuery("""
                insert into test_state (aggregate_key, version, text) values (?1, ?2, ?3)
                on conflict (aggregate_key) do update set version = excluded.version, text = excluded.text""")
                .setParameter(1, event.key()).setParameter(2, event.version().orElse(-1)).setParameter(3, data.text())
                .executeUpdate();
    }
}
