package org.anchormarket.supplier.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anchormarket.supplier.domain.Supplier;
import org.jboss.logging.Logger;

/**
 * Organisations registered before supplier messages named their members are announced once more (SupplierUpdated
 * with changedFields ["members"]), 200 per transaction, by a job that starts after the service is up (never holding
 * up its start) and looks again each minute while any is left; a second instance skips the rows the first holds. The
 * flag is set by a plain update, so the supplier's version (its ETag) does not change.
 */
@ApplicationScoped
public class MemberAnnouncements {

    private static final Logger LOG = Logger.getLogger(MemberAnnouncements.class);

    private final SupplierMessages messages;
    private final EntityManager em;

    MemberAnnouncements(SupplierMessages messages, EntityManager em) {
        this.messages = messages;
        this.em = em;
    }

    @Scheduled(every = "1m", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void announceAll() {
        int total = 0;
        try {
            int done;
            do {
                done = announceSome();
                total += done;
            } while (done > 0);
        } catch (RuntimeException e) {
            LOG.warnf("Announcing members stopped (it goes on at the next run): %s", e.toString());
        }
        if (total > 0) {
            LOG.infof("Announced the members of %d organisations registered before messages named them", total);
        }
    }

    /** Announces up to 200 organisations not announced yet; returns how many. */
    @Transactional
    public int announceSome() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                select id from supplier where not members_announced order by id limit 200 for update skip locked""",
                UUID.class).getResultList();
        Instant now = Instant.now();
        for (UUID id : ids) {
            Supplier s = Supplier.findById(id);
            if (s.erasedAt == null) {
                messages.updated(s, List.of("members"), now);
            }
        }
        if (!ids.isEmpty()) {
            em.createNativeQuery("update supplier set members_announced = true where id = any(?1)")
                    .setParameter(1, ids.toArray(UUID[]::new)).executeUpdate();
        }
        return ids.size();
    }
}
