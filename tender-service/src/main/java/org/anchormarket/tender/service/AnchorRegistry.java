package org.anchormarket.tender.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.tender.domain.Anchor;
import org.jboss.logging.Logger;

/**
 * The anchor institutions: admins add and change them; every change is announced on {@code anchor.anchors} (through
 * the outbox, in the same transaction) so that other services, such as spend analytics, know them.
 */
@ApplicationScoped
public class AnchorRegistry {

    private static final Logger LOG = Logger.getLogger(AnchorRegistry.class);

    private final AnchorMessages messages;
    private final EntityManager em;
    private final Clock clock = Clock.systemUTC();

    AnchorRegistry(AnchorMessages messages, EntityManager em) {
        this.messages = messages;
        this.em = em;
    }

    /** What an admin asked to change; null fields stay as they are. */
    public record Change(String name, Anchor.Type type) {
    }

    public List<Anchor> all() {
        return Anchor.byName();
    }

    public Anchor get(String id) {
        return Anchor.<Anchor>findByIdOptional(id).orElseThrow(() -> new DomainException.NotFound("Anchor " + id));
    }

    @Transactional
    public Anchor register(String id, String name, Anchor.Type type) {
        requireName(name);
        if (Anchor.findById(id) != null) {
            throw new DomainException.Conflict("There is already an anchor with the id " + id, "id");
        }
        Anchor anchor = new Anchor();
        anchor.id = id;
        anchor.name = name.strip();
        anchor.type = type;
        anchor.createdAt = clock.instant();
        anchor.updatedAt = anchor.createdAt;
        anchor.announced = true;
        try {
            anchor.persistAndFlush();
        } catch (PersistenceException e) {
            // Another request added the same id between the check and this insert
            throw new DomainException.Conflict("There is already an anchor with the id " + id, "id");
        }
        messages.registered(anchor);
        return anchor;
    }

    @Transactional
    public Anchor update(String id, OptionalLong expectedVersion, Change change) {
        if (change.name() != null) {
            requireName(change.name());
        }
        Anchor anchor = get(id);
        DomainException.Stale.unlessCurrent(expectedVersion, anchor.version, "The anchor");
        List<String> changed = new ArrayList<>();
        if (change.name() != null && !change.name().strip().equals(anchor.name)) {
            anchor.name = change.name().strip();
            changed.add("name");
        }
        if (change.type() != null && change.type() != anchor.type) {
            anchor.type = change.type();
            changed.add("type");
        }
        if (changed.isEmpty()) {
            return anchor;
        }
        anchor.updatedAt = clock.instant();
        em.flush(); // the version moves now: a racing edit fails here (409), before anything is announced
        messages.updated(anchor, changed);
        return anchor;
    }

    private static void requireName(String name) {
        if (name.isBlank()) {
            throw DomainException.Invalid.field("name", "must not be blank");
        }
    }

    /** Anchors that were never announced (seeded by a migration) are announced once, at start. */
    @Transactional
    void announceAtStart(@Observes StartupEvent start) {
        List<Anchor> unannounced = em.createQuery("from Anchor where announced = false order by id", Anchor.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED: another instance is announcing them
                .getResultList();
        Instant now = clock.instant();
        for (Anchor anchor : unannounced) {
            anchor.announced = true;
            if (anchor.createdAt == null) {
                anchor.createdAt = now;
            }
            messages.registered(anchor);
        }
        if (!unannounced.isEmpty()) {
            LOG.infof("Announced %d anchor institutions on the anchors topic", unannounced.size());
        }
    }
}
