package org.anchormarket.tender.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anchormarket.contracts.tender.model.AuditEntry;
import org.anchormarket.contracts.tender.model.Bid;
import org.anchormarket.contracts.tender.model.ContractType;
import org.anchormarket.contracts.tender.model.Eligibility;
import org.anchormarket.contracts.tender.model.Evaluation;
import org.anchormarket.contracts.tender.model.Lot;
import org.anchormarket.contracts.tender.model.NewTender;
import org.anchormarket.contracts.tender.model.Outcome;
import org.anchormarket.contracts.tender.model.Procedure;
import org.anchormarket.contracts.tender.model.Question;
import org.anchormarket.contracts.tender.model.RankedBid;
import org.anchormarket.contracts.tender.model.Reservation;
import org.anchormarket.contracts.tender.model.TenderStatus;
import org.anchormarket.contracts.tender.model.Weights;
import org.anchormarket.tender.domain.Contract;
import org.anchormarket.tender.domain.Scoring;
import org.anchormarket.tender.domain.Tender;
import org.anchormarket.tender.domain.TenderLot;
import org.anchormarket.tender.service.Bids;
import org.anchormarket.tender.service.Evaluations;
import org.anchormarket.tender.service.Tenders;

/** API ↔ domain for tenders, questions, bids, evaluations and contracts. */
public final class TenderMapper {

    private TenderMapper() {
    }

    public static Tenders.Draft toDraft(NewTender t) {
        return new Tenders.Draft(t.getAnchor(), t.getPipelineItemId(), t.getTitle(), t.getDescription(), t.getCpvCodes() == null ? List.of()
                : List.copyOf(t.getCpvCodes()), Tender.ContractType.valueOf(t.getContractType().name()),
                Tender.Procedure.valueOf(t.getProcedure().name()), t.getEstimatedValue(),
                t.getLots() == null ? List.of() : t.getLots().stream().map(l -> new Tenders.LotDraft(l.getTitle(),
                        l.getEstimatedValue(), l.getCpvCodes() == null ? null : List.copyOf(l.getCpvCodes()))).toList(),
                t.getClarificationDeadline().toInstant(), t.getSubmissionDeadline().toInstant(),
                t.getWeights().getPrice(), t.getWeights().getQuality(), t.getWeights().getSocialValue(),
                org.anchormarket.tender.domain.Reservation.valueOf(t.getReservation().name()));
    }

    public static org.anchormarket.tender.domain.Reservation toDomain(Reservation r) {
        return org.anchormarket.tender.domain.Reservation.valueOf(r.name());
    }

    public static Tender.Status toDomain(TenderStatus s) {
        return s == null ? null : Tender.Status.valueOf(s.name());
    }

    /**
     * The tender as the API shows it; {@code eligibility} for a signed-in supplier (empty otherwise).
     */
    public static org.anchormarket.contracts.tender.model.Tender toApi(Tender t, List<TenderLot> lots,
            Set<UUID> awardedLots, String anchorName, boolean shortDeadline, Instant now,
            Optional<Optional<String>> refusal) {
        var api = new org.anchormarket.contracts.tender.model.Tender()
                .id(t.id)
                .anchor(t.anchorId)
                .anchorName(anchorName)
                .title(t.title)
                .description(t.description)
                .cpvCodes(List.of(t.cpvCodes))
                .contractType(ContractType.fromValue(t.contractType.name()))
                .procedure(Procedure.fromValue(t.procedure.name()))
                .estimatedValue(t.estimatedValue)
                .lots(lots.stream().map(l -> new Lot().id(l.id).number(l.number).title(l.title)
                        .estimatedValue(l.estimatedValue).cpvCodes(List.of(l.cpvCodes))
                        .awarded(awardedLots.contains(l.id))).toList())
                .clarificationDeadline(time(t.clarificationDeadline))
                .submissionDeadline(time(t.submissionDeadline))
                .shortDeadline(shortDeadline)
                .weights(new Weights().price(t.weightPrice).quality(t.weightQuality).socialValue(t.weightSocialValue))
                .reservation(Reservation.fromValue(t.reservation.name()))
                .status(TenderStatus.fromValue(t.status(now).name()))
                .pipelineItemId(t.pipelineItemId)
                .cancellationReason(t.cancellationReason)
                .opened(t.opened())
                .publishedAt(time(t.publishedAt));
        refusal.ifPresent(r -> api.eligibility(new Eligibility().eligible(r.isEmpty()).reason(r.orElse(null))));
        return api;
    }

    public static org.anchormarket.contracts.tender.model.PipelineItem toApi(
            org.anchormarket.tender.service.Pipeline.View v, String anchorName) {
        var p = v.item();
        return new org.anchormarket.contracts.tender.model.PipelineItem().id(p.id).anchor(p.anchorId)
                .anchorName(anchorName).title(p.title).description(p.description).cpvCodes(List.of(p.cpvCodes))
                .estimatedValue(p.estimatedValue).expectedPublication(p.expectedPublication).tenderId(p.tenderId)
                .followers(v.followers()).following(v.following());
    }

    public static org.anchormarket.contracts.tender.model.Notification toApi(
            org.anchormarket.tender.service.Notifications.Shown n) {
        return new org.anchormarket.contracts.tender.model.Notification().id(n.id())
                .kind(org.anchormarket.contracts.tender.model.Notification.KindEnum.fromValue(n.kind()))
                .tenderId(n.tenderId()).title(n.title()).text(n.text()).createdAt(time(n.createdAt()));
    }

    public static Question toApi(org.anchormarket.tender.domain.Question q) {
        return new Question().id(q.id).text(q.text).askedAt(time(q.askedAt)).answer(q.answer)
                .answeredAt(time(q.answeredAt));
    }

    public static AuditEntry toApi(org.anchormarket.tender.domain.AuditEntry e) {
        return new AuditEntry().at(time(e.at)).actor(e.actor).action(e.action).detail(e.detail);
    }

    public static Bid toApi(Bids.View v) {
        return new Bid().id(v.bid().id).lotId(v.bid().lotId).supplierId(v.bid().supplierId)
                .supplierName(v.supplierName()).price(v.contents().price())
                .qualityResponse(v.contents().qualityResponse())
                .socialValueCommitments(v.contents().socialValueCommitments())
                .submittedAt(time(v.bid().submittedAt));
    }

    public static org.anchormarket.contracts.tender.model.MyBid toApi(Bids.Mine m) {
        return new org.anchormarket.contracts.tender.model.MyBid().bidId(m.bid().id).tenderId(m.tender().id)
                .tenderTitle(m.tender().title).anchorName(m.anchorName()).lotId(m.lot().id).lotNumber(m.lot().number)
                .lotTitle(m.lot().title).price(m.price()).submittedAt(time(m.bid().submittedAt))
                .submissionDeadline(time(m.tender().submissionDeadline))
                .tenderStatus(TenderStatus.fromValue(m.status().name()))
                .outcome(org.anchormarket.contracts.tender.model.BidOutcome.fromValue(m.outcome().name()));
    }

    public static org.anchormarket.contracts.tender.model.Document toApi(
            org.anchormarket.tender.domain.TenderDocument d) {
        return new org.anchormarket.contracts.tender.model.Document().id(d.id).name(d.name).contentType(d.contentType)
                .size(d.size).sha256(d.sha256).addedAt(time(d.addedAt)).reason(d.reason);
    }

    public static org.anchormarket.contracts.tender.model.Attachment toApi(
            org.anchormarket.tender.service.Documents.Attachment a) {
        return new org.anchormarket.contracts.tender.model.Attachment().id(a.id()).name(a.name())
                .contentType(a.contentType()).size(a.size()).addedAt(time(a.addedAt()));
    }

    public static RankedBid toApi(Scoring.Ranked r) {
        return new RankedBid().bidId(r.entry().bidId()).supplierId(r.entry().supplierId())
                .supplierName(org.anchormarket.tender.domain.KnownSupplier.nameOf(r.entry().supplierId()))
                .price(r.entry().price()).priceScore(r.priceScore()).quality(r.entry().quality())
                .socialValue(r.entry().socialValue()).total(r.total()).rank(r.rank());
    }

    public static Evaluation toApi(Evaluations.Ranking r) {
        Tender t = r.tender();
        return new Evaluation().lotId(r.lot().id)
                .weights(new Weights().price(t.weightPrice).quality(t.weightQuality).socialValue(t.weightSocialValue))
                .complete(r.complete()).bids(r.bids().stream().map(TenderMapper::toApi).toList());
    }

    public static Outcome toApi(Evaluations.Outcome o) {
        return new Outcome().lotId(o.lot().id).won(o.won()).mine(toApi(o.mine())).winner(toApi(o.winner()));
    }

    public static org.anchormarket.contracts.tender.model.Contract toApi(Contract c) {
        return new org.anchormarket.contracts.tender.model.Contract().id(c.id).tenderId(c.tenderId).lotId(c.lotId)
                .anchor(c.anchorId).supplierId(c.supplierId).supplierName(c.supplierName).title(c.title)
                .value(c.value).cpvCodes(List.of(c.cpvCodes)).reservation(Reservation.fromValue(c.reservation.name()))
                .contractStart(c.contractStart).contractEnd(c.contractEnd).awardedAt(time(c.awardedAt));
    }

    private static OffsetDateTime time(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
