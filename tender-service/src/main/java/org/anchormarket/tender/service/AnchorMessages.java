package org.anchormarket.tender.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import org.anchormarket.chassis.outbox.Outbox;
import org.anchormarket.contracts.messages.AnchorRegistered;
import org.anchormarket.contracts.messages.AnchorType;
import org.anchormarket.contracts.messages.AnchorUpdated;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.tender.domain.Anchor;

/** The anchor's messages, written to the outbox in the caller's transaction. */
@ApplicationScoped
public class AnchorMessages {

    private final Outbox outbox;

    AnchorMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    void registered(Anchor anchor) {
        outbox.publish(Topics.ANCHORS, anchor.id, Topics.EventTypes.ANCHOR_REGISTERED, new AnchorRegistered()
                .anchorId(anchor.id)
                .name(anchor.name)
                .type(type(anchor))
                .registeredAt(anchor.createdAt.atOffset(ZoneOffset.UTC)));
    }

    void updated(Anchor anchor, List<String> changed) {
        outbox.publish(Topics.ANCHORS, anchor.id, Topics.EventTypes.ANCHOR_UPDATED, new AnchorUpdated()
                .anchorId(anchor.id)
                .name(anchor.name)
                .type(type(anchor))
                .changedFields(List.copyOf(changed))
                .updatedAt(anchor.updatedAt.atOffset(ZoneOffset.UTC)));
    }

    private static AnchorType type(Anchor anchor) {
        AnchorType type = AnchorType.fromValue(anchor.type.name());
        if (type.name().startsWith("UNKNOWN_DEFAULT")) {
            throw new IllegalStateException("messages.yaml has no anchor type " + anchor.type + ": add it there first");
        }
        return type;
    }
}
