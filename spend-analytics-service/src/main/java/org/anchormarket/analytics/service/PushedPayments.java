package org.anchormarket.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.anchormarket.analytics.domain.KnownAnchor;
import org.anchormarket.analytics.domain.PayeeNames;
import org.anchormarket.analytics.domain.PaymentFingerprint;
import org.anchormarket.analytics.domain.spendfile.SpendFile;
import org.anchormarket.chassis.inbox.Inbox;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.MessageReader;
import org.anchormarket.chassis.messaging.PoisonMessageException;
import org.anchormarket.contracts.messages.PaymentMade;
import org.anchormarket.contracts.messaging.Topics;
import org.jboss.logging.Logger;

/**
 * Payments anchors' finance systems push on anchor.spend: each stored as a spend file's line would be (the same key,
 * so a file holding it later counts it as held), once per payment id however often it is pushed. A payment for an
 * anchor not known here, or one that cannot be a payment, is dead-lettered with the reason (replayable once the
 * anchor is known).
 */
@ApplicationScoped
public class PushedPayments {

    static final String CONSUMER = "spend-analytics.spend";
    private static final Logger LOG = Logger.getLogger(PushedPayments.class);

    private final Inbox inbox;
    private final MessageReader reader;
    private final DataSource db;

    PushedPayments(Inbox inbox, MessageReader reader, DataSource db) {
        this.inbox = inbox;
        this.reader = reader;
        this.db = db;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        if (!inbox.accept(CONSUMER, event)) {
            return;
        }
        if (!Topics.EventTypes.PAYMENT_MADE.equals(event.type())) {
            LOG.debugf("Type %s is not used by spend analytics", event.type());
            return;
        }
        PaymentMade payment = reader.read(event, PaymentMade.class);
        String anchorId = payment.getAnchorId();
        if (!anchorId.equals(event.key())) {
            throw new PoisonMessageException("PaymentMade " + event.id() + " is keyed " + event.key()
                    + " but is for anchor " + anchorId);
        }
        if (KnownAnchor.findById(anchorId) == null) {
            throw new PoisonMessageException("PaymentMade " + event.id() + " is for " + anchorId
                    + ", an anchor not known here");
        }
        LocalDate date = payment.getPaymentDate();
        if (date.isBefore(LocalDate.of(2000, 1, 1)) || date.isAfter(LocalDate.now().plusYears(1))) {
            throw new PoisonMessageException("PaymentMade " + event.id() + " is dated " + date
                    + ", outside 2000 to next year");
        }
        BigDecimal amount = new BigDecimal(payment.getAmount()).setScale(2);
        String payee = SpendFile.withheld(payment.getPayee()) ? null : payment.getPayee().strip();
        UUID fingerprint = PaymentFingerprint.of(date, amount, payee, payment.getTransactionRef());
        try (Connection c = db.getConnection()) {
            // Payments alike in date, amount, payee and transaction are told apart by their order of arrival, as a
            // file's identical lines are by their order in it
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 7))")) {
                lock.setString(1, anchorId + "|" + fingerprint);
                lock.execute();
            }
            int occurrence;
            try (PreparedStatement count = c.prepareStatement(
                    "select count(*) from spend_pushed where anchor_id = ? and fingerprint = ?")) {
                count.setString(1, anchorId);
                count.setObject(2, fingerprint);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    occurrence = row.getInt(1);
                }
            }
            try (PreparedStatement pushed = c.prepareStatement("""
                    insert into spend_pushed (anchor_id, payment_id, fingerprint, occurrence) values (?, ?, ?, ?)
                    on conflict do nothing""")) {
                pushed.setString(1, anchorId);
                pushed.setString(2, payment.getPaymentId());
                pushed.setObject(3, fingerprint);
                pushed.setInt(4, occurrence);
                if (pushed.executeUpdate() == 0) {
                    LOG.debugf("Payment %s of %s was pushed before", payment.getPaymentId(), anchorId);
                    return;
                }
            }
            SpendLines.insert(c, anchorId, null, List.of(new SpendLines.Pending(fingerprint, occurrence, null, date,
                    amount, UploadReader.cut(payee, 300), UploadReader.cut(PayeeNames.key(payee), 300),
                    UploadReader.cut(payment.getSupplierRef(), 100), UploadReader.cut(payment.getTransactionRef(), 100),
                    UploadReader.cut(payment.getServiceArea(), 300), UploadReader.cut(payment.getCategory(), 300),
                    null, UploadReader.cut(payment.getCompanyNumber(), 20),
                    UploadReader.cut(payment.getCharityNumber(), 20))));
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
