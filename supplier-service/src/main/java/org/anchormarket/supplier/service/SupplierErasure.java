package org.anchormarket.supplier.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.supplier.domain.Supplier;
import org.anchormarket.supplier.domain.SupplierChange;
import org.anchormarket.supplier.domain.SupplierMember;
import org.anchormarket.supplier.domain.classification.Postcode;

/** A sole trader's right to erasure. */
@ApplicationScoped
public class SupplierErasure {

    private final SupplierHistory history;
    private final SupplierMessages messages;
    private final EntityManager em;

    SupplierErasure(SupplierHistory history, SupplierMessages messages, EntityManager em) {
        this.history = history;
        this.messages = messages;
        this.em = em;
    }

    /** Who erased, in history, when the sole trader asked for it themselves (their user id is personal data). */
    public static final String ERASED_BY_SOLE_TRADER = "anchor-market:erasure-requested-by-the-sole-trader";

    /**
     * A sole trader's right to erasure: personal data removed or anonymised, history and memberships deleted,
     * announced messages already published removed from the outbox; the id and classification stay so spend paid
     * to the supplier still counts. Asking again changes nothing.
     */
    @Transactional
    public Supplier erase(UUID id, String subject, boolean admin) {
        Supplier s = Supplier.forCaller(id, subject, admin);
        if (s.erasedAt != null) {
            return s;
        }
        if (s.organisationType != org.anchormarket.supplier.domain.classification.OrganisationType.SOLE_TRADER) {
            throw new DomainException.Conflict("Only a sole trader's data is personal data that can be erased; this is a "
                    + s.organisationType, "organisationType");
        }
        Instant now = Instant.now();
        s.legalName = "Erased sole trader " + s.id.toString().substring(0, 8);
        s.tradingName = null;
        s.companyNumber = null;
        s.charityNumber = null;
        s.postcode = Postcode.parse(s.postcode).map(Postcode::district).orElse("");
        s.addressLines = "";
        s.branches.clear();
        s.annualTurnover = BigDecimal.ZERO.setScale(2);
        s.balanceSheetTotal = null;
        s.email = null;
        s.phone = null;
        s.website = null;
        s.description = null;
        s.rejectionReason = null;
        s.registeredBy = "erased";
        s.erasedAt = now;
        s.updatedAt = now;
        SupplierChange.delete("supplierId", s.id);
        SupplierMember.delete("supplierId", s.id);
        org.anchormarket.supplier.domain.SupplierInvitation.delete("supplierId", s.id);
        // The sole trader's earlier messages held their name: those already sent, and those parked as unsendable
        // (which an admin might otherwise send again), are deleted. Pending ones go out before the erasure, which
        // every consumer then applies.
        em.createNativeQuery("delete from outbox_message where message_key = ?1"
                + " and (published_at is not null or parked_at is not null)")
                .setParameter(1, s.id.toString()).executeUpdate();
        history.record(s, admin ? subject : ERASED_BY_SOLE_TRADER, now, Map.of("erasedAt", ""),
                Map.of("erasedAt", now.toString()));
        messages.erased(s);
        return s;
    }
}
