package org.anchormarket.chassis.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Makes a consumer idempotent: it records each message id in the same transaction as the message's effect, so a
 * redelivered message is recognised and changes nothing.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    Inbox(EntityManager em) {
        this.em = em;
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
}
