package org.anchormarket.tender.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * At start, before any request: every key name the bids were sealed with is configured, and each configured key is
 * the very key its name sealed with before (a check value kept per name). Otherwise the service refuses to start,
 * saying which key is wrong, rather than failing later on the opening with bids nobody can read.
 */
@ApplicationScoped
public class BidKeyCheck {

    private static final Logger LOG = Logger.getLogger(BidKeyCheck.class);

    private final BidSeal seal;
    private final EntityManager em;

    BidKeyCheck(BidSeal seal, EntityManager em) {
        this.seal = seal;
        this.em = em;
    }

    @Transactional
    void atStart(@Observes StartupEvent start) {
        check();
    }

    /** Throws IllegalStateException naming the problem; records the current key's check value the first time. */
    @Transactional
    public void check() {
        em.createNativeQuery("lock table bid_key_check in exclusive mode").executeUpdate();
        @SuppressWarnings("unchecked")
        List<String> used = em.createNativeQuery(
                "select key_id from bid union select key_id from bid_attachment").getResultList();
        for (String id : used) {
            if (!seal.keyIds().contains(id)) {
                throw new IllegalStateException("Bids are sealed with key " + id + ", which is not configured: set "
                        + "tender.bids.retired-keys." + id + " (TENDER_BIDS_RETIRED_KEYS_" + id.toUpperCase()
                        + ") to it, or those bids can never be opened");
            }
            // One real bid of each key must open with the key configured under its name (a key only files used is
            // checked by its check value below)
            @SuppressWarnings("unchecked")
            List<Object[]> bids = em.createNativeQuery("""
                    select sealed, tender_id, lot_id, supplier_id from bid where key_id = ?1 limit 1""")
                    .setParameter(1, id).getResultList();
            if (bids.isEmpty()) {
                continue;
            }
            Object[] bid = bids.get(0);
            try {
                seal.open(new BidSeal.Sealed(id, (byte[]) bid[0]), (java.util.UUID) bid[1], (java.util.UUID) bid[2],
                        (java.util.UUID) bid[3]);
            } catch (IllegalStateException e) {
                throw new IllegalStateException("The key configured as " + id + " does not open the bids sealed with "
                        + id + ": it is not the key they were sealed with", e);
            }
        }
        for (String id : seal.keyIds()) {
            @SuppressWarnings("unchecked")
            List<byte[]> kept = em.createNativeQuery("select sealed from bid_key_check where key_id = ?1")
                    .setParameter(1, id).getResultList();
            if (!kept.isEmpty() && !seal.opensCheck(new BidSeal.Sealed(id, kept.get(0)))) {
                throw new IllegalStateException("The key configured as " + id + " is not the key " + id
                        + " sealed bids with before: give a new key a new name (tender.bids.key-id) and keep the "
                        + "old one as tender.bids.retired-keys.<its name>");
            }
        }
        String current = seal.currentKeyId();
        int added = em.createNativeQuery("""
                insert into bid_key_check (key_id, sealed, created_at) values (?1, ?2, ?3)
                on conflict (key_id) do nothing""")
                .setParameter(1, current).setParameter(2, seal.sealCheck().bytes()).setParameter(3, Instant.now())
                .executeUpdate();
        if (added == 1) {
            LOG.infof("Bid key %s is in use from now on", current);
        }
    }
}
