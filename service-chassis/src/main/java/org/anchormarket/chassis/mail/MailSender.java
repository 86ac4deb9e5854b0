package org.anchormarket.chassis.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the emails {@link MailOutbox} queued (Quarkus Mailer): claims a batch of those due (SENDING, in a short
 * transaction: rows locked, skipped by another instance), sends each outside any transaction and records each result
 * in its own: SENT, or after a failure due again later (30 s, doubling up to an hour), FAILED after
 * {@link #MAX_ATTEMPTS} (about a day of trying: a mail server down for hours loses nothing; a FAILED mail is logged as
 * an error). Each mail's claim is renewed just before it is sent, so a slow batch is never taken over mid-way; a claim
 * left SENDING by a crash is due again after {@link #STALE_CLAIM}, counted as an attempt (a mail that crashes the
 * sender does not loop for ever): at least once, a mail may go twice then. Sent and failed mails are deleted after
 * {@code anchor.mail.keep-for} (30 days).
 */
@ApplicationScoped
public class MailSender {

    static final int BATCH = 50;
    static final int MAX_ATTEMPTS = 30;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    static final Duration STALE_CLAIM = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(MailSender.class);

    private final Mailer mailer;
    private final EntityManager em;
    private final String from;
    private final Duration keepFor;

    MailSender(Mailer mailer, EntityManager em,
            @ConfigProperty(name = "anchor.mail.from", defaultValue = "Anchor Market <no-reply@anchormarket.invalid>")
            String from,
            @ConfigProperty(name = "anchor.mail.keep-for", defaultValue = "30d") Duration keepFor) {
        this.mailer = mailer;
        this.em = em;
        this.from = from;
        this.keepFor = keepFor;
    }

    private record Due(UUID id, String to, String subject, String body, int attempts, OffsetDateTime claim) {
    }

    @Scheduled(every = "${anchor.mail.interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void sendDue() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    update mail_outbox set attempts = attempts + 1,
                        status = case when attempts + 1 >= ?2 then 'FAILED' else null end
                    where status = 'SENDING' and claimed_at < ?1""")
                    .setParameter(1, utc(Instant.now().minus(STALE_CLAIM))).setParameter(2, MAX_ATTEMPTS)
                    .executeUpdate();
            em.createNativeQuery("delete from mail_outbox where status in ('SENT', 'FAILED') and created_at < ?1")
                    .setParameter(1, utc(Instant.now().minus(keepFor))).executeUpdate();
        });
        while (sendBatch() == BATCH) {
            // more are due
        }
    }

    /** Claims, sends and records one batch; returns how many it claimed. */
    public int sendBatch() {
        List<Due> due = QuarkusTransaction.requiringNew().call(this::claim);
        for (Due claimed : due) {
            Due d = renewed(claimed);
            if (d == null) {
                continue; // taken over meanwhile (this batch ran past the stale claim's time): the other sends it
            }
            boolean sent;
            try {
                mailer.send(Mail.withText(d.to(), d.subject(), d.body()).setFrom(from));
                sent = true;
            } catch (RuntimeException e) {
                sent = false;
                // not the error's text: it often holds the address
                LOG.warnf("Could not send email %s (attempt %d of %d): %s", d.id(), d.attempts() + 1, MAX_ATTEMPTS,
                        e.getClass().getName());
            }
            // only the sending is tried: a failure to record a sent mail is not a failed send
            if (sent) {
                record(d, "SENT", 0, null);
            } else {
                int attempts = d.attempts() + 1;
                if (attempts >= MAX_ATTEMPTS) {
                    LOG.errorf("Gave up sending email %s after %d attempts", d.id(), attempts);
                }
                Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10));
                record(d, attempts >= MAX_ATTEMPTS ? "FAILED" : null, 1,
                        Instant.now().plus(wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait));
            }
        }
        return due.size();
    }

    private List<Due> claim() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, to_address, subject, body, attempts from mail_outbox
                where status is null and (next_attempt_at is null or next_attempt_at <= ?2)
                order by created_at, id limit ?1
                for update skip locked""").setParameter(1, BATCH).setParameter(2, utc(Instant.now()))
                .getResultList();
        // microseconds, as the database keeps them: the claim's time is its token
        OffsetDateTime claim = utc(Instant.now()).truncatedTo(ChronoUnit.MICROS);
        List<Due> due = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            em.createNativeQuery("update mail_outbox set status = 'SENDING', claimed_at = ?2 where id = ?1")
                    .setParameter(1, id).setParameter(2, claim).executeUpdate();
            due.add(new Due(id, (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue(), claim));
        }
        return due;
    }

    /** The claim renewed just before sending (its new time the token), or null if it is no longer this one's. */
    private Due renewed(Due d) {
        OffsetDateTime now = utc(Instant.now()).truncatedTo(ChronoUnit.MICROS);
        int kept = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                update mail_outbox set claimed_at = ?3 where id = ?1 and status = 'SENDING' and claimed_at = ?2""")
                .setParameter(1, d.id()).setParameter(2, d.claim()).setParameter(3, now).executeUpdate());
        return kept == 0 ? null : new Due(d.id(), d.to(), d.subject(), d.body(), d.attempts(), now);
    }

    /** Records how the send went, if the claim is still this instance's (a stale one may have been taken over). */
    private void record(Due d, String status, int failed, Instant next) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update mail_outbox set status = ?2, attempts = attempts + ?3,
                    sent_at = case when ?2 = 'SENT' then cast(?4 as timestamptz) else sent_at end,
                    next_attempt_at = cast(?5 as timestamptz)
                where id = ?1 and status = 'SENDING' and claimed_at = ?6""")
                .setParameter(1, d.id()).setParameter(2, status).setParameter(3, failed)
                .setParameter(4, utc(Instant.now())).setParameter(5, next == null ? null : utc(next))
                .setParameter(6, d.claim()).executeUpdate());
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
