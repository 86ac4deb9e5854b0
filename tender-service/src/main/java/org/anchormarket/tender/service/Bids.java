package org.anchormarket.tender.service;

import org.anchormarket.chassis.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.tender.domain.Anchor;
import org.anchormarket.tender.domain.Bid;
import org.anchormarket.tender.domain.Contract;
import org.anchormarket.tender.domain.KnownSupplier;
import org.anchormarket.tender.domain.Tender;
import org.anchormarket.tender.domain.TenderLot;

/**
 * Sealed bids: one per organisation per lot, put in, replaced and withdrawn until the deadline, readable by the
 * buyer only after the opening. Putting in a bid holds a share lock on the tender, so the opening (and a deadline
 * change) waits for bids in flight, and a bid that read the clock before the deadline is in before the opening.
 */
@ApplicationScoped
public class Bids {

    private final Tenders tenders;
    private final SupplierDirectory directory;
    private final BidSeal seal;
    private final TenderMessages messages;
    private final Audit audit;
    private final EntityManager em;
    private final Clock clock;

    private final OpenData openData;

    Bids(Tenders tenders, SupplierDirectory directory, BidSeal seal, TenderMessages messages, Audit audit,
            OpenData openData, EntityManager em, Clock clock) {
        this.openData = openData;
        this.tenders = tenders;
        this.directory = directory;
        this.seal = seal;
        this.messages = messages;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    /** What a bid says; sealed at rest. */
    public record Contents(BigDecimal price, String qualityResponse, String socialValueCommitments) {
    }

    /** A bid with its contents opened, for those who may read it. */
    public record View(Bid bid, Contents contents, String supplierName) {
    }

    @Transactional
    public View submit(UUID tenderId, UUID lotId, Contents contents, Caller caller) {
        KnownSupplier org = directory.organisationOf(caller);
        Tender t = tenders.forShare(tenderId, caller);
        TenderLot lot = lot(t, lotId);
        Instant now = clock.instant();
        requireOpenForBids(t, now);
        t.reservation.refuses(org).ifPresent(reason -> {
            throw new DomainException.NotAllowed(reason);
        });
        if (contents.price().stripTrailingZeros().scale() > 2) {
            throw DomainException.Invalid.field("price", "must be in pounds and pence (at most two decimal places)");
        }
        Contents clean = new Contents(contents.price().setScale(2), contents.qualityResponse().strip(),
                contents.socialValueCommitments().strip());
        if (clean.qualityResponse().isEmpty() || clean.socialValueCommitments().isEmpty()) {
            throw DomainException.Invalid.field(clean.qualityResponse().isEmpty() ? "qualityResponse"
                    : "socialValueCommitments", "must not be blank");
        }
        BidSeal.Sealed sealed = seal.seal(encode(clean), t.id, lot.id, org.supplierId);
        boolean replacing = Bid.of(lot.id, org.supplierId).isPresent();
        // One bid per organisation and lot, whichever of two racing requests commits first: the other replaces it
        UUID id = (UUID) em.createNativeQuery("""
                insert into bid (id, tender_id, lot_id, supplier_id, submitted_by, key_id, sealed, submitted_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                on conflict (lot_id, supplier_id) do update set submitted_by = excluded.submitted_by,
                    key_id = excluded.key_id, sealed = excluded.sealed, submitted_at = excluded.submitted_at
                returning id""", UUID.class)
                .setParameter(1, UUID.randomUUID()).setParameter(2, t.id).setParameter(3, lot.id)
                .setParameter(4, org.supplierId).setParameter(5, caller.actor()).setParameter(6, sealed.keyId())
                .setParameter(7, sealed.bytes()).setParameter(8, now).getSingleResult();
        Bid bid = em.find(Bid.class, id);
        em.refresh(bid);
        messages.bidSubmitted(bid, t.anchorId);
        audit.record(t.id, now, caller.actor(), replacing ? "BID_REPLACED" : "BID_SUBMITTED",
                "lot " + lot.number + ", supplier " + org.supplierId);
        return new View(bid, clean, org.legalName);
    }

    public View mine(UUID tenderId, UUID lotId, Caller caller) {
        KnownSupplier org = directory.organisationOf(caller);
        Tender t = tenders.get(tenderId, caller);
        TenderLot lot = lot(t, lotId);
        Bid bid = Bid.of(lot.id, org.supplierId).orElseThrow(() -> new DomainException.NotFound(
                "Your organisation's bid for lot " + lot.number));
        return new View(bid, open(bid), org.legalName);
    }

    /** How a bid stands for its bidder. */
    public enum Outcome { OPEN, UNDER_EVALUATION, WON, NOT_WON, CANCELLED }

    /** One of an organisation's bids, with its tender and lot and how it ended. */
    public record Mine(Bid bid, BigDecimal price, Tender tender, TenderLot lot, Tender.Status status,
            Outcome outcome, String anchorName) {
    }

    /** The caller's organisation's bids, latest first, each opened for its own bidder. */
    public List<Mine> allMine(Caller caller, int page, int size) {
        KnownSupplier org = directory.organisationOf(caller);
        List<Bid> found = Bid.find("supplierId = ?1 order by submittedAt desc, id", org.supplierId)
                .page(page, size).list();
        if (found.isEmpty()) {
            return List.of();
        }
        var tenderIds = found.stream().map(b -> b.tenderId).distinct().toList();
        var lotIds = found.stream().map(b -> b.lotId).distinct().toList();
        java.util.Map<UUID, Tender> byId = Tender.<Tender>list("id in ?1", tenderIds).stream()
                .collect(java.util.stream.Collectors.toMap(t -> t.id, t -> t));
        java.util.Map<UUID, TenderLot> lots = TenderLot.<TenderLot>list("id in ?1", lotIds).stream()
                .collect(java.util.stream.Collectors.toMap(l -> l.id, l -> l));
        java.util.Map<UUID, UUID> winners = Contract.<Contract>list("lotId in ?1", lotIds).stream()
                .collect(java.util.stream.Collectors.toMap(c -> c.lotId, c -> c.bidId, (a, b) -> a));
        java.util.Map<String, String> anchorNames = Anchor.<Anchor>list("id in ?1",
                byId.values().stream().map(t -> t.anchorId).distinct().toList()).stream()
                .collect(java.util.stream.Collectors.toMap(a -> a.id, a -> a.name));
        Instant now = clock.instant();
        return found.stream().map(b -> {
            Tender t = byId.get(b.tenderId);
            Tender.Status status = t.status(now);
            UUID winner = winners.get(b.lotId);
            Outcome outcome = winner != null ? (winner.equals(b.id) ? Outcome.WON : Outcome.NOT_WON)
                    : status == Tender.Status.CANCELLED ? Outcome.CANCELLED
                    : status == Tender.Status.PUBLISHED ? Outcome.OPEN : Outcome.UNDER_EVALUATION;
            return new Mine(b, open(b).price(), t, lots.get(b.lotId), status, outcome, anchorNames.get(t.anchorId));
        }).toList();
    }

    @Transactional
    public void withdraw(UUID tenderId, UUID lotId, Caller caller) {
        KnownSupplier org = directory.organisationOf(caller);
        Tender t = tenders.forShare(tenderId, caller);
        TenderLot lot = lot(t, lotId);
        Instant now = clock.instant();
        requireOpenForBids(t, now);
        Bid bid = Bid.of(lot.id, org.supplierId).orElseThrow(() -> new DomainException.NotFound(
                "Your organisation's bid for lot " + lot.number));
        bid.delete(); // and its files (bid_attachment.bid_id: on delete cascade)
        audit.record(t.id, now, caller.actor(), "BID_WITHDRAWN", "lot " + lot.number + ", supplier "
                + org.supplierId);
    }

    /** Opens the sealed bids once the deadline has passed; a second opening changes nothing. */
    @Transactional
    public Tender openBids(UUID tenderId, Caller caller) {
        Tender t = tenders.forUpdate(tenderId, caller);
        caller.requireActsFor(t.anchorId);
        Instant now = clock.instant();
        Tender.Status status = t.status(now);
        if (status == Tender.Status.DRAFT || status == Tender.Status.PUBLISHED) {
            throw new DomainException.Conflict("The bids stay sealed until the submission deadline ("
                    + t.submissionDeadline + ")", "submissionDeadline");
        }
        if (status == Tender.Status.CANCELLED) {
            throw new DomainException.Conflict("The tender was cancelled: its bids are never opened", "status");
        }
        if (t.opened()) {
            return t;
        }
        if (t.status == Tender.Status.PUBLISHED) {
            tenders.close(t, now, caller.actor()); // the closer has not run yet: closed (announced) first, then opened
        }
        t.openedAt = now;
        t.openedBy = caller.actor();
        audit.record(t.id, now, caller.actor(), "BIDS_OPENED", Bid.count("tenderId", t.id) + " bid(s)");
        openData.release(t, now, "tenderUpdate"); // how many bid is public from the opening on
        return t;
    }

    /** The lot's bids with their contents: to those who act for the anchor, after the opening. */
    public List<View> list(UUID tenderId, UUID lotId, Caller caller) {
        Tender t = tenders.get(tenderId, caller);
        caller.requireActsFor(t.anchorId);
        TenderLot lot = lot(t, lotId);
        requireOpened(t);
        return Bid.ofLot(lot.id).stream().map(b -> new View(b, open(b), KnownSupplier.nameOf(b.supplierId))).toList();
    }

    static void requireOpened(Tender t) {
        if (!t.opened()) {
            throw new DomainException.Conflict("The bids are sealed until they are opened after the deadline",
                    "opened");
        }
    }

    static void requireOpenForBids(Tender t, Instant now) {
        Tender.Status status = t.status(now);
        if (status != Tender.Status.PUBLISHED) {
            throw new DomainException.Conflict(status == Tender.Status.CLOSED || status == Tender.Status.AWARDED
                    ? "The submission deadline passed at " + t.submissionDeadline + ": bids are closed"
                    : "The tender is " + status + ": it takes no bids", "submissionDeadline");
        }
    }

    static TenderLot lot(Tender t, UUID lotId) {
        TenderLot lot = TenderLot.findById(lotId);
        if (lot == null || !lot.tenderId.equals(t.id)) {
            throw new DomainException.NotFound("Lot " + lotId + " of tender " + t.id);
        }
        return lot;
    }

    Contents open(Bid bid) {
        byte[] plain = seal.open(new BidSeal.Sealed(bid.keyId, bid.sealed), bid.tenderId, bid.lotId, bid.supplierId);
        try (var in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(plain))) {
            if (in.readByte() != 1) {
                throw new IllegalStateException("Bid " + bid.id + " was sealed in a form this version cannot read");
            }
            return new Contents(new BigDecimal(text(in)), text(in), text(in));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Bid " + bid.id + " opened to something unreadable", e);
        }
    }

    /** The contents as sealed: a form version (1), then the price, the quality response and the commitments. */
    private static byte[] encode(Contents c) {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.DataOutputStream(bytes)) {
            out.writeByte(1);
            for (String field : List.of(c.price().toPlainString(), c.qualityResponse(), c.socialValueCommitments())) {
                byte[] utf8 = field.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String text(java.io.DataInputStream in) throws java.io.IOException {
        return new String(in.readNBytes(in.readInt()), java.nio.charset.StandardCharsets.UTF_8);
    }
}
