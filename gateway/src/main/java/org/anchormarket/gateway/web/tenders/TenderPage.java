package org.anchormarket.gateway.web.tenders;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anchormarket.contracts.tender.model.AuditEntry;
import org.anchormarket.contracts.tender.model.Document;
import org.anchormarket.contracts.tender.model.Question;
import org.anchormarket.contracts.tender.model.Tender;
import org.anchormarket.contracts.tender.model.TenderStatus;
import org.anchormarket.gateway.client.ClarificationsClient;
import org.anchormarket.gateway.client.TendersClient;
import org.anchormarket.gateway.web.CurrentUser;
import org.anchormarket.gateway.web.RefusedForm;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A tender's page: what it is, its lots and answered questions, and what the signed-in user may do next (a supplier:
 * ask, bid; the tender's buyer: publish, amend, cancel, answer, open the bids, evaluate). Served at
 * {@code /app/tenders/{id}} by {@link OpportunitiesPage}, the list's class (docs/web.md, "Paths"). The forms
 * post to {@link QuestionForms}, {@link TenderDecisions} and {@link TenderFiles}, which show this page again when the
 * service refuses.
 */
@jakarta.inject.Singleton
public class TenderPage {

    /** The notices the tender's forms lead to, by the code in the address (never text from it). */
    static final Map<String, String> NOTICES = Map.of(
            "created", "Your draft tender is saved. Check it, then publish it",
            "published", "The tender is published: suppliers can see it, ask questions and bid",
            "amended", "The tender is amended: its followers and bidders are told",
            "cancelled", "The tender is cancelled: its followers and bidders are told",
            "asked", "Your question is sent. The answer appears here for everyone, without your name",
            "answered", "The answer is published on the tender",
            "opened", "The bids are opened: evaluate each lot",
            "document", "The document is added");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tender(Tender tender, List<Question> questions, List<Document> documents,
                List<AuditEntry> audit, boolean actsFor, boolean asking, String notice, ServiceRefusal refusal,
                RefusedForm typed);
    }

    private final TendersClient tenders;
    private final ClarificationsClient questions;
    private final CurrentUser user;

    TenderPage(@RestClient TendersClient tenders, @RestClient ClarificationsClient questions, CurrentUser user) {
        this.tenders = tenders;
        this.questions = questions;
        this.user = user;
    }

    TemplateInstance show(UUID id, String notice) {
        return page(id, notice == null ? null : NOTICES.get(notice), RefusedForm.NONE);
    }

    /** The page, with a refused form's reasons and values when there is one. */
    TemplateInstance page(UUID id, String notice, RefusedForm typed) {
        Tender t = tenders.getTender(id);
        boolean actsFor = user.has("admin") || user.has("buyer") && t.getAnchor().equals(user.anchor());
        List<Question> asked = questions.listQuestions(id);
        List<Document> documents = tenders.listTenderDocuments(id);
        List<AuditEntry> audit = actsFor ? tenders.getTenderAudit(id) : List.of();
        boolean asking = user.has("supplier") && t.getStatus() == TenderStatus.PUBLISHED
                && t.getClarificationDeadline().isAfter(OffsetDateTime.now())
                && (t.getEligibility() == null || t.getEligibility().getEligible());
        return Templates.tender(t, asked, documents, audit, actsFor, asking, notice, typed.refusal(), typed);
    }

    /** A refused form: shown again on the tender's page (400, or the service's 409), its values as typed. */
    Response refused(UUID id, RefusedForm typed) {
        ServiceRefusal refusal = typed.refusal();
        if (refusal.forbidden() || refusal.status() >= 500 || refusal.status() == 404) {
            throw refusal; // the error pages say it
        }
        int status = refusal.status() == 409 ? 409 : 400;
        return Response.status(status).entity(page(id, null, typed)).build();
    }
}
