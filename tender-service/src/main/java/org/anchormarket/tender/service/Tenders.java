package org.anchormarket.tender.service;

import org.anchormarket.chassis.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.chassis.domain.DomainException.Violation;
import org.anchormarket.tender.config.TenderConfig;
import org.anchormarket.tender.domain.Anchor;
import org.anchormarket.tender.domain.AuditEntry;
import org.anchormarket.tender.domain.Bid;
import org.anchormarket.tender.domain.Reservation;
import org.anchormarket.tender.domain.Tender;
import org.anchormarket.tender.domain.TenderLot;

/** A tender's life: drafted, published, amended, closed at its deadline, cancelled; and finding tenders. */
@ApplicationScoped
public class Tenders {

    private final TenderConfig config;
    private final TenderMessages messages;
    private final Audit audit;
    private final Pipeline pipeline;
    private final Notifications notifications;
    private final EntityManager em;
    private final Clock clock;

    private final OpenData openData;

    Tenders(TenderConfig config, TenderMessages messages, Audit audit, Pipeline pipeline, Notifications notifications,
            OpenData openData, EntityManager em, Clock clock) {
        this.openData = openData;
        this.pipeline = pipeline;
        this.notifications = notifications;
        this.config = config;
        this.messages = messages;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    /** A new tender as asked for, already read from the API. */
    public record Draft(String anchor, UUID pipelineItemId, String title, String description, List<String> cpvCodes,
            Tender.ContractType contractType, Tender.Procedure procedure, BigDecimal estimatedValue, List<LotDraft> lots,
            Instant clarificationDeadline, Instant submissionDeadline, int weightPrice, int weightQuality,
            int weightSocialValue, Reservation reservation) {
    }

    public record LotDraft(String title, BigDecimal estimatedValue, List<String> cpvCodes) {
    }

    public record Amendment(String reason, Instant clarificationDeadline, Instant submissionDeadline) {
    }

    public record Search(String q, String cpv, String anchor, Tender.Status status, Boolean reserved,
            BigDecimal minValue, BigDecimal maxValue, Instant closingBefore, int page, int size) {
    }

    public record Page(List<Tender> items, long total) {
    }

    public Instant now() {
        return clock.instant();
    }

    @Transactional
    public Tender create(Draft draft, Caller caller) {
        String anchorId = caller.admin() ? draft.anchor() : caller.anchor();
        if (caller.buyer() && !caller.admin()) {
            if (anchorId == null) {
                throw new DomainException.NotAllowed("This buyer account belongs to no anchor institution");
            }
            if (draft.anchor() != null && !draft.anchor().equals(anchorId)) {
                throw new DomainException.NotAllowed("A buyer creates tenders only for its own anchor (" + anchorId
                        + ")", "anchor", "is not the anchor this buyer acts for");
            }
        }
        if (anchorId == null) {
            throw DomainException.Invalid.field("anchor", "must name the anchor institution the tender is for");
        }
        Anchor anchor = Anchor.findById(anchorId);
        if (anchor == null) {
            throw DomainException.Invalid.field("anchor", "is not an anchor institution of the borough: " + anchorId);
        }
        Instant now = clock.instant();
        List<Violation> problems = new ArrayList<>();
        String title = clean(draft.title());
        if (title.length() < 3 || title.length() > 200) {
            problems.add(new Violation("title", "must have between 3 and 200 characters"));
        }
        if (draft.weightPrice() + draft.weightQuality() + draft.weightSocialValue() != 100) {
            problems.add(new Violation("weights", "price, quality and socialValue must add up to 100 (they add up to "
                    + (draft.weightPrice() + draft.weightQuality() + draft.weightSocialValue()) + ")"));
        }
        if (draft.weightSocialValue() < 10) {
            problems.add(new Violation("weights.socialValue", "must be at least 10"));
        }
        money(draft.estimatedValue(), "estimatedValue", problems);
        deadlines(draft.clarificationDeadline(), draft.submissionDeadline(), now, problems);
        boolean ownLots = draft.lots() != null && !draft.lots().isEmpty();
        List<LotDraft> lots = ownLots ? draft.lots()
                : List.of(new LotDraft(title, draft.estimatedValue(), draft.cpvCodes()));
        for (int i = 0; ownLots && i < lots.size(); i++) {
            LotDraft lot = lots.get(i);
            String lotTitle = clean(lot.title());
            if (lotTitle.length() < 3 || lotTitle.length() > 200) {
                problems.add(new Violation("lots[" + i + "].title", "must have between 3 and 200 characters"));
            }
            if (lot.estimatedValue() != null) {
                money(lot.estimatedValue(), "lots[" + i + "].estimatedValue", problems);
            }
        }
        if (draft.estimatedValue() != null && draft.estimatedValue().signum() <= 0) {
            problems.add(new Violation("estimatedValue", "must be more than £0: the value decides which rules apply"));
        }
        BigDecimal lotsValue = ownLots ? lots.stream().map(LotDraft::estimatedValue).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add) : BigDecimal.ZERO;
        if (draft.reservation() != Reservation.NONE && draft.estimatedValue() != null) {
            BigDecimal threshold = threshold(anchor.type, draft.contractType());
            // The whole procurement counts: the tender's value, or its lots' together when they come to more
            BigDecimal gross = grossOf(draft.estimatedValue().max(lotsValue));
            if (gross.compareTo(threshold) >= 0) {
                problems.add(new Violation("reservation", "a competition can be reserved only below the threshold: "
                        + "£" + gross.toPlainString() + " with VAT is at or above £" + threshold.toPlainString()
                        + " for " + draft.contractType().name().toLowerCase(java.util.Locale.ROOT) + " ("
                        + anchor.type + " anchor)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new DomainException.Invalid("The tender has invalid fields", problems);
        }
        if (draft.pipelineItemId() != null) {
            pipeline.forTender(draft.pipelineItemId(), anchorId);
        }
        Tender t = new Tender();
        t.id = UUID.randomUUID();
        t.anchorId = anchorId;
        t.pipelineItemId = draft.pipelineItemId();
        t.title = title;
        t.description = draft.description() == null || draft.description().isBlank() ? null
                : draft.description().strip();
        t.cpvCodes = codes(draft.cpvCodes());
        t.contractType = draft.contractType();
        t.procedure = draft.procedure();
        t.estimatedValue = draft.estimatedValue().setScale(2);
        t.clarificationDeadline = draft.clarificationDeadline();
        t.submissionDeadline = draft.submissionDeadline();
        t.weightPrice = draft.weightPrice();
        t.weightQuality = draft.weightQuality();
        t.weightSocialValue = draft.weightSocialValue();
        t.reservation = draft.reservation();
        t.status = Tender.Status.DRAFT;
        t.createdBy = caller.actor();
        t.createdAt = now;
        t.persist();
        for (int i = 0; i < lots.size(); i++) {
            LotDraft d = lots.get(i);
            TenderLot lot = new TenderLot();
            lot.id = UUID.randomUUID();
            lot.tenderId = t.id;
            lot.number = i + 1;
            lot.title = clean(d.title());
            lot.estimatedValue = d.estimatedValue() == null ? null : d.estimatedValue().setScale(2);
            lot.cpvCodes = d.cpvCodes() == null || d.cpvCodes().isEmpty() ? t.cpvCodes : codes(d.cpvCodes());
            lot.persist();
        }
        audit.record(t.id, now, caller.actor(), "CREATED", "draft with " + lots.size() + " lot(s)");
        return t;
    }

    /** The tender as the caller may see it: a draft only to those who act for its anchor (404 to everyone else). */
    public Tender get(UUID id, Caller caller) {
        return visible(Tender.findById(id), id, caller);
    }

    private static Tender visible(Tender t, UUID id, Caller caller) {
        if (t == null || !t.isPublic() && !caller.actsFor(t.anchorId)) {
            throw new DomainException.NotFound("Tender " + id);
        }
        return t;
    }

    /**
     * The tender, locked until the caller's transaction ends against a change of its state (opening, closing,
     * amending), which waits for it; many such share locks are held at once (bids being put in). Call it before
     * the tender is loaded in this transaction.
     */
    Tender forShare(UUID id, Caller caller) {
        return visible(em.find(Tender.class, id, LockModeType.PESSIMISTIC_READ), id, caller);
    }

    /** The tender, locked for a change of its state: waits for bids being put in. Call it before it is loaded. */
    Tender forUpdate(UUID id, Caller caller) {
        return visible(em.find(Tender.class, id, LockModeType.PESSIMISTIC_WRITE), id, caller);
    }

    public List<TenderLot> lots(UUID tenderId) {
        return TenderLot.of(tenderId);
    }

    public Map<UUID, List<TenderLot>> lotsOf(List<Tender> tenders) {
        return TenderLot.ofAll(tenders.stream().map(t -> t.id).toList()).stream()
                .collect(Collectors.groupingBy(l -> l.tenderId));
    }

    /** The lots already awarded (their contracts exist). */
    public java.util.Set<UUID> awardedLots(UUID tenderId) {
        return em.createQuery("select c.lotId from Contract c where c.tenderId = ?1", UUID.class)
                .setParameter(1, tenderId).getResultStream().collect(Collectors.toSet());
    }

    /** Whether the deadline is sooner than the warning period after publication (or after now, for a draft). */
    public boolean shortDeadline(Tender t) {
        Instant from = t.publishedAt != null ? t.publishedAt : clock.instant();
        return t.submissionDeadline.isBefore(from.plus(config.shortDeadline()));
    }

    @Transactional
    public Tender publish(UUID id, Caller caller) {
        Tender t = forUpdate(id, caller);
        caller.requireActsFor(t.anchorId);
        Instant now = clock.instant();
        if (t.status != Tender.Status.DRAFT) {
            throw new DomainException.Conflict("The tender is " + t.status(now) + ", not a draft: it was published "
                    + "already", "status");
        }
        List<Violation> problems = new ArrayList<>();
        deadlines(t.clarificationDeadline, t.submissionDeadline, now, problems);
        if (!problems.isEmpty()) {
            throw new DomainException.Invalid("The draft's deadlines have passed: amend them before publishing",
                    problems);
        }
        if (t.pipelineItemId != null) {
            pipeline.tendered(t.pipelineItemId, t.id);
        }
        t.status = Tender.Status.PUBLISHED;
        t.publishedAt = now;
        em.flush();
        List<TenderLot> lots = lots(t.id);
        messages.published(t, lots);
        notifications.published(t, lots, now);
        openData.release(t, now, "tender");
        audit.record(t.id, now, caller.actor(), "PUBLISHED", "bids until " + t.submissionDeadline);
        return t;
    }

    @Transactional
    public Tender cancel(UUID id, String reason, Caller caller) {
        Tender t = forUpdate(id, caller);
        caller.requireActsFor(t.anchorId);
        Instant now = clock.instant();
        Tender.Status status = t.status(now);
        if (status == Tender.Status.CANCELLED || status == Tender.Status.AWARDED || !awardedLots(t.id).isEmpty()) {
            throw new DomainException.Conflict("The tender is " + (status == Tender.Status.PUBLISHED
                    || status == Tender.Status.CLOSED ? "partly awarded" : status) + ": it cannot be cancelled",
                    "status");
        }
        String why = clean(reason);
        if (why.length() < 3) {
            throw DomainException.Invalid.field("reason", "must say why, in at least three characters");
        }
        boolean wasPublic = t.isPublic();
        t.status = Tender.Status.CANCELLED;
        t.cancellationReason = why;
        em.flush();
        if (wasPublic) {
            messages.cancelled(t, now);
            notifications.changed(t, "TENDER_CANCELLED", "Cancelled", why, now);
            openData.release(t, now, "tenderCancellation");
        }
        audit.record(t.id, now, caller.actor(), "CANCELLED", why);
        return t;
    }

    @Transactional
    public Tender amend(UUID id, Amendment amendment, Caller caller) {
        Tender t = forUpdate(id, caller);
        caller.requireActsFor(t.anchorId);
        Instant now = clock.instant();
        if (t.status(now) != Tender.Status.PUBLISHED) {
            throw new DomainException.Conflict("Only a published tender open for bids can be amended; this one is "
                    + t.status(now), "status");
        }
        String why = clean(amendment.reason());
        List<Violation> problems = new ArrayList<>();
        if (why.length() < 3) {
            problems.add(new Violation("reason", "must say why, in at least three characters"));
        }
        List<String> changed = new ArrayList<>();
        Instant submission = t.submissionDeadline;
        Instant clarification = t.clarificationDeadline;
        if (amendment.submissionDeadline() != null && !amendment.submissionDeadline().equals(submission)) {
            if (!amendment.submissionDeadline().isAfter(submission)) {
                problems.add(new Violation("submissionDeadline", "can only move later than the current one ("
                        + submission + "): bidders rely on it"));
            }
            submission = amendment.submissionDeadline();
            changed.add("submissionDeadline");
        }
        if (amendment.clarificationDeadline() != null && !amendment.clarificationDeadline().equals(clarification)) {
            if (!amendment.clarificationDeadline().isAfter(now)) {
                problems.add(new Violation("clarificationDeadline", "must be in the future"));
            } else if (!amendment.clarificationDeadline().isAfter(clarification)) {
                problems.add(new Violation("clarificationDeadline", "can only move later than the current one ("
                        + clarification + "): suppliers rely on it"));
            }
            clarification = amendment.clarificationDeadline();
            changed.add("clarificationDeadline");
        }
        if (clarification.isAfter(submission)) {
            problems.add(new Violation("clarificationDeadline", "must not be after the submission deadline"));
        }
        if (changed.isEmpty()) {
            problems.add(new Violation("submissionDeadline", "an amendment must change a deadline"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException.Invalid("The amendment has invalid fields", problems);
        }
        t.submissionDeadline = submission;
        t.clarificationDeadline = clarification;
        em.flush();
        messages.amended(t, why, changed, now);
        notifications.changed(t, "TENDER_AMENDED", "Amended", why + " (bids until "
                + Clocks.uk(t.submissionDeadline) + ")", now);
        audit.record(t.id, now, caller.actor(), "AMENDED", String.join(", ", changed) + ": " + why);
        openData.release(t, now, "tenderAmendment"); // after the audit entry: the release lists the amendment
        return t;
    }

    /**
     * Closes published tenders whose deadline has passed and announces each (TenderClosed). Reads already treat
     * them as closed from the deadline on; this records it. Returns how many it closed.
     */
    @Transactional
    public int closeDue() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                select id from tender where status = 'PUBLISHED' and submission_deadline <= ?1
                order by submission_deadline limit 100 for update skip locked""", UUID.class)
                .setParameter(1, now).getResultList();
        for (UUID id : due) {
            close(Tender.findById(id), now, "system");
        }
        return due.size();
    }

    /**
     * Records that a published tender's deadline has passed (CLOSED), audits and announces it (with who bid, now that
     * nobody can bid any more). The caller holds the tender's row lock.
     */
    void close(Tender t, Instant now, String actor) {
        t.status = Tender.Status.CLOSED;
        messages.closed(t, Bid.list("tenderId = ?1 order by submittedAt, id", t.id), now);
        openData.release(t, now, "tenderUpdate");
        // No bid count here: the audit log is read by the buyer before the opening
        audit.record(t.id, now, actor, "CLOSED", "the submission deadline passed");
    }

    public Page search(Search s, Caller caller) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        Instant now = clock.instant();
        params.put("now", now);
        Tender.Status status = s.status() == null ? Tender.Status.PUBLISHED : s.status();
        switch (status) {
            case PUBLISHED -> where.append(" and t.status = 'PUBLISHED' and t.submission_deadline > :now");
            case CLOSED -> where.append(" and (t.status = 'CLOSED' or t.status = 'PUBLISHED'"
                    + " and t.submission_deadline <= :now)");
            case DRAFT -> {
                if (!caller.admin() && !(caller.buyer() && caller.anchor() != null)) {
                    throw new DomainException.NotAllowed("Drafts are seen only by their anchor's buyers",
                            "status", "DRAFT is for buyers and admins");
                }
                where.append(" and t.status = 'DRAFT'");
                if (!caller.admin()) {
                    where.append(" and t.anchor_id = :own");
                    params.put("own", caller.anchor());
                }
            }
            default -> where.append(" and t.status = '").append(status.name())
                    .append("' and t.published_at is not null");
        }
        if (s.q() != null && !s.q().isBlank()) {
            int i = 0;
            for (String word : s.q().strip().split("\\s+")) {
                if (i == 8) {
                    break;
                }
                String p = "q" + i++;
                where.append(" and (t.title ilike :").append(p).append(" escape '\\' or t.description ilike :")
                        .append(p).append(" escape '\\')");
                params.put(p, "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        if (s.cpv() != null) {
            String prefix = cpvPrefix(s.cpv());
            where.append(" and (exists (select 1 from unnest(t.cpv_codes) c where c like :cpv)"
                    + " or exists (select 1 from tender_lot l, unnest(l.cpv_codes) c where l.tender_id = t.id"
                    + " and c like :cpv))");
            params.put("cpv", prefix + "%");
        }
        if (s.anchor() != null) {
            where.append(" and t.anchor_id = :anchor");
            params.put("anchor", s.anchor());
        }
        if (s.reserved() != null) {
            where.append(s.reserved() ? " and t.reservation <> 'NONE'" : " and t.reservation = 'NONE'");
        }
        if (s.minValue() != null) {
            where.append(" and t.estimated_value >= :min");
            params.put("min", s.minValue());
        }
        if (s.maxValue() != null) {
            where.append(" and t.estimated_value <= :max");
            params.put("max", s.maxValue());
        }
        for (var bound : List.of(java.util.Map.entry("minValue", java.util.Optional.ofNullable(s.minValue())),
                java.util.Map.entry("maxValue", java.util.Optional.ofNullable(s.maxValue())))) {
            if (bound.getValue().filter(v -> v.stripTrailingZeros().scale() > 2).isPresent()) {
                throw DomainException.Invalid.field(bound.getKey(), "must be in pounds and pence (two decimal places)");
            }
        }
        if (s.minValue() != null && s.maxValue() != null && s.minValue().compareTo(s.maxValue()) > 0) {
            throw DomainException.Invalid.field("maxValue", "must not be below minValue");
        }
        if (s.closingBefore() != null) {
            where.append(" and t.submission_deadline < :closing");
            params.put("closing", s.closingBefore());
        }
        var count = em.createNativeQuery("select count(*) from tender t" + where);
        var ids = em.createNativeQuery("select t.id from tender t" + where
                + " order by t.submission_deadline, t.id limit :limit offset :offset", UUID.class);
        params.forEach((k, v) -> {
            if (where.indexOf(":" + k) >= 0) {
                count.setParameter(k, v);
                ids.setParameter(k, v);
            }
        });
        ids.setParameter("limit", s.size()).setParameter("offset", (long) s.page() * s.size());
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<UUID> page = ids.getResultList();
        Map<UUID, Tender> byId = page.isEmpty() ? Map.of()
                : Tender.<Tender>list("id in ?1", page).stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
        return new Page(page.stream().map(byId::get).toList(), total);
    }

    /** Bid activity a buyer must not see before the opening: who bid, how often they changed it, how many bid. */
    private static final java.util.Set<String> SEALED_ACTIONS = java.util.Set.of("BID_SUBMITTED", "BID_REPLACED",
            "BID_WITHDRAWN", "BID_ATTACHMENT_ADDED", "BID_ATTACHMENT_REMOVED");

    /**
     * The audit log as the caller may read it: bid activity only once the bids are opened (it would tell the buyer
     * who bid and how often), and never who asked a question, except to admins.
     */
    public List<AuditEntry> audit(UUID id, Caller caller) {
        Tender t = get(id, caller);
        caller.requireActsFor(t.anchorId);
        List<AuditEntry> entries = new ArrayList<>();
        for (AuditEntry e : AuditEntry.of(id)) {
            if (!t.opened() && SEALED_ACTIONS.contains(e.action)) {
                continue;
            }
            if (e.action.equals("QUESTION_ASKED") && !caller.admin()) {
                AuditEntry shown = new AuditEntry();
                shown.id = e.id;
                shown.tenderId = e.tenderId;
                shown.at = e.at;
                shown.action = e.action;
                shown.actor = "a supplier";
                shown.detail = e.detail;
                entries.add(shown);
                continue;
            }
            entries.add(e);
        }
        return entries;
    }

    /** A CPV code's prefix for "this code and its children": the code without its trailing zeros (two digits at least). */
    static String cpvPrefix(String code) {
        String digits = code.contains("-") ? code.substring(0, code.indexOf('-')) : code;
        String stripped = digits.replaceAll("0+$", "");
        return stripped.length() < 2 ? digits.substring(0, Math.min(2, digits.length())) : stripped;
    }

    BigDecimal threshold(Anchor.Type anchorType, Tender.ContractType contractType) {
        if (contractType == Tender.ContractType.WORKS) {
            return config.thresholds().works();
        }
        return switch (anchorType) {
            case CENTRAL, NHS -> config.thresholds().central();
            case UTILITY -> config.thresholds().utility();
            case SUB_CENTRAL, OTHER -> config.thresholds().subCentral();
        };
    }

    private BigDecimal grossOf(BigDecimal net) {
        return net.multiply(BigDecimal.ONE.add(config.vatRate())).setScale(2, RoundingMode.HALF_UP);
    }

    private static void deadlines(Instant clarification, Instant submission, Instant now, List<Violation> problems) {
        if (!submission.isAfter(now)) {
            problems.add(new Violation("submissionDeadline", "must be in the future"));
        }
        if (!clarification.isAfter(now)) {
            problems.add(new Violation("clarificationDeadline", "must be in the future"));
        }
        if (clarification.isAfter(submission)) {
            problems.add(new Violation("clarificationDeadline", "must not be after the submission deadline"));
        }
    }

    private static void money(BigDecimal value, String field, List<Violation> problems) {
        if (value != null && value.stripTrailingZeros().scale() > 2) {
            problems.add(new Violation(field, "must be in pounds and pence (at most two decimal places)"));
        }
    }

    private static String[] codes(List<String> codes) {
        return codes == null ? new String[0] : new LinkedHashSet<>(codes).toArray(String[]::new);
    }

    /** NFC, no invisible characters, trimmed. */
    static String clean(String text) {
        return text == null ? "" : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC)
                .replaceAll("\\p{Cf}", "").strip();
    }
}
