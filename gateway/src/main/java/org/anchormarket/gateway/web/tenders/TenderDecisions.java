package org.anchormarket.gateway.web.tenders;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anchormarket.contracts.tender.model.Amendment;
import org.anchormarket.contracts.tender.model.Cancellation;
import org.anchormarket.gateway.client.TendersClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.FormValues;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.RefusedForm;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/** The tender's buyer decides: publish the draft, amend its deadlines, cancel it, open the bids after the deadline. */
@Path("/app/tenders/{id}/decisions")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@InArea(Area.TENDER_MANAGEMENT)
public class TenderDecisions {

    private final TendersClient tenders;
    private final TenderPage page;

    TenderDecisions(@RestClient TendersClient tenders, TenderPage page) {
        this.tenders = tenders;
        this.page = page;
    }

    @POST
    @Path("publication")
    public Response publish(@RestPath UUID id) {
        try {
            tenders.publishTender(id);
            return done(id, "published");
        } catch (ServiceRefusal refusal) {
            return page.refused(id, new RefusedForm("publish", Map.of(), refusal));
        }
    }

    @POST
    @Path("amendment")
    public Response amend(@RestPath UUID id, @RestForm String reason, @RestForm String submissionDeadline,
            @RestForm String clarificationDeadline) {
        RefusedForm typed = new RefusedForm("amend", Map.of("reason", reason == null ? "" : reason,
                "submissionDeadline", submissionDeadline == null ? "" : submissionDeadline,
                "clarificationDeadline", clarificationDeadline == null ? "" : clarificationDeadline), null);
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        Amendment amendment = new Amendment().reason(reason == null ? "" : reason.strip())
                .submissionDeadline(FormValues.londonTime(submissionDeadline, "submissionDeadline", errors))
                .clarificationDeadline(FormValues.londonTime(clarificationDeadline, "clarificationDeadline", errors));
        try {
            if (!errors.isEmpty()) {
                throw ServiceRefusal.ofFields(errors);
            }
            tenders.amendTender(id, amendment);
            return done(id, "amended");
        } catch (ServiceRefusal refusal) {
            return page.refused(id, new RefusedForm(typed.form(), typed.values(), refusal));
        }
    }

    @POST
    @Path("cancellation")
    public Response cancel(@RestPath UUID id, @RestForm String reason) {
        try {
            tenders.cancelTender(id, new Cancellation().reason(reason == null ? "" : reason.strip()));
            return done(id, "cancelled");
        } catch (ServiceRefusal refusal) {
            return page.refused(id, new RefusedForm("cancel", Map.of("reason",
                    reason == null ? "" : reason), refusal));
        }
    }

    @POST
    @Path("opening")
    public Response open(@RestPath UUID id) {
        try {
            tenders.openBids(id);
            return done(id, "opened");
        } catch (ServiceRefusal refusal) {
            return page.refused(id, new RefusedForm("open", Map.of(), refusal));
        }
    }

    private static Response done(UUID id, String notice) {
        return Response.seeOther(URI.create("/app/tenders/" + id + "?notice=" + notice)).build();
    }
}
