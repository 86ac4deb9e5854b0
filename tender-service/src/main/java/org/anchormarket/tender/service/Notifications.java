package org.anchormarket.tender.service;

import org.anchormarket.chassis.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anchormarket.tender.domain.Tender;
import org.anchormarket.tender.domain.TenderLot;

/**
 * Suppliers' notifications, written in the transaction of the change they tell of (one statement each, however many
 * suppliers): a new opportunity for every organisation whose categories match (the same CPV group, the codes' first
 * three digits) and that may bid; a followed plan tendered; a followed or bid-for tender amended or cancelled.
 */
@ApplicationScoped
public class Notifications {

    /**
     * A notification's email status as written: NO_ADDRESS for an organisation with no contact email (or erased),
     * else none yet, for {@link EmailAlerts} to send.
     */
    private static final String NO_ADDRESS =
            "case when s.email is null or s.erased_at is not null then 'NO_ADDRESS' end";

    private final SupplierDirectory directory;
    private final EntityManager em;

    Notifications(SupplierDirectory directory, EntityManager em) {
        this.directory = directory;
        this.em = em;
    }

    /** One notification, as shown. */
    public record Shown(UUID id, String kind, UUID tenderId, String title, String text, Instant createdAt) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void published(Tender t, List<TenderLot> lots, Instant now) {
        if (t.pipelineItemId != null) {
            em.createNativeQuery("""
                    insert into notification (id, supplier_id, kind, tender_id, title, text, created_at, email_status)
                    select gen_random_uuid(), f.supplier_id, 'PIPELINE_TENDERED', ?1, ?2, ?3, ?4, %s
                    from pipeline_follower f left join known_supplier s on s.supplier_id = f.supplier_id
                    where f.pipeline_item_id = ?5""".formatted(NO_ADDRESS))
                    .setParameter(1, t.id).setParameter(2, title("Now open for bids", t))
                    .setParameter(3, "A plan you follow is published: bids until " + Clocks.uk(t.submissionDeadline))
                    .setParameter(4, now).setParameter(5, t.pipelineItemId).executeUpdate();
        }
        String[] codes = java.util.stream.Stream.concat(java.util.Arrays.stream(t.cpvCodes),
                lots.stream().flatMap(l -> java.util.Arrays.stream(l.cpvCodes))).distinct().toArray(String[]::new);
        em.createNativeQuery("""
                insert into notification (id, supplier_id, kind, tender_id, title, text, created_at, email_status)
                select gen_random_uuid(), s.supplier_id, 'NEW_OPPORTUNITY', ?1, ?2, ?3, ?4, %s
                from known_supplier s
                where %s
                  and exists (select 1 from unnest(s.cpv_codes) sc, unnest(cast(?5 as text[])) tc
                              where left(sc, 3) = left(tc, 3))
                  and not exists (select 1 from pipeline_follower f where f.pipeline_item_id = ?6
                                  and f.supplier_id = s.supplier_id)""".formatted(NO_ADDRESS,
                        t.reservation.sqlAdmits("s")))
                .setParameter(1, t.id).setParameter(2, title("New opportunity", t))
                .setParameter(3, "It matches your organisation's categories: bids until "
                        + Clocks.uk(t.submissionDeadline))
                .setParameter(4, now).setParameter(5, codes)
                .setParameter(6, t.pipelineItemId == null ? new UUID(0, 0) : t.pipelineItemId).executeUpdate();
    }

    /** Tells those who follow the tender's plan or bid for it. */
    @Transactional(Transactional.TxType.MANDATORY)
    void changed(Tender t, String kind, String heading, String text, Instant now) {
        em.createNativeQuery("""
                insert into notification (id, supplier_id, kind, tender_id, title, text, created_at, email_status)
                select gen_random_uuid(), x.supplier_id, ?1, ?2, ?3, ?4, ?5, %s from (
                    select supplier_id from pipeline_follower where pipeline_item_id = ?6
                    union select supplier_id from bid where tender_id = ?2) x
                left join known_supplier s on s.supplier_id = x.supplier_id""".formatted(NO_ADDRESS))
                .setParameter(1, kind).setParameter(2, t.id).setParameter(3, title(heading, t))
                .setParameter(4, text).setParameter(5, now)
                .setParameter(6, t.pipelineItemId == null ? new UUID(0, 0) : t.pipelineItemId).executeUpdate();
    }

    public List<Shown> mine(Caller caller, int page, int size) {
        var org = directory.organisationOf(caller);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, kind, tender_id, title, text, created_at from notification where supplier_id = ?1
                order by created_at desc, id limit ?2 offset ?3""")
                .setParameter(1, org.supplierId).setParameter(2, size).setParameter(3, (long) page * size)
                .getResultList();
        return rows.stream().map(r -> new Shown((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3],
                (String) r[4], r[5] instanceof java.sql.Timestamp ts ? ts.toInstant()
                        : r[5] instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) r[5])).toList();
    }

    private static String title(String heading, Tender t) {
        String title = heading + ": " + t.title;
        return title.length() > 300 ? title.substring(0, 300) : title;
    }
}
