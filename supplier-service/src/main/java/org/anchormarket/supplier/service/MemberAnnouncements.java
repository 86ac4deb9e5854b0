package org.anchormarket.supplier.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anchormarket.supplier.domain.Supplier;
import org.jboss.logging.Logger;

/**
 * Organisations registered before supplier messages named their members are announced once more at start
 * (SupplierUpdated with changedFields ["members"]), a few hundred per transaction; a second instance starting at
 * once skips the rows the first holds.
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

    void atStart(@Observes StartupEvent start) {
        int total = 0;
        int done;
        do {
            done = announceSome();
            total += done;
        } while (done > 0);
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
            s.membersAnnounced = true;
            if (s.erasedAt == null) {
                messages.updated(s, List.of("members"), now);
            }
        }
        return ids.size();
    }
}
