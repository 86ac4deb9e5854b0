package org.anchormarket.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.anchormarket.chassis.inbox.Inbox;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.MessageReader;
import org.anchormarket.chassis.messaging.PoisonMessageException;
import org.anchormarket.contracts.messages.PipelineItemAnnounced;
import org.anchormarket.contracts.messages.TenderClosed;
import org.anchormarket.contracts.messages.TenderPublished;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.events.domain.AnchorWork;
import org.jboss.logging.Logger;

/**
 * What each anchor is buying or plans to buy, from anchor.tenders (each message once, in order per key): a published
 * tender is open until it closes; a forward plan is open until a tender names it.
 */
@ApplicationScoped
public class AnchorWorks {

    static final String CONSUMER = "events-service.tenders";
    private static final Logger LOG = Logger.getLogger(AnchorWorks.class);

    private final Inbox inbox;
    private final MessageReader reader;

    AnchorWorks(Inbox inbox, MessageReader reader) {
        this.inbox = inbox;
        this.reader = reader;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        if (!inbox.accept(CONSUMER, event)) {
            return;
        }
        switch (event.type()) {
            case Topics.EventTypes.TENDER_PUBLISHED -> {
                TenderPublished m = reader.read(event, TenderPublished.class);
                keyed(event, m.getTenderId());
                keep(m.getTenderId(), AnchorWork.Kind.TENDER, m.getAnchorId(), m.getTitle(), m.getCpvCodes(), true,
                        m.getPublishedAt().toInstant());
                if (m.getPipelineItemId() != null) {
                    AnchorWork plan = AnchorWork.findById(m.getPipelineItemId());
                    if (plan != null) {
                        plan.open = false;
                    } else { // tendered before its announcement arrived: it stays closed when it does
                        keep(m.getPipelineItemId(), AnchorWork.Kind.PIPELINE, m.getAnchorId(), m.getTitle(),
                                m.getCpvCodes(), false, m.getPublishedAt().toInstant());
                    }
                }
            }
            case Topics.EventTypes.TENDER_CLOSED -> {
                TenderClosed m = reader.read(event, TenderClosed.class);
                keyed(event, m.getTenderId());
                AnchorWork tender = AnchorWork.findById(m.getTenderId());
                if (tender != null) {
                    tender.open = false;
                }
            }
            case Topics.EventTypes.PIPELINE_ITEM_ANNOUNCED -> {
                PipelineItemAnnounced m = reader.read(event, PipelineItemAnnounced.class);
                keyed(event, m.getPipelineItemId());
                if (AnchorWork.findById(m.getPipelineItemId()) == null) {
                    keep(m.getPipelineItemId(), AnchorWork.Kind.PIPELINE, m.getAnchorId(), m.getTitle(),
                            m.getCpvCodes(), true, m.getAnnouncedAt().toInstant())
                            .expectedPublication = m.getExpectedPublication();
                }
            }
            default -> LOG.debugf("Type %s is not used by events-service", event.type());
        }
    }

    /** How long after its expected publication a plan never tendered still counts. */
    static final java.time.Period OVERDUE = java.time.Period.ofMonths(6);

    /** The anchors' open tenders and plans (not those long overdue). */
    public List<AnchorWork> openOf(List<String> anchors, java.time.LocalDate today) {
        return anchors.isEmpty() ? List.of() : AnchorWork.list("""
                open = true and anchor in ?1 and (expectedPublication is null or expectedPublication >= ?2)""",
                anchors, today.minus(OVERDUE));
    }

    private static void keyed(IncomingEvent event, UUID id) {
        if (id == null || !id.toString().equals(event.key())) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " is keyed " + event.key()
                    + " but is about " + id);
        }
    }

    private static AnchorWork keep(UUID id, AnchorWork.Kind kind, String anchor, String title, List<String> cpv,
            boolean open, Instant at) {
        AnchorWork w = AnchorWork.<AnchorWork>findByIdOptional(id).orElseGet(AnchorWork::new);
        w.id = id;
        w.kind = kind;
        w.anchor = anchor;
        w.title = title == null ? "" : title;
        w.cpvCodes = cpv == null ? new String[0] : cpv.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        w.open = open;
        w.updatedAt = at;
        w.persist();
        return w;
    }
}
