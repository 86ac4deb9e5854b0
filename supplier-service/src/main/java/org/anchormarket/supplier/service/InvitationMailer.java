package org.anchormarket.supplier.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.anchormarket.supplier.config.SupplierConfig;
import org.jboss.logging.Logger;

/**
 * Sends the invitation email once the invitation is committed (never for one that was rolled back). A failure to
 * send is logged with the invitation id; a new invitation sends a new code.
 */
@ApplicationScoped
public class InvitationMailer {

    private static final Logger LOG = Logger.getLogger(InvitationMailer.class);

    private final Mailer mailer;
    private final SupplierConfig config;

    InvitationMailer(Mailer mailer, SupplierConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) SupplierInvitations.Created created) {
        var invitation = created.invitation();
        try {
            mailer.send(Mail.withText(invitation.email,
                    "You are invited to join " + created.organisation() + " on Anchor Market",
                    """
                    Hello,

                    You have been invited to join %s on Anchor Market, the marketplace of Wigan borough's anchor
                    institutions, so that you can see its opportunities, bids and bookings.

                    1. Sign in at %s
                    2. Under "Invited by a colleague?", enter this code:

                       %s

                    The code can be used once, until %s. If you did not expect this email, ignore it.
                    """.formatted(created.organisation(), config.invitations().acceptUrl(), created.code(),
                            invitation.expiresAt)));
            LOG.infof("Invitation %s to join supplier %s sent", invitation.id, invitation.supplierId);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Invitation %s to join supplier %s could not be sent; invite again", invitation.id,
                    invitation.supplierId);
        }
    }
}
