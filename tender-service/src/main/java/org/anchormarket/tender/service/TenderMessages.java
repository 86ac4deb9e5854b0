package org.anchormarket.tender.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.anchormarket.chassis.outbox.Outbox;
import org.anchormarket.contracts.messages.BidSubmitted;
import org.anchormarket.contracts.messages.ContractAwarded;
import org.anchormarket.contracts.messages.TenderAmended;
import org.anchormarket.contracts.messages.TenderClosed;
import org.anchormarket.contracts.messages.TenderLotSummary;
import org.anchormarket.contracts.messages.TenderPublished;
import org.anchormarket.contracts.messages.TenderReservation;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.tender.domain.Bid;
import org.anchormarket.tender.domain.Contract;
import org.anchormarket.tender.domain.Reservation;
import org.anchormarket.tender.domain.Tender;
import org.anchormarket.tender.domain.TenderLot;

/** The tender's messages on anchor.tenders, keyed by tender id, written to the outbox in the caller's transaction. */
@ApplicationScoped
public class TenderMessages {

    private final Outbox outbox;

    TenderMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    void published(Tender t, List<TenderLot> lots) {
        outbox.publish(Topics.TENDERS, t.id.toString(), Topics.EventTypes.TENDER_PUBLISHED, new TenderPublished()
                .tenderId(t.id)
                .anchorId(t.anchorId)
                .title(t.title)
                .contractType(TenderPublished.ContractTypeEnum.fromValue(t.contractType.name()))
                .cpvCodes(List.of(t.cpvCodes))
                .estimatedValue(money(t.estimatedValue))
                .reservation(reservation(t.reservation))
                .clarificationDeadline(t.clarificationDeadline.atOffset(ZoneOffset.UTC))
                .submissionDeadline(t.submissionDeadline.atOffset(ZoneOffset.UTC))
                .lots(lots.stream().map(l -> new TenderLotSummary().lotId(l.id).title(l.title)
                        .estimatedValue(money(l.estimatedValue)).cpvCodes(List.of(l.cpvCodes))).toList())
                .pipelineItemId(t.pipelineItemId)
                .publishedAt(t.publishedAt.atOffset(ZoneOffset.UTC)));
    }

    void pipelineItemAnnounced(org.anchormarket.tender.domain.PipelineItem item) {
        outbox.publish(Topics.TENDERS, item.id.toString(), Topics.EventTypes.PIPELINE_ITEM_ANNOUNCED,
                new org.anchormarket.contracts.messages.PipelineItemAnnounced()
                        .pipelineItemId(item.id)
                        .anchorId(item.anchorId)
                        .title(item.title)
                        .cpvCodes(List.of(item.cpvCodes))
                        .estimatedValue(money(item.estimatedValue))
                        .expectedPublication(item.expectedPublication)
                        .announcedAt(item.createdAt.atOffset(ZoneOffset.UTC)));
    }

    void amended(Tender t, String reason, List<String> changed, Instant at) {
        outbox.publish(Topics.TENDERS, t.id.toString(), Topics.EventTypes.TENDER_AMENDED, new TenderAmended()
                .tenderId(t.id)
                .anchorId(t.anchorId)
                .reason(reason)
                .clarificationDeadline(t.clarificationDeadline.atOffset(ZoneOffset.UTC))
                .submissionDeadline(t.submissionDeadline.atOffset(ZoneOffset.UTC))
                .changedFields(List.copyOf(changed))
                .amendedAt(at.atOffset(ZoneOffset.UTC)));
    }

    void closed(Tender t, List<Bid> bids, Instant at) {
        outbox.publish(Topics.TENDERS, t.id.toString(), Topics.EventTypes.TENDER_CLOSED, new TenderClosed()
                .tenderId(t.id)
                .anchorId(t.anchorId)
                .status(TenderClosed.StatusEnum.CLOSED)
                .bids(bids.size())
                .bidders(bids.stream().map(b -> new org.anchormarket.contracts.messages.TenderBidder().lotId(b.lotId)
                        .supplierId(b.supplierId)).toList())
                .closedAt(at.atOffset(ZoneOffset.UTC)));
    }

    void cancelled(Tender t, Instant at) {
        outbox.publish(Topics.TENDERS, t.id.toString(), Topics.EventTypes.TENDER_CLOSED, new TenderClosed()
                .tenderId(t.id)
                .anchorId(t.anchorId)
                .status(TenderClosed.StatusEnum.CANCELLED)
                .reason(t.cancellationReason)
                .closedAt(at.atOffset(ZoneOffset.UTC)));
    }

    void bidSubmitted(Bid bid, String anchorId) {
        outbox.publish(Topics.TENDERS, bid.tenderId.toString(), Topics.EventTypes.BID_SUBMITTED, new BidSubmitted()
                .tenderId(bid.tenderId)
                .anchorId(anchorId)
                .lotId(bid.lotId)
                .supplierId(bid.supplierId)
                .submittedAt(bid.submittedAt.atOffset(ZoneOffset.UTC)));
    }

    void awarded(Contract c) {
        outbox.publish(Topics.TENDERS, c.tenderId.toString(), Topics.EventTypes.CONTRACT_AWARDED, new ContractAwarded()
                .contractId(c.id)
                .tenderId(c.tenderId)
                .lotId(c.lotId)
                .anchorId(c.anchorId)
                .supplierId(c.supplierId)
                .supplierName(c.supplierName)
                .title(c.title)
                .value(money(c.value))
                .cpvCodes(List.of(c.cpvCodes))
                .reservation(reservation(c.reservation))
                .contractStart(c.contractStart)
                .contractEnd(c.contractEnd)
                .awardedAt(c.awardedAt.atOffset(ZoneOffset.UTC)));
    }

    private static String money(BigDecimal value) {
        return value == null ? null : value.setScale(2).toPlainString();
    }

    private static TenderReservation reservation(Reservation r) {
        TenderReservation value = TenderReservation.fromValue(r.name());
        if (value.name().startsWith("UNKNOWN_DEFAULT")) {
            throw new IllegalStateException("messages.yaml has no reservation " + r + ": add it there first");
        }
        return value;
    }
}
