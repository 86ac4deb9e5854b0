package org.anchormarket.tender.service;

import org.anchormarket.chassis.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.chassis.inbox.Inbox;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.MessageReader;
import org.anchormarket.contracts.messages.SupplierClassification;
import org.anchormarket.contracts.messages.SupplierErased;
import org.anchormarket.contracts.messages.SupplierRegistered;
import org.anchormarket.contracts.messages.SupplierUpdated;
import org.anchormarket.contracts.messages.SupplierVerified;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.tender.domain.KnownSupplier;
import org.jboss.logging.Logger;

/**
 * The suppliers this service knows, from anchor.suppliers: each message applied once, never an older one over a
 * newer (the inbox), and who acts for each organisation (its members' token subjects).
 */
@ApplicationScoped
public class SupplierDirectory {

    static final String CONSUMER = "tender-service.suppliers";
    private static final Logger LOG = Logger.getLogger(SupplierDirectory.class);

    private final Inbox inbox;
    private final MessageReader reader;
    private final EntityManager em;

    SupplierDirectory(Inbox inbox, MessageReader reader, EntityManager em) {
        this.inbox = inbox;
        this.reader = reader;
        this.em = em;
    }

    /** The organisation the caller acts for; 403 with the reason when there is none. */
    public KnownSupplier organisationOf(Caller caller) {
        if (!caller.supplier() && !caller.admin()) {
            throw new DomainException.NotAllowed("Only suppliers take part in tenders");
        }
        return KnownSupplier.ofMember(caller.subject()).orElseThrow(() -> new DomainException.NotAllowed(
                "Your account acts for no registered organisation here yet: register your organisation (or accept "
                        + "an invitation to one) first; a new registration reaches tenders within seconds"));
    }

    public Optional<KnownSupplier> organisationIfAny(Caller caller) {
        return caller.subject() == null ? Optional.empty() : KnownSupplier.ofMember(caller.subject());
    }

    @Transactional
    public void apply(IncomingEvent event) {
        if (!inbox.accept(CONSUMER, event)) {
            return;
        }
        switch (event.type()) {
            case Topics.EventTypes.SUPPLIER_REGISTERED -> {
                SupplierRegistered m = reader.read(event, SupplierRegistered.class);
                known(m.getSupplierId(), m.getRegisteredAt().toInstant(), s -> {
                    s.legalName = m.getLegalName();
                    s.status = m.getStatus() == null ? "PENDING" : m.getStatus().toString();
                    s.cpvCodes = cpv(m.getCpvCodes());
                    s.email = email(m.getEmail());
                    classify(s, m.getClassification());
                }, m.getMembers());
            }
            case Topics.EventTypes.SUPPLIER_UPDATED -> {
                SupplierUpdated m = reader.read(event, SupplierUpdated.class);
                known(m.getSupplierId(), m.getUpdatedAt().toInstant(), s -> {
                    s.legalName = m.getLegalName();
                    if (m.getStatus() != null) {
                        s.status = m.getStatus().toString();
                    }
                    if (m.getCpvCodes() != null) {
                        s.cpvCodes = cpv(m.getCpvCodes());
                    }
                    if (m.getEmail() != null) {
                        s.email = email(m.getEmail());
                    }
                    classify(s, m.getClassification());
                }, m.getMembers());
            }
            case Topics.EventTypes.SUPPLIER_VERIFIED -> {
                SupplierVerified m = reader.read(event, SupplierVerified.class);
                known(m.getSupplierId(), m.getDecidedAt().toInstant(), s -> {
                    s.status = m.getStatus().toString();
                    classify(s, m.getClassification());
                }, null);
            }
            case Topics.EventTypes.SUPPLIER_ERASED -> {
                SupplierErased m = reader.read(event, SupplierErased.class);
                known(m.getSupplierId(), m.getErasedAt().toInstant(), s -> {
                    s.legalName = m.getLegalName();
                    s.erasedAt = m.getErasedAt().toInstant();
                    s.email = null;
                    classify(s, m.getClassification());
                }, List.of());
            }
            default -> LOG.debugf("Type %s is not used by tender-service", event.type());
        }
    }

    private void known(UUID id, Instant at, java.util.function.Consumer<KnownSupplier> change, List<String> members) {
        KnownSupplier s = KnownSupplier.findById(id);
        if (s == null) {
            s = new KnownSupplier();
            s.supplierId = id;
            s.legalName = "Supplier " + id;
        } else if (s.erasedAt != null) {
            return; // erased stays erased, whatever arrives late
        }
        change.accept(s);
        if (s.legalName == null) {
            s.legalName = "Supplier " + id;
        }
        s.updatedAt = at;
        s.persist();
        if (members != null) {
            em.flush();
            em.createNativeQuery("delete from supplier_member where supplier_id = ?1").setParameter(1, id)
                    .executeUpdate();
            for (String subject : members.stream().filter(Objects::nonNull).distinct().toList()) {
                // A user acts for one organisation: joining another (after an erasure, say) moves them
                em.createNativeQuery("""
                        insert into supplier_member (subject, supplier_id) values (?1, ?2)
                        on conflict (subject) do update set supplier_id = excluded.supplier_id""")
                        .setParameter(1, subject).setParameter(2, id).executeUpdate();
            }
        }
    }

    private static void classify(KnownSupplier s, SupplierClassification c) {
        if (c == null) {
            return;
        }
        if (c.getLocality() != null && !c.getLocality().name().startsWith("UNKNOWN_DEFAULT")) {
            s.locality = c.getLocality().toString();
        }
        s.town = c.getTown();
        s.sme = Boolean.TRUE.equals(c.getSme());
        s.vcfse = Boolean.TRUE.equals(c.getVcfse());
    }

    /** An address to send alerts to: one line, of a sane length; anything else is not used. */
    private static String email(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.length() <= 320 && v.matches("[^\\s@]+@[^\\s@]+\\.[^\\s@]+") ? v : null;
    }

    private static String[] cpv(List<String> codes) {
        return codes == null ? new String[0]
                : codes.stream().filter(Objects::nonNull).distinct().limit(200).toArray(String[]::new);
    }
}
