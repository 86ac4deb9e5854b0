package org.anchormarket.tender.service;

import org.anchormarket.chassis.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.tender.domain.Bid;
import org.anchormarket.tender.domain.Contract;
import org.anchormarket.tender.domain.KnownSupplier;
import org.anchormarket.tender.domain.Scoring;
import org.anchormarket.tender.domain.Tender;
import org.anchormarket.tender.domain.TenderLot;

/** Scoring opened bids, ranking them, awarding a lot (the contract register) and telling bidders the outcome. */
@ApplicationScoped
public class Evaluations {

    private final Tenders tenders;
    private final Bids bids;
    private final SupplierDirectory directory;
    private final TenderMessages messages;
    private final Audit audit;
    private final EntityManager em;
    private final Clock clock;

    private final OpenData openData;

    Evaluations(Tenders tenders, Bids bids, SupplierDirectory directory, TenderMessages messages, Audit audit,
            OpenData openData, EntityManager em, Clock clock) {
        this.openData = openData;
        this.tenders = tenders;
        this.bids = bids;
        this.directory = directory;
        this.messages = messages;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    /** A lot's ranking: the weights, each bid's scores and whether every bid is scored. */
    public record Ranking(Tender tender, TenderLot lot, List<Scoring.Ranked> bids, boolean complete) {
        public java.util.Optional<Scoring.Ranked> of(UUID bidId) {
            return bids.stream().filter(r -> r.entry().bidId().equals(bidId)).findFirst();
        }
    }

    public record Outcome(TenderLot lot, boolean won, Scoring.Ranked mine, Scoring.Ranked winner) {
    }

    @Transactional
    public Scoring.Ranked score(UUID tenderId, UUID lotId, UUID bidId, BigDecimal quality, BigDecimal socialValue,
            Caller caller) {
        Tender t = tenders.forShare(tenderId, caller);
        caller.requireActsFor(t.anchorId);
        TenderLot lot = Bids.lot(t, lotId);
        Bids.requireOpened(t);
        if (t.status == Tender.Status.CANCELLED) {
            throw new DomainException.Conflict("The tender was cancelled", "status");
        }
        if (tenders.awardedLots(t.id).contains(lot.id)) {
            throw new DomainException.Conflict("Lot " + lot.number + " is awarded: its scores are final", "lotId");
        }
        Bid bid = Bid.findById(bidId);
        if (bid == null || !bid.lotId.equals(lot.id)) {
            throw new DomainException.NotFound("Bid " + bidId + " for lot " + lot.number);
        }
        for (var score : List.of(java.util.Map.entry("quality", quality), java.util.Map.entry("socialValue",
                socialValue))) {
            if (score.getValue().stripTrailingZeros().scale() > 2) {
                throw DomainException.Invalid.field(score.getKey(), "must have at most two decimal places");
            }
        }
        Instant now = clock.instant();
        bid.qualityScore = quality.setScale(2);
        bid.socialValueScore = socialValue.setScale(2);
        bid.scoredBy = caller.actor();
        bid.scoredAt = now;
        em.flush();
        audit.record(t.id, now, caller.actor(), "BID_SCORED", "bid " + bid.id + ": quality " + bid.qualityScore
                + ", social value " + bid.socialValueScore);
        return ranking(t, lot).of(bid.id).orElseThrow();
    }

    public Ranking evaluation(UUID tenderId, UUID lotId, Caller caller) {
        Tender t = tenders.get(tenderId, caller);
        caller.requireActsFor(t.anchorId);
        TenderLot lot = Bids.lot(t, lotId);
        Bids.requireOpened(t);
        return ranking(t, lot);
    }

    private Ranking ranking(Tender t, TenderLot lot) {
        List<Scoring.Entry> entries = Bid.ofLot(lot.id).stream().map(b -> new Scoring.Entry(b.id, b.supplierId,
                bids.open(b).price(), b.qualityScore, b.socialValueScore, b.submittedAt)).toList();
        List<Scoring.Ranked> ranked = Scoring.rank(entries, t.weightPrice, t.weightQuality, t.weightSocialValue);
        return new Ranking(t, lot, ranked, !ranked.isEmpty() && ranked.stream().allMatch(r -> r.total() != null));
    }

    @Transactional
    public Contract award(UUID tenderId, UUID lotId, UUID bidId, LocalDate start, LocalDate end, Caller caller) {
        Tender t = tenders.forUpdate(tenderId, caller);
        caller.requireActsFor(t.anchorId);
        TenderLot lot = Bids.lot(t, lotId);
        if (t.status == Tender.Status.CANCELLED) {
            throw new DomainException.Conflict("The tender was cancelled", "status");
        }
        Bids.requireOpened(t);
        if (tenders.awardedLots(t.id).contains(lot.id)) {
            throw new DomainException.Conflict("Lot " + lot.number + " is awarded already", "lotId");
        }
        Ranking ranking = ranking(t, lot);
        Scoring.Ranked chosen = ranking.of(bidId).orElseThrow(() -> DomainException.Invalid.field("bidId",
                "is not a bid for lot " + lot.number));
        if (!ranking.complete()) {
            throw new DomainException.Conflict("Score every bid for lot " + lot.number + " before awarding it",
                    "bidId");
        }
        if (end.isBefore(start)) {
            throw DomainException.Invalid.field("contractEnd", "must not be before contractStart");
        }
        Instant now = clock.instant();
        List<TenderLot> lots = tenders.lots(t.id);
        Contract c = new Contract();
        c.id = UUID.randomUUID();
        c.tenderId = t.id;
        c.lotId = lot.id;
        c.bidId = bidId;
        c.anchorId = t.anchorId;
        c.supplierId = chosen.entry().supplierId();
        String name = KnownSupplier.nameOf(c.supplierId);
        c.supplierName = name == null ? "Supplier " + c.supplierId : name;
        c.title = lots.size() == 1 ? t.title : t.title + " — lot " + lot.number + ": " + lot.title;
        c.value = chosen.entry().price();
        c.cpvCodes = lot.cpvCodes;
        c.reservation = t.reservation;
        c.contractStart = start;
        c.contractEnd = end;
        c.awardedBy = caller.actor();
        c.awardedAt = now;
        c.persist();
        em.flush(); // a racing award of the same lot fails here (the lot is unique among contracts)
        if (tenders.awardedLots(t.id).size() >= lots.size()) {
            t.status = Tender.Status.AWARDED;
        } else if (t.status == Tender.Status.PUBLISHED) {
            t.status = Tender.Status.CLOSED; // the deadline has passed (the bids were opened)
        }
        em.flush();
        messages.awarded(c);
        openData.release(t, now, "award", "contract");
        audit.record(t.id, now, caller.actor(), "LOT_AWARDED", "lot " + lot.number + " to bid " + bidId
                + " (ranked " + chosen.rank() + " of " + ranking.bids().size() + "), contract " + c.id);
        return c;
    }

    /** A bidder's own evaluation beside the winner's, once the lot is awarded. */
    public Outcome outcome(UUID tenderId, UUID lotId, Caller caller) {
        KnownSupplier org = directory.organisationOf(caller);
        Tender t = tenders.get(tenderId, caller);
        TenderLot lot = Bids.lot(t, lotId);
        Bid mine = Bid.of(lot.id, org.supplierId).orElseThrow(() -> new DomainException.NotFound(
                "Your organisation's bid for lot " + lot.number));
        Contract contract = Contract.<Contract>find("lotId", lot.id).firstResultOptional().orElseThrow(() ->
                new DomainException.Conflict("Lot " + lot.number + " is not awarded yet", "lotId"));
        Ranking ranking = ranking(t, lot);
        return new Outcome(lot, contract.supplierId.equals(org.supplierId), ranking.of(mine.id).orElseThrow(),
                ranking.of(contract.bidId).orElseThrow());
    }

    public List<Contract> contracts(String anchor, UUID supplier, int page, int size) {
        StringBuilder q = new StringBuilder("true = true");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (anchor != null) {
            q.append(" and anchorId = :anchor");
            params.put("anchor", anchor);
        }
        if (supplier != null) {
            q.append(" and supplierId = :supplier");
            params.put("supplier", supplier);
        }
        return Contract.<Contract>find(q + " order by awardedAt desc, id", params).page(page, size).list();
    }
}
