package org.anchormarket.chassis.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Emails to send, written in the caller's transaction (table {@code mail_outbox}, chassis migration V0_5): a change and
 * the emails telling of it commit together or not at all; {@link MailSender} sends them after the commit.
 */
@ApplicationScoped
public class MailOutbox {

    private final EntityManager em;

    MailOutbox(EntityManager em) {
        this.em = em;
    }

    /**
     * Queues one email to one address; a blank address is skipped. {@code about} names what it is about (this
     * service's words, e.g. {@code registration:<id>}), to {@link #forget} it by. Returns whether it was queued.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queue(String to, String subject, String body, String about) {
        if (to == null || to.isBlank()) {
            return false;
        }
        em.createNativeQuery("""
                insert into mail_outbox (id, to_address, subject, body, created_at, about)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, to.strip()).setParameter(3, subjectLine(subject))
                .setParameter(4, body).setParameter(5, Instant.now().atOffset(ZoneOffset.UTC)).setParameter(6, about)
                .executeUpdate();
        return true;
    }

    /**
     * Deletes every email about these things, sent or still to send (an erasure): one being sent just now may still
     * go, nothing of it is kept.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forget(java.util.Collection<String> about) {
        if (about.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("delete from mail_outbox where about = any(?1)")
                .setParameter(1, about.toArray(String[]::new)).executeUpdate();
    }

    /** One line of at most 200 characters: a subject holding a line break would start a header of its own. */
    public static String subjectLine(String subject) {
        String line = subject == null ? "" : subject.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
