package org.anchormarket.supplier.service;

import org.anchormarket.supplier.domain.SupplierDraft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.supplier.config.SupplierConfig;
import org.anchormarket.supplier.domain.Supplier;
import org.anchormarket.supplier.domain.SupplierInvitation;
import org.anchormarket.supplier.domain.SupplierMember;

/**
 * Invitations by email to join a supplier organisation. The code is 256 random bits, sent only in the email (after
 * the invitation is committed) and stored only as its SHA-256 hash; it can be used once, before it expires.
 */
@ApplicationScoped
public class SupplierInvitations {

    /** Fired inside the transaction; the email goes once it has committed ({@link InvitationMailer}). */
    public record Created(SupplierInvitation invitation, String code, String organisation) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SupplierConfig config;
    private final Event<Created> created;
    private final EntityManager em;
    private final SupplierRegistrations registration;
    private final SupplierHistory history;
    private final SupplierMessages messages;

    SupplierInvitations(SupplierConfig config, Event<Created> created, EntityManager em,
            SupplierRegistrations registration, SupplierHistory history, SupplierMessages messages) {
        this.messages = messages;
        this.registration = registration;
        this.history = history;
        this.config = config;
        this.created = created;
        this.em = em;
    }

    /**
     * An admin registers an organisation on a business's behalf (at an event, by phone) and invites its contact
     * ({@code inviteEmail}, else the organisation's email) to take it over; both or neither are stored.
     */
    @Transactional
    public Supplier registerAssisted(SupplierDraft draft, String admin, String inviteEmail) {
        Supplier s = registration.register(draft, admin, false);
        invite(s.id, inviteEmail == null || inviteEmail.isBlank() ? s.email : inviteEmail, admin, true);
        return s;
    }

    @Transactional
    public SupplierInvitation invite(UUID supplierId, String email, String subject, boolean admin) {
        Supplier supplier = Supplier.forCaller(supplierId, subject, admin);
        if (supplier.erasedAt != null) {
            throw new DomainException.Conflict("Supplier " + supplierId + " was erased", "id");
        }
        if (!admin) {
            Instant dayAgo = Instant.now().minus(java.time.Duration.ofDays(1));
            // One member's invitations are counted and sent one at a time, so two at once cannot both pass the count.
            em.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(:key, 0))")
                    .setParameter("key", "supplier-invitations:" + subject).getSingleResult();
            long sent = SupplierInvitation.count("invitedBy = ?1 and invitedAt > ?2", subject, dayAgo);
            if (sent >= config.invitations().perMemberPerDay()) {
                throw new DomainException.TooMany("You have sent " + sent + " invitations in the last 24 hours, "
                        + "the most a member may; try again later or ask the helpdesk", java.time.Duration.ofHours(1));
            }
        }
        String code = newCode();
        SupplierInvitation invitation = new SupplierInvitation();
        invitation.id = UUID.randomUUID();
        invitation.supplierId = supplierId;
        invitation.email = email.strip().toLowerCase(Locale.ROOT);
        invitation.codeHash = hash(code);
        invitation.invitedBy = subject;
        invitation.invitedAt = Instant.now();
        invitation.expiresAt = invitation.invitedAt.plus(config.invitations().validFor());
        invitation.persist();
        created.fire(new Created(invitation, code, supplier.legalName));
        return invitation;
    }

    public List<SupplierInvitation> list(UUID supplierId, String subject, boolean admin) {
        Supplier.forCaller(supplierId, subject, admin);
        return SupplierInvitation.of(supplierId);
    }

    /** Who accepts: the token's subject and its email claims. */
    public record Invitee(String subject, String email, boolean emailVerified) {
    }

    /**
     * The signed-in supplier user joins the organisation the code invites to, if the code was sent to that user's
     * own email address (verified by the identity provider where it verifies addresses): a forwarded or leaked
     * code is of no use to anyone else.
     */
    @Transactional
    public Supplier accept(String code, Invitee invitee) {
        String subject = invitee.subject();
        SupplierInvitation invitation = SupplierInvitation.<SupplierInvitation>find("codeHash", hash(code.strip()))
                .firstResultOptional()
                .orElseThrow(() -> DomainException.NotFound.matching("No invitation has this code", "code",
                        "is not the code of any invitation"));
        Instant now = Instant.now();
        Supplier supplier = Supplier.findById(invitation.supplierId);
        switch (invitation.status(now)) {
            case ACCEPTED -> throw new DomainException.Conflict("This invitation has been accepted already", "code");
            case EXPIRED -> throw new DomainException.Gone("This invitation expired at "
                    + invitation.expiresAt + "; ask the organisation for a new one", "code", "has expired");
            case PENDING -> {
            }
        }
        if (invitee.email() == null || !invitation.email.equals(invitee.email().strip().toLowerCase(Locale.ROOT))) {
            throw new DomainException.NotAllowed("This invitation was sent to another email address: sign in "
                    + "with the account of the address it was sent to", "code", "was sent to another email address");
        }
        if (config.invitations().requireVerifiedEmail() && !invitee.emailVerified()) {
            throw new DomainException.NotAllowed("Verify your email address first, then accept again", "code",
                    "needs a verified email address");
        }
        if (supplier.erasedAt != null) {
            throw new DomainException.Gone("The organisation was erased", "code", "is for an erased supplier");
        }
        Supplier.ofMember(subject).ifPresent(own -> {
            throw new DomainException.Conflict(own.id.equals(supplier.id) ? "You are a member of " + own.legalName
                    + " already" : "You already belong to " + own.legalName + "; a user belongs to one organisation",
                    "code");
        });
        SupplierMember.of(supplier.id, subject, now).persist();
        invitation.acceptedBy = subject;
        invitation.acceptedAt = now;
        history.memberJoined(supplier, subject, now);
        try {
            em.flush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            throw new DomainException.Conflict("You already belong to a registered organisation", "code");
        }
        messages.updated(supplier, List.of("members"), now); // tenders and events learn who acts for it
        return supplier;
    }

    static String newCode() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
