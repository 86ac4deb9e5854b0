package org.anchormarket.tender.service;

import org.anchormarket.chassis.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.tender.domain.KnownSupplier;
import org.anchormarket.tender.domain.Question;
import org.anchormarket.tender.domain.Tender;

/** Clarification questions: asked by eligible suppliers until the clarification deadline, answered by the buyer. */
@ApplicationScoped
public class Clarifications {

    private final Tenders tenders;
    private final SupplierDirectory directory;
    private final Audit audit;
    private final Clock clock;

    Clarifications(Tenders tenders, SupplierDirectory directory, Audit audit, Clock clock) {
        this.tenders = tenders;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Question ask(UUID tenderId, String text, Caller caller) {
        KnownSupplier org = directory.organisationOf(caller);
        Tender t = tenders.get(tenderId, caller);
        Instant now = clock.instant();
        if (!t.openForQuestions(now)) {
            throw new DomainException.Conflict(t.status(now) == Tender.Status.PUBLISHED
                    ? "The clarification deadline passed at " + t.clarificationDeadline + ": questions are closed"
                    : "The tender is " + t.status(now) + ": questions are closed", "clarificationDeadline");
        }
        t.reservation.refuses(org).ifPresent(reason -> {
            throw new DomainException.NotAllowed(reason);
        });
        String clean = Tenders.clean(text);
        if (clean.length() < 3) {
            throw DomainException.Invalid.field("text", "must have at least three visible characters");
        }
        Question q = new Question();
        q.id = UUID.randomUUID();
        q.tenderId = t.id;
        q.supplierId = org.supplierId;
        q.askedBy = caller.actor();
        q.text = clean;
        q.askedAt = now;
        q.persist();
        audit.record(t.id, now, caller.actor(), "QUESTION_ASKED", "question " + q.id);
        return q;
    }

    /** Answered questions to everyone; the unanswered ones too to those who act for the tender's anchor. */
    public List<Question> list(UUID tenderId, Caller caller) {
        Tender t = tenders.get(tenderId, caller);
        return Question.of(t.id, !caller.actsFor(t.anchorId));
    }

    @Transactional
    public Question answer(UUID tenderId, UUID questionId, String text, Caller caller) {
        Tender t = tenders.get(tenderId, caller);
        caller.requireActsFor(t.anchorId);
        Question q = Question.findById(questionId);
        if (q == null || !q.tenderId.equals(t.id)) {
            throw new DomainException.NotFound("Question " + questionId + " of tender " + tenderId);
        }
        if (t.status == Tender.Status.CANCELLED) {
            throw new DomainException.Conflict("The tender is cancelled", "status");
        }
        String clean = Tenders.clean(text);
        if (clean.isEmpty()) {
            throw DomainException.Invalid.field("text", "must not be blank");
        }
        Instant now = clock.instant();
        boolean correction = q.answer != null;
        q.answer = clean;
        q.answeredBy = caller.actor();
        q.answeredAt = now;
        audit.record(t.id, now, caller.actor(), correction ? "ANSWER_CORRECTED" : "QUESTION_ANSWERED",
                "question " + q.id);
        return q;
    }
}
