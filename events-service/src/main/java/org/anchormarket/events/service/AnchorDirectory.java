package org.anchormarket.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.chassis.domain.DomainException.Violation;
import org.anchormarket.chassis.inbox.Inbox;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.MessageReader;
import org.anchormarket.chassis.messaging.PoisonMessageException;
import org.anchormarket.contracts.messages.AnchorRegistered;
import org.anchormarket.contracts.messages.AnchorUpdated;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.events.domain.KnownAnchor;
import org.jboss.logging.Logger;

/**
 * The anchors this service knows, from tender-service's messages on anchor.anchors: each applied once, never an older
 * version over a newer one. Both messages carry the anchor's whole state.
 */
@ApplicationScoped
public class AnchorDirectory {

    static final String CONSUMER = "events-service.anchors";
    private static final Logger LOG = Logger.getLogger(AnchorDirectory.class);

    private final Inbox inbox;
    private final MessageReader reader;

    AnchorDirectory(Inbox inbox, MessageReader reader) {
        this.inbox = inbox;
        this.reader = reader;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        if (!inbox.accept(CONSUMER, event)) {
            return;
        }
        switch (event.type()) {
            case Topics.EventTypes.ANCHOR_REGISTERED -> {
                AnchorRegistered m = reader.read(event, AnchorRegistered.class);
                keep(event, m.getAnchorId(), m.getName(), m.getType(), m.getRegisteredAt().toInstant());
            }
            case Topics.EventTypes.ANCHOR_UPDATED -> {
                AnchorUpdated m = reader.read(event, AnchorUpdated.class);
                keep(event, m.getAnchorId(), m.getName(), m.getType(), m.getUpdatedAt().toInstant());
            }
            default -> LOG.debugf("Type %s is not used by events-service", event.type());
        }
    }

    /** Refuses (400, naming {@code field}) an anchor not known here. */
    public void requireKnown(String id, String field) {
        if (KnownAnchor.findById(id) == null) {
            throw DomainException.Invalid.field(field, "is no anchor institution known here");
        }
    }

    /** Refuses (400, naming each) anchors not known here; {@code field} names the list. */
    public void requireKnown(List<String> ids, String field) {
        List<Violation> unknown = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (KnownAnchor.findById(ids.get(i)) == null) {
                unknown.add(new Violation(field + "[" + i + "]", "is no anchor institution known here"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new DomainException.Invalid("The request names unknown anchors", unknown);
        }
    }

    private static void keep(IncomingEvent event, String id, String name,
            org.anchormarket.contracts.messages.AnchorType type, Instant at) {
        if (id == null || !id.equals(event.key())) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " is keyed " + event.key()
                    + " but is about anchor " + id);
        }
        KnownAnchor anchor = KnownAnchor.<KnownAnchor>findByIdOptional(id).orElseGet(() -> {
            KnownAnchor a = new KnownAnchor();
            a.anchorId = id;
            return a;
        });
        anchor.name = name;
        anchor.type = type == null || type.name().startsWith("UNKNOWN_DEFAULT") ? "OTHER" : type.toString();
        anchor.updatedAt = at;
        anchor.persist();
    }
}
