package org.anchormarket.tender.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.anchormarket.tender.config.TenderConfig;
import org.jboss.logging.Logger;

/**
 * Emails each notification to the organisation's contact address (Quarkus Mailer). The notification table is the
 * outbox: a notification is written in the change's transaction; this job claims a batch of those due (SENDING, in
 * a short transaction: rows locked, skipped by another instance), sends each outside any transaction, and records
 * each result in its own: SENT, or after a failure due again later (30 s, then doubling), FAILED after
 * {@link #MAX_ATTEMPTS}. A claim left SENDING by a crash is due again after {@link #STALE_CLAIM}: at least once, a
 * mail may go twice then, never not at all.
 */
@ApplicationScoped
public class EmailAlerts {

    static final int BATCH = 50;
    static final int MAX_ATTEMPTS = 5;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration STALE_CLAIM = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(EmailAlerts.class);

    private final Mailer mailer;
    private final EntityManager em;
    private final TenderConfig config;
    private final Clock clock;

    EmailAlerts(Mailer mailer, EntityManager em, TenderConfig config, Clock clock) {
        this.mailer = mailer;
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /** A notification to email; {@code claim}: when this instance claimed it (its claim's token). */
    record Due(UUID id, UUID tenderId, String title, String text, String email, int attempts,
            OffsetDateTime claim) {
    }

    @Scheduled(every = "${tender.alerts.interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update notification set email_status = null
                where email_status = 'SENDING' and email_claimed_at < ?1""")
                .setParameter(1, utc(clock.instant().minus(STALE_CLAIM))).executeUpdate());
        while (sendBatch() == BATCH) {
            // more are due
        }
    }

    /** Claims, sends and records one batch; returns how many it claimed. */
    public int sendBatch() {
        List<Due> due = QuarkusTransaction.requiringNew().call(this::claim);
        for (Due d : due) {
            boolean sent;
            try {
                mailer.send(Mail.withText(d.email(), subject(d.title()), body(d)).setFrom(config.alerts().from()));
                sent = true;
            } catch (RuntimeException e) {
                sent = false;
                LOG.warnf("Could not email notification %s (attempt %d of %d): %s", d.id(), d.attempts() + 1,
                        MAX_ATTEMPTS, e.getMessage());
            }
            // only the sending is tried: a failure to record a sent mail is not a failed send
            if (sent) {
                record(d, "SENT", 0, null);
            } else {
                int attempts = d.attempts() + 1;
                record(d, attempts >= MAX_ATTEMPTS ? "FAILED" : null, 1,
                        clock.instant().plus(FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10))));
            }
        }
        return due.size();
    }

    private List<Due> claim() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select n.id, n.tender_id, n.title, n.text, s.email, n.email_attempts
                from notification n
                left join known_supplier s on s.supplier_id = n.supplier_id and s.erased_at is null
                where n.email_status is null and (n.email_next_attempt_at is null or n.email_next_attempt_at <= ?2)
                order by n.created_at, n.id limit ?1
                for update of n skip locked""").setParameter(1, BATCH).setParameter(2, utc(clock.instant()))
                .getResultList();
        List<Due> due = new java.util.ArrayList<>();
        // microseconds, as the database keeps them: the claim's time is its token
        OffsetDateTime claim = utc(clock.instant()).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            String email = (String) r[4];
            boolean addressed = email != null && !email.isBlank();
            em.createNativeQuery("""
                    update notification set email_status = ?2, email_claimed_at = ?3 where id = ?1""")
                    .setParameter(1, id).setParameter(2, addressed ? "SENDING" : "NO_ADDRESS")
                    .setParameter(3, claim).executeUpdate();
            if (addressed) {
                due.add(new Due(id, (UUID) r[1], (String) r[2], (String) r[3], email, ((Number) r[5]).intValue(),
                        claim));
            }
        }
        return due;
    }

    /** Records how the send went, if the claim is still this instance's (a stale one may have been taken over). */
    private void record(Due d, String status, int failed, java.time.Instant next) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update notification set email_status = ?2, email_attempts = email_attempts + ?3,
                    emailed_at = case when ?2 = 'SENT' then cast(?4 as timestamptz) else emailed_at end,
                    email_next_attempt_at = cast(?5 as timestamptz)
                where id = ?1 and email_status = 'SENDING' and email_claimed_at = ?6""")
                .setParameter(1, d.id()).setParameter(2, status).setParameter(3, failed)
                .setParameter(4, utc(clock.instant())).setParameter(5, next == null ? null : utc(next))
                .setParameter(6, d.claim()).executeUpdate());
    }

    /** One line: a title holding a line break would start a header of its own. */
    public static String subject(String title) {
        String line = title.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    private String body(Due d) {
        StringBuilder b = new StringBuilder(subject(d.title())).append("\n\n");
        if (d.text() != null) {
            b.append(d.text()).append("\n\n");
        }
        if (d.tenderId() != null) {
            b.append("See the tender: ").append(config.publicUrl()).append("/app/tenders/").append(d.tenderId())
                    .append("\n\n");
        }
        b.append("You get these emails because your organisation is registered on Anchor Market for these categories. "
                + "Change its categories or contact email on your organisation's page: ")
                .append(config.publicUrl()).append("/app/organisation\n");
        return b.toString();
    }

    private static OffsetDateTime utc(java.time.Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
