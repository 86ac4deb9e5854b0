package org.anchormarket.tender.service;

import org.anchormarket.chassis.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.chassis.domain.DomainException.Violation;
import org.anchormarket.tender.domain.Anchor;
import org.anchormarket.tender.domain.KnownSupplier;
import org.anchormarket.tender.domain.PipelineItem;

/** The anchors' forward plans: announced by buyers, read by anyone, followed by suppliers. */
@ApplicationScoped
public class Pipeline {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final SupplierDirectory directory;
    private final EntityManager em;
    private final Clock clock;
    private final TenderMessages messages;

    Pipeline(SupplierDirectory directory, EntityManager em, Clock clock, TenderMessages messages) {
        this.directory = directory;
        this.em = em;
        this.clock = clock;
        this.messages = messages;
    }

    public record Plan(String anchor, String title, String description, List<String> cpvCodes,
            BigDecimal estimatedValue, LocalDate expectedPublication) {
    }

    /** A plan with how many follow it and whether the caller's organisation does. */
    public record View(PipelineItem item, long followers, Boolean following) {
    }

    @Transactional
    public PipelineItem create(Plan plan, Caller caller) {
        String anchorId = caller.admin() ? plan.anchor() : caller.anchor();
        if (!caller.admin() && plan.anchor() != null && !plan.anchor().equals(anchorId)) {
            throw new DomainException.NotAllowed("A buyer announces plans only for its own anchor", "anchor",
                    "is not the anchor this buyer acts for");
        }
        if (anchorId == null) {
            if (!caller.admin()) {
                throw new DomainException.NotAllowed("This buyer account belongs to no anchor institution");
            }
            throw DomainException.Invalid.field("anchor", "must name the anchor institution the plan is for");
        }
        if (Anchor.findById(anchorId) == null) {
            throw DomainException.Invalid.field("anchor", "is not an anchor institution of the borough: " + anchorId);
        }
        List<Violation> problems = new ArrayList<>();
        String title = Tenders.clean(plan.title());
        if (title.length() < 3 || title.length() > 200) {
            problems.add(new Violation("title", "must have between 3 and 200 characters"));
        }
        if (plan.estimatedValue().signum() <= 0 || plan.estimatedValue().stripTrailingZeros().scale() > 2) {
            problems.add(new Violation("estimatedValue", "must be more than £0, in pounds and pence"));
        }
        if (plan.expectedPublication().isBefore(LocalDate.ofInstant(clock.instant(), LONDON))) {
            problems.add(new Violation("expectedPublication", "must be today or later"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException.Invalid("The plan has invalid fields", problems);
        }
        PipelineItem item = new PipelineItem();
        item.id = UUID.randomUUID();
        item.anchorId = anchorId;
        item.title = title;
        item.description = plan.description() == null || plan.description().isBlank() ? null
                : plan.description().strip();
        item.cpvCodes = new LinkedHashSet<>(plan.cpvCodes()).toArray(String[]::new);
        item.estimatedValue = plan.estimatedValue().setScale(2);
        item.expectedPublication = plan.expectedPublication();
        item.createdBy = caller.actor();
        item.createdAt = clock.instant();
        item.announced = true;
        item.persist();
        messages.pipelineItemAnnounced(item);
        return item;
    }

    /** Plans not tendered yet, expected soonest first. */
    public List<PipelineItem> upcoming(String anchor, String cpv, int page, int size) {
        StringBuilder where = new StringBuilder("where p.tender_id is null");
        if (anchor != null) {
            where.append(" and p.anchor_id = :anchor");
        }
        if (cpv != null) {
            where.append(" and exists (select 1 from unnest(p.cpv_codes) c where c like :cpv)");
        }
        var q = em.createNativeQuery("select p.* from pipeline_item p " + where
                + " order by p.expected_publication, p.id limit :limit offset :offset", PipelineItem.class);
        if (anchor != null) {
            q.setParameter("anchor", anchor);
        }
        if (cpv != null) {
            q.setParameter("cpv", Tenders.cpvPrefix(cpv) + "%");
        }
        @SuppressWarnings("unchecked")
        List<PipelineItem> items = q.setParameter("limit", size).setParameter("offset", (long) page * size)
                .getResultList();
        return items;
    }

    public View view(PipelineItem item, Caller caller) {
        long followers = ((Number) em.createNativeQuery(
                "select count(*) from pipeline_follower where pipeline_item_id = ?1").setParameter(1, item.id)
                .getSingleResult()).longValue();
        Boolean following = directory.organisationIfAny(caller).map(org -> ((Number) em.createNativeQuery(
                "select count(*) from pipeline_follower where pipeline_item_id = ?1 and supplier_id = ?2")
                .setParameter(1, item.id).setParameter(2, org.supplierId).getSingleResult()).longValue() > 0)
                .orElse(null);
        return new View(item, followers, following);
    }

    @Transactional
    public PipelineItem follow(UUID id, Caller caller) {
        KnownSupplier org = directory.organisationOf(caller);
        PipelineItem item = get(id);
        em.createNativeQuery("""
                insert into pipeline_follower (pipeline_item_id, supplier_id, followed_at) values (?1, ?2, ?3)
                on conflict do nothing""").setParameter(1, item.id).setParameter(2, org.supplierId)
                .setParameter(3, clock.instant()).executeUpdate();
        return item;
    }

    @Transactional
    public void unfollow(UUID id, Caller caller) {
        KnownSupplier org = directory.organisationOf(caller);
        PipelineItem item = get(id);
        em.createNativeQuery("delete from pipeline_follower where pipeline_item_id = ?1 and supplier_id = ?2")
                .setParameter(1, item.id).setParameter(2, org.supplierId).executeUpdate();
    }

    public PipelineItem get(UUID id) {
        PipelineItem item = PipelineItem.findById(id);
        if (item == null) {
            throw new DomainException.NotFound("Pipeline item " + id);
        }
        return item;
    }

    /** The item a new tender names: this anchor's, not tendered yet (400 naming {@code pipelineItemId} else). */
    PipelineItem forTender(UUID id, String anchorId) {
        PipelineItem item = id == null ? null : PipelineItem.findById(id);
        if (item == null || !item.anchorId.equals(anchorId)) {
            throw DomainException.Invalid.field("pipelineItemId", "is not a plan of " + anchorId);
        }
        if (item.tenderId != null) {
            throw new DomainException.Conflict("The plan was tendered already (tender " + item.tenderId + ")",
                    "pipelineItemId");
        }
        return item;
    }

    /** Marks the plan as tendered by {@code tenderId} at its publication; 409 if another tender was first. */
    void tendered(UUID itemId, UUID tenderId) {
        int updated = em.createNativeQuery(
                "update pipeline_item set tender_id = ?2 where id = ?1 and (tender_id is null or tender_id = ?2)")
                .setParameter(1, itemId).setParameter(2, tenderId).executeUpdate();
        if (updated == 0) {
            throw new DomainException.Conflict("The plan was tendered already by another tender", "pipelineItemId");
        }
    }

    /** Plans made before they were announced (none after the first start of this version) are announced once. */
    @Transactional
    void announceAtStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent start) {
        // a plan already tendered is no longer to come: its announcement would only mislead
        em.createQuery("update PipelineItem set announced = true where announced = false and tenderId is not null")
                .executeUpdate();
        List<PipelineItem> unannounced = em.createQuery("from PipelineItem where announced = false order by createdAt",
                PipelineItem.class).setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
        for (PipelineItem item : unannounced) {
            messages.pipelineItemAnnounced(item);
            item.announced = true;
        }
    }

    Instant now() {
        return clock.instant();
    }
}
