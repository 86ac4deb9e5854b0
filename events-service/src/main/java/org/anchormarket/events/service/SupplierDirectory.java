package org.anchormarket.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.chassis.inbox.Inbox;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.MessageReader;
import org.anchormarket.chassis.messaging.PoisonMessageException;
import org.anchormarket.chassis.security.Caller;
import org.anchormarket.contracts.messages.SupplierErased;
import org.anchormarket.contracts.messages.SupplierRegistered;
import org.anchormarket.contracts.messages.SupplierUpdated;
import org.anchormarket.contracts.messages.SupplierVerified;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.events.domain.KnownSupplier;
import org.jboss.logging.Logger;

/**
 * The suppliers this service knows, from anchor.suppliers: each message applied once, never an older one over a
 * newer (the inbox), and who acts for each organisation (its members' token subjects). An erased supplier's
 * registrations lose their people's names and addresses, and its places at events still to come are given up.
 */
@ApplicationScoped
public class SupplierDirectory {

    static final String CONSUMER = "events-service.suppliers";
    private static final Logger LOG = Logger.getLogger(SupplierDirectory.class);

    private final Inbox inbox;
    private final MessageReader reader;
    private final EntityManager em;
    private final Registrations registrations;

    SupplierDirectory(Inbox inbox, MessageReader reader, EntityManager em, Registrations registrations) {
        this.inbox = inbox;
        this.reader = reader;
        this.em = em;
        this.registrations = registrations;
    }

    /** The organisation a supplier acts for; 403 with the reason when there is none. */
    public KnownSupplier organisationOf(Caller caller) {
        if (!caller.supplier()) {
            throw new DomainException.NotAllowed("Only suppliers register their organisations for events");
        }
        return KnownSupplier.ofMember(caller.subject()).orElseThrow(() -> new DomainException.NotAllowed(
                "Your account acts for no registered organisation here yet: register your organisation (or accept "
                        + "an invitation to one) first; a new registration reaches events within seconds"));
    }

    /** The organisation an admin names; 400 naming {@code field} when it is not one known here. */
    public KnownSupplier named(UUID supplierId, String field) {
        if (supplierId == null) {
            throw DomainException.Invalid.field(field, "is required when an admin registers an organisation");
        }
        KnownSupplier s = KnownSupplier.findById(supplierId);
        if (s == null || s.erasedAt != null) {
            throw DomainException.Invalid.field(field, "is no organisation known here");
        }
        return s;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        if (!inbox.accept(CONSUMER, event)) {
            return;
        }
        switch (event.type()) {
            case Topics.EventTypes.SUPPLIER_REGISTERED -> {
                SupplierRegistered m = reader.read(event, SupplierRegistered.class);
                keyed(event, m.getSupplierId());
                known(m.getSupplierId(), m.getRegisteredAt().toInstant(), s -> {
                    s.legalName = m.getLegalName();
                    s.status = m.getStatus() == null ? "PENDING" : m.getStatus().toString();
                    s.cpvCodes = cpv(m.getCpvCodes());
                }, m.getMembers());
            }
            case Topics.EventTypes.SUPPLIER_UPDATED -> {
                SupplierUpdated m = reader.read(event, SupplierUpdated.class);
                keyed(event, m.getSupplierId());
                known(m.getSupplierId(), m.getUpdatedAt().toInstant(), s -> {
                    s.legalName = m.getLegalName();
                    if (m.getStatus() != null) {
                        s.status = m.getStatus().toString();
                    }
                    if (m.getCpvCodes() != null) {
                        s.cpvCodes = cpv(m.getCpvCodes());
                    }
                }, m.getMembers());
            }
            case Topics.EventTypes.SUPPLIER_VERIFIED -> {
                SupplierVerified m = reader.read(event, SupplierVerified.class);
                keyed(event, m.getSupplierId());
                known(m.getSupplierId(), m.getDecidedAt().toInstant(), s -> s.status = m.getStatus().toString(),
                        null);
            }
            case Topics.EventTypes.SUPPLIER_ERASED -> {
                SupplierErased m = reader.read(event, SupplierErased.class);
                keyed(event, m.getSupplierId());
                known(m.getSupplierId(), m.getErasedAt().toInstant(), s -> {
                    s.legalName = m.getLegalName();
                    s.erasedAt = m.getErasedAt().toInstant();
                }, List.of());
                registrations.forgetPeopleOf(m.getSupplierId(), m.getLegalName());
            }
            default -> LOG.debugf("Type %s is not used by events-service", event.type());
        }
    }

    /** Versions are counted per message key: a message about another supplier than its key is not to be trusted. */
    private static void keyed(IncomingEvent event, UUID supplierId) {
        if (supplierId == null || !supplierId.toString().equals(event.key())) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " is keyed " + event.key()
                    + " but is about supplier " + supplierId);
        }
    }

    private void known(UUID id, Instant at, Consumer<KnownSupplier> change, List<String> members) {
        KnownSupplier s = KnownSupplier.findById(id);
        if (s == null) {
            s = new KnownSupplier();
            s.supplierId = id;
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

    private static String[] cpv(List<String> codes) {
        return codes == null ? new String[0]
                : codes.stream().filter(Objects::nonNull).distinct().limit(200).toArray(String[]::new);
    }
}
