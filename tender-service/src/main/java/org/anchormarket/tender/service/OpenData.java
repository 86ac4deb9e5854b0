package org.anchormarket.tender.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.chassis.json.JsonDocuments;
import org.anchormarket.tender.config.TenderConfig;
import org.anchormarket.tender.domain.Anchor;
import org.anchormarket.tender.domain.Contract;
import org.anchormarket.tender.domain.KnownSupplier;
import org.anchormarket.tender.domain.Question;
import org.anchormarket.tender.domain.Reservation;
import org.anchormarket.tender.domain.Tender;
import org.anchormarket.tender.domain.TenderLot;
import org.anchormarket.tender.service.OcdsRelease.Award;
import org.anchormarket.tender.service.OcdsRelease.Classification;
import org.anchormarket.tender.service.OcdsRelease.ContractPart;
import org.anchormarket.tender.service.OcdsRelease.Item;
import org.anchormarket.tender.service.OcdsRelease.OrganizationReference;
import org.anchormarket.tender.service.OcdsRelease.Party;
import org.anchormarket.tender.service.OcdsRelease.PartyDetails;
import org.anchormarket.tender.service.OcdsRelease.Period;
import org.anchormarket.tender.service.OcdsRelease.TenderPart;
import org.anchormarket.tender.service.OcdsRelease.Value;

/**
 * The anchors' tenders as open data in the Open Contracting Data Standard 1.1: each public change (publication,
 * amendment, the close, cancellation, an award) adds a release, a snapshot of the contracting process then
 * ({@link OcdsRelease}), in the change's own transaction, never changed afterwards. The REST edge packages them: a
 * tender's record package, the release feed. Drafts are never released. Validated against the official 1.1.5 schemas
 * in {@code OpenDataTest}.
 */
@ApplicationScoped
public class OpenData {

    /** Seconds always (RFC 3339, as the schema's date-time wants), the UK offset of the day. */
    private static final java.time.format.DateTimeFormatter RFC3339 = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final EntityManager em;
    private final JsonDocuments json;
    private final TenderConfig config;
    private final java.time.Clock clock;

    OpenData(EntityManager em, JsonDocuments json, TenderConfig config, java.time.Clock clock) {
        this.em = em;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The releases as stored (JSON text), oldest first; {@code published}: the newest one's date; {@code ocid}: the
     * contracting process's, as its releases were written (a tender's), else null.
     */
    public record Releases(List<String> bodies, Instant published, String ocid) {
    }

    /** The contracting process's identifier: the publisher's registered OCID prefix and the tender's id. */
    public String ocid(UUID tenderId) {
        return config.ocds().ocidPrefix() + "-" + tenderId;
    }

    /** Adds a release of the tender as it now stands; the caller's transaction holds the tender's row lock. */
    public void release(Tender t, Instant at, String... tags) {
        long seq = ((Number) em.createNativeQuery("select count(*) + 1 from ocds_release where tender_id = ?1")
                .setParameter(1, t.id).getSingleResult()).longValue();
        String id = ocid(t.id) + "-" + seq + "-" + String.join("-", tags);
        OcdsRelease release = snapshot(t, at.truncatedTo(ChronoUnit.SECONDS), id, List.of(tags));
        em.createNativeQuery("""
                insert into ocds_release (id, ocid, tender_id, released_at, tags, body)
                values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb))""")
                .setParameter(1, id).setParameter(2, ocid(t.id)).setParameter(3, t.id).setParameter(4, at)
                .setParameter(5, tags).setParameter(6, json.write(release)).executeUpdate();
    }

    /** The tender's releases, oldest first; 404 for a tender never published (or unknown). */
    public Releases of(UUID tenderId) {
        Releases found = releases("where tender_id = ?1 order by seq", tenderId, 0, 10_000);
        if (found.bodies().isEmpty()) {
            throw new DomainException.NotFound("Tender " + tenderId + " (in the open data once published)");
        }
        return found;
    }

    /**
     * A page of the release feed, in the order released, of releases at least {@code tender.ocds.feed-lag} old: a
     * release still committing when a later one is read is in the feed before a reader paging through it gets there.
     */
    public Releases page(int page, int size) {
        return releases("where released_at <= ?1 order by seq", clock.instant().minus(config.ocds().feedLag()), page,
                size);
    }

    @SuppressWarnings("unchecked")
    private Releases releases(String where, Object parameter, int page, int size) {
        var query = em.createNativeQuery("select cast(body as text), released_at, ocid from ocds_release " + where)
                .setParameter(1, parameter);
        List<Object[]> rows = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        Instant last = rows.isEmpty() ? clock.instant() : instant(rows.get(rows.size() - 1)[1]);
        return new Releases(rows.stream().map(r -> (String) r[0]).toList(), last.truncatedTo(ChronoUnit.SECONDS),
                rows.isEmpty() ? null : (String) rows.get(0)[2]);
    }

    /** How many organisations bid (on any lot). */
    private long tenderers(Tender t) {
        return ((Number) em.createNativeQuery("select count(distinct supplier_id) from bid where tender_id = ?1")
                .setParameter(1, t.id).getSingleResult()).longValue();
    }

    private List<OcdsRelease.Document> documents(Tender t) {
        List<org.anchormarket.tender.domain.TenderDocument> docs = org.anchormarket.tender.domain.TenderDocument
                .of(t.id);
        // a draft's documents are published with it
        return docs.isEmpty() ? null : docs.stream().map(d -> new OcdsRelease.Document(d.id.toString(),
                "biddingDocuments", d.name, config.publicUrl() + "/api/tenders/" + t.id + "/documents/" + d.id,
                d.contentType, (t.publishedAt != null && t.publishedAt.isAfter(d.addedAt) ? t.publishedAt : d.addedAt)
                        .truncatedTo(ChronoUnit.SECONDS).toString())).toList();
    }

    /** The tender's amendments after publication (deadlines moved, documents added), each with its reason. */
    private List<OcdsRelease.Amendment> amendments(Tender t) {
        List<OcdsRelease.Amendment> found = new ArrayList<>();
        for (var e : org.anchormarket.tender.domain.AuditEntry.of(t.id)) {
            if (e.action.equals("AMENDED")) {
                found.add(new OcdsRelease.Amendment("amendment-" + e.id, e.at.truncatedTo(ChronoUnit.SECONDS)
                        .toString(), e.detail));
            }
        }
        for (var d : org.anchormarket.tender.domain.TenderDocument.of(t.id)) {
            if (d.reason != null) {
                found.add(new OcdsRelease.Amendment("document-" + d.id, d.addedAt.truncatedTo(ChronoUnit.SECONDS)
                        .toString(), "New document " + d.name + ": " + d.reason));
            }
        }
        found.sort(java.util.Comparator.comparing(OcdsRelease.Amendment::date));
        return found.isEmpty() ? null : found;
    }

    private static Instant instant(Object value) {
        return value instanceof java.sql.Timestamp ts ? ts.toInstant()
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    private OcdsRelease snapshot(Tender t, Instant at, String id, List<String> tags) {
        Anchor anchor = Anchor.findById(t.anchorId);
        String buyerName = anchor == null ? t.anchorId : anchor.name;
        List<TenderLot> lots = TenderLot.of(t.id);
        List<Contract> contracts = Contract.list("tenderId = ?1 order by awardedAt, id", t.id);
        Tender.Status status = t.status(at);

        List<Party> parties = new ArrayList<>();
        parties.add(new Party(t.anchorId, buyerName, List.of("buyer", "procuringEntity"),
                anchor == null ? null : new PartyDetails(null, null, null, anchor.type.name())));
        for (UUID supplierId : contracts.stream().map(c -> c.supplierId).distinct().toList()) {
            KnownSupplier s = KnownSupplier.findById(supplierId);
            String name = s != null && s.erasedAt == null ? s.legalName : contracts.stream()
                    .filter(c -> c.supplierId.equals(supplierId)).findFirst().map(c -> c.supplierName).orElseThrow();
            parties.add(new Party(supplierId.toString(), name, List.of("supplier", "tenderer"), s == null ? null
                    : new PartyDetails(s.sme ? "sme" : "large", s.vcfse, s.locality, null)));
        }

        // open for bids or being evaluated: active; complete once every lot is awarded
        String tenderStatus = switch (status) {
            case DRAFT -> "planning";
            case PUBLISHED, CLOSED -> "active";
            case AWARDED -> "complete";
            case CANCELLED -> "cancelled";
        };
        List<Item> items = new ArrayList<>();
        for (TenderLot lot : lots) {
            for (String cpv : lot.cpvCodes.length == 0 ? t.cpvCodes : lot.cpvCodes) {
                items.add(new Item(String.valueOf(items.size() + 1), lot.title,
                        new Classification("CPV", cpv.replaceFirst("-\\d$", "")), lot.id.toString()));
            }
        }
        Set<UUID> awarded = contracts.stream().map(c -> c.lotId).collect(java.util.stream.Collectors.toSet());
        boolean smeVcfse = t.reservation == Reservation.SME_VCFSE || t.reservation == Reservation.LOCAL_SME_VCFSE;
        OcdsRelease.Suitability suitability = new OcdsRelease.Suitability(smeVcfse, smeVcfse);
        // a tender of one lot: the lot is the tender, its value the tender's; a lot of several without one has none
        List<OcdsRelease.Lot> lotList = lots.stream().map(l -> new OcdsRelease.Lot(l.id.toString(), l.title,
                l.estimatedValue != null ? Value.gbp(l.estimatedValue)
                        : lots.size() == 1 ? Value.gbp(t.estimatedValue) : null,
                awarded.contains(l.id) ? "complete" : tenderStatus, suitability)).toList();
        String published = t.publishedAt == null ? null : t.publishedAt.truncatedTo(ChronoUnit.SECONDS).toString();
        TenderPart tender = new TenderPart(t.id.toString(), t.title, t.description, tenderStatus,
                status == Tender.Status.CANCELLED ? t.cancellationReason : null, items, Value.gbp(t.estimatedValue),
                "open", t.procedure == Tender.Procedure.OPEN ? "Open competition"
                        : "Request for quotation (open to all who may bid)",
                t.contractType.name().toLowerCase(java.util.Locale.ROOT), "ratedCriteria",
                "Price " + t.weightPrice + "%, quality " + t.weightQuality + "%, social value " + t.weightSocialValue
                        + "%",
                List.of("electronicSubmission"),
                published == null ? null : new Period(published, t.submissionDeadline.toString()),
                published == null ? null : new Period(published, t.clarificationDeadline.toString()),
                Question.count("tenderId = ?1 and answer is not null", t.id) > 0,
                // how many bid stays sealed with the bids: public once they are opened (never for a cancelled tender)
                !t.opened() || status == Tender.Status.CANCELLED ? null : tenderers(t),
                lotList, documents(t), amendments(t), suitability,
                new OcdsRelease.Reservation(t.reservation.name(), switch (t.reservation) {
                    case NONE -> "Open to all suppliers";
                    case LOCAL -> "Reserved for suppliers based in Wigan borough";
                    case SME_VCFSE -> "Reserved for SMEs and VCFSE organisations";
                    case LOCAL_SME_VCFSE -> "Reserved for SMEs and VCFSE organisations based in Wigan borough";
                }, t.reservation == Reservation.NONE ? null
                        : "Procurement Act 2023, below-threshold reserved contracts"));

        List<Award> awards = contracts.isEmpty() ? null : contracts.stream().map(c -> new Award(c.id.toString(),
                c.title, "active", c.awardedAt.truncatedTo(ChronoUnit.SECONDS).toString(), Value.gbp(c.value),
                List.of(new OrganizationReference(c.supplierId.toString(), c.supplierName)),
                List.of(c.lotId.toString()))).toList();
        java.time.ZoneId uk = java.time.ZoneId.of("Europe/London");
        java.time.LocalDate today = at.atZone(uk).toLocalDate();
        // the contract's days in UK time: from the start of its first day to the end of its last
        List<ContractPart> contractParts = contracts.isEmpty() ? null : contracts.stream()
                .map(c -> new ContractPart(c.id.toString(), c.id.toString(), c.title,
                        c.contractStart.isAfter(today) ? "pending" : "active",
                        new Period(RFC3339.format(c.contractStart.atStartOfDay(uk)),
                                RFC3339.format(c.contractEnd.plusDays(1).atStartOfDay(uk).minusSeconds(1))),
                        Value.gbp(c.value))).toList();
        return new OcdsRelease(ocid(t.id), id, at.toString(), tags, "tender", "en", parties,
                new OrganizationReference(t.anchorId, buyerName), tender, awards, contractParts);
    }
}
