package org.anchormarket.events.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.anchormarket.chassis.mail.MailSender;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.junit.jupiter.api.Test;

/**
 * The chassis' mail sender on the real database: a claim left by a crashed sender is taken over and sent once, counted
 * as an attempt (a mail that keeps crashing its sender ends FAILED, not in a loop); a claim still held is left to its
 * holder; sent mail is deleted once kept long enough.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class MailSenderTest {

    @Inject
    MailSender sender;

    @Inject
    MockMailbox mailbox;

    @Inject
    EntityManager em;

    @Test
    void shouldTakeOverStaleClaimsLeaveHeldOnesAndForgetOldMail() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        UUID crashed = insert("crashed-" + run + "@example.org", "SENDING", 0, now.minus(Duration.ofMinutes(11)), now);
        UUID looping = insert("looping-" + run + "@example.org", "SENDING", 29, now.minus(Duration.ofMinutes(11)), now);
        UUID held = insert("held-" + run + "@example.org", "SENDING", 0, now.minus(Duration.ofSeconds(5)), now);
        UUID old = insert("old-" + run + "@example.org", "SENT", 1, null, now.minus(Duration.ofDays(31)));
        UUID recent = insert("recent-" + run + "@example.org", "SENT", 1, null, now.minus(Duration.ofDays(29)));

        sender.sendDue();
        sender.sendDue(); // and again: nothing goes twice

        assertEquals(1, sentTo("crashed-" + run));
        assertEquals(List.of("SENT", 1), row(crashed), "sent, the crash counted as an attempt");
        assertEquals(List.of("FAILED", 30), row(looping));
        assertEquals(0, sentTo("looping-" + run));
        assertEquals(List.of("SENDING", 0), row(held), "another sender holds it");
        assertEquals(0, sentTo("held-" + run));
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from mail_outbox where id = ?1").setParameter(1, old).getResultList()), "kept 30 days");
        assertEquals(List.of("SENT", 1), row(recent));
    }

    private int sentTo(String user) {
        var mails = mailbox.getMailsSentTo(user + "@example.org");
        return mails == null ? 0 : mails.size();
    }

    private UUID insert(String to, String status, int attempts, Instant claimedAt, Instant createdAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into mail_outbox (id, to_address, subject, body, created_at, status, attempts, claimed_at)
                values (?1, ?2, 'Hello', 'Body', ?3, ?4, ?5, cast(?6 as timestamptz))""")
                .setParameter(1, id).setParameter(2, to).setParameter(3, utc(createdAt)).setParameter(4, status)
                .setParameter(5, attempts).setParameter(6, claimedAt == null ? null : utc(claimedAt)).executeUpdate());
        return id;
    }

    private List<Object> row(UUID id) {
        Object[] r = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select status, attempts from mail_outbox where id = ?1").setParameter(1, id).getSingleResult());
        return List.of(r[0], ((Number) r[1]).intValue());
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
