package org.anchormarket.gateway.web.tenders;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.anchormarket.contracts.tender.model.Answer;
import org.anchormarket.contracts.tender.model.NewQuestion;
import org.anchormarket.gateway.client.ClarificationsClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.RefusedForm;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/** Clarification questions from a tender's page: a supplier asks, the tender's buyer answers. */
@Path("/app/tenders/{id}/questions")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class QuestionForms {

    private final ClarificationsClient tenders;
    private final TenderPage page;

    QuestionForms(@RestClient ClarificationsClient tenders, TenderPage page) {
        this.tenders = tenders;
        this.page = page;
    }

    @POST
    @InArea(Area.BIDDING)
    public Response ask(@RestPath UUID id, @RestForm String text) {
        try {
            tenders.askQuestion(id, new NewQuestion().text(text == null ? "" : text.strip()));
            return Response.seeOther(URI.create("/app/tenders/" + id + "?notice=asked")).build();
        } catch (ServiceRefusal refusal) {
            return page.refused(id, new RefusedForm("question", Map.of("text", text == null ? "" : text), refusal));
        }
    }

    @POST
    @Path("{questionId}/answer")
    @InArea(Area.TENDER_MANAGEMENT)
    public Response answer(@RestPath UUID id, @RestPath UUID questionId, @RestForm String text) {
        try {
            tenders.answerQuestion(id, questionId, new Answer().text(text == null ? "" : text.strip()));
            return Response.seeOther(URI.create("/app/tenders/" + id + "?notice=answered")).build();
        } catch (ServiceRefusal refusal) {
            return page.refused(id, new RefusedForm("answer-" + questionId,
                    Map.of("text", text == null ? "" : text), refusal));
        }
    }
}
