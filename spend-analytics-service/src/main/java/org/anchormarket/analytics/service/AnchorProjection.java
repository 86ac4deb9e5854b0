package org.anchormarket.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.anchormarket.analytics.domain.KnownAnchor;
import org.anchormarket.chassis.inbox.Inbox;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.MessageReader;
import org.anchormarket.contracts.messages.AnchorRegistered;
import org.anchormarket.contracts.messages.AnchorUpdated;
import org.anchormarket.contracts.messaging.Topics;
import org.jboss.logging.Logger;

/**
 * Keeps the anchors spend analytics knows, from tender-service's messages: each applied once, never an older version
 * over a newer one. Both messages carry the anchor's whole state, so either stands in for one that never arrived.
 */
@ApplicationScoped
public class AnchorProjection {

    static final String CONSUMER = "spend-analytics.anchors";
    private static final Logger LOG = Logger.getLogger(AnchorProjection.class);

    private final Inbox inbox;
    private final MessageReader reader;

    AnchorProjection(Inbox inbox, MessageReader reader) {
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
                AnchorRegistered registered = reader.read(event, AnchorRegistered.class);
                keyed(event, registered.getAnchorId());
                keep(registered.getAnchorId(), registered.getName(), type(registered.getType()),
                        registered.getRegisteredAt().toInstant());
            }
            case Topics.EventTypes.ANCHOR_UPDATED -> {
                AnchorUpdated updated = reader.read(event, AnchorUpdated.class);
                keyed(event, updated.getAnchorId());
                keep(updated.getAnchorId(), updated.getName(), type(updated.getType()),
                        updated.getUpdatedAt().toInstant());
            }
            default -> LOG.debugf("Type %s is not used by spend analytics", event.type());
        }
    }

    /** Versions are counted per message key: a message about another anchor than its key is not to be trusted. */
    private static void keyed(IncomingEvent event, String anchorId) {
        if (anchorId == null || !anchorId.equals(event.key())) {
            throw new org.anchormarket.chassis.messaging.PoisonMessageException(event.type() + " " + event.id()
                    + " is keyed " + event.key() + " but is about anchor " + anchorId);
        }
    }

    /** A type this version does not know yet (a newer producer's) counts as OTHER until it does. */
    private static String type(org.anchormarket.contracts.messages.AnchorType type) {
        return type == null || type.name().startsWith("UNKNOWN_DEFAULT") ? "OTHER" : type.toString();
    }

    private static void keep(String id, String name, String type, Instant at) {
        KnownAnchor anchor = KnownAnchor.<KnownAnchor>findByIdOptional(id).orElseGet(() -> {
            KnownAnchor a = new KnownAnchor();
            a.anchorId = id;
            return a;
        });
        anchor.name = name;
        anchor.type = type;
        anchor.updatedAt = at;
        anchor.persist();
    }

    /** The anchor, if spend analytics has learnt of it. */
    public Optional<KnownAnchor> find(String id) {
        return KnownAnchor.findByIdOptional(id);
    }
}
