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
        name = cleanName(name);
        if (Anchor.findById(id) != null) {
            throw new DomainException.Conflict("There is already an anchor with the id " + id, "id");
        }
        Anchor anchor = new Anchor();
        anchor.id = id;
        anchor.name = name;
        anchor.type = type;
        anchor.createdAt = clock.instant();
        anchor.updatedAt = anchor.createdAt;
        anchor.announced = true;
        try {
            anchor.persistAndFlush();
        } catch (PersistenceException e) {
            if (e instanceof org.hibernate.exception.ConstraintViolationException
                    || e.getCause() instanceof org.hibernate.exception.ConstraintViolationException) {
                // Another request added the same id between the check and this insert
                throw new DomainException.Conflict("There is already an anchor with the id " + id, "id");
            }
            throw e;
        }
        messages.registered(anchor);
        return anchor;
    }

    @Transactional
    public Anchor update(String id, OptionalLong expectedVersion, Change change) {
        String name = change.name() == null ? null : cleanName(change.name());
        Anchor anchor = get(id);
        DomainException.Stale.unlessCurrent(expectedVersion, anchor.version, "The anchor");
        List<String> changed = new ArrayList<>();
        if (name != null && !name.equals(anchor.name)) {
            anchor.name = name;
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

    /** The name as shown: NFC, no invisible or control characters, spaces trimmed; at least two characters left. */
    private static String cleanName(String name) {
        String clean = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC)
                .replaceAll("\\p{Cf}", "").replaceAll("\\p{Z}", " ").strip();
        if (clean.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.Invalid.field("name", "must be one line of text (no control characters)");
        }
        if (clean.length() < 2) {
            throw DomainException.Invalid.field("name", "must have at least two visible characters");
        }
        return clean;
    }

    /**
     * Every anchor is announced at each start (its whole state: AnchorRegistered the first time, then AnchorUpdated
     * with nothing changed), so a consumer that starts afresh, or lost the topic's older messages to retention, still
     * learns every anchor. Rows are locked while announced; a second instance starting at once waits, then announces
     * them again (harmless: consumers keep the newest state).
     */
    @Transactional
    void announceAtStart(@Observes StartupEvent start) {
        List<Anchor> anchors = em.createQuery("from Anchor order by id", Anchor.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Instant now = clock.instant();
        for (Anchor anchor : anchors) {
            if (anchor.createdAt == null) {
                anchor.createdAt = now;
            }
            if (anchor.announced) {
                messages.updated(anchor, List.of());
            } else {
                anchor.announced = true;
                messages.registered(anchor);
            }
        }
        LOG.infof("Announced %d anchor institutions on the anchors topic", anchors.size());
    }
}
