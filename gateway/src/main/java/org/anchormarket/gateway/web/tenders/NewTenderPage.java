package org.anchormarket.gateway.web.tenders;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anchormarket.contracts.tender.model.ContractType;
import org.anchormarket.contracts.tender.model.NewTender;
import org.anchormarket.contracts.tender.model.PipelineItem;
import org.anchormarket.contracts.tender.model.Procedure;
import org.anchormarket.contracts.tender.model.Reservation;
import org.anchormarket.contracts.tender.model.Tender;
import org.anchormarket.gateway.client.TendersClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.Choice;
import org.anchormarket.gateway.web.CurrentUser;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.anchormarket.gateway.web.spend.AnchorChoices;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** A buyer drafts a tender, with its lots, deadlines, scoring and reservation; it stays private until published. */
@Path("/app/tenders/new")
@Produces(MediaType.TEXT_HTML)
@InArea(Area.TENDER_MANAGEMENT)
public class NewTenderPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance newTender(TenderForm form, List<Choice> anchors, List<Choice> plans,
                List<ContractType> contractTypes, List<Procedure> procedures, List<Reservation> reservations,
                ServiceRefusal refusal);
    }

    private final TendersClient tenders;
    private final AnchorChoices anchors;
    private final CurrentUser user;

    NewTenderPage(@RestClient TendersClient tenders, AnchorChoices anchors, CurrentUser user) {
        this.tenders = tenders;
        this.anchors = anchors;
        this.user = user;
    }

    @GET
    public TemplateInstance form() {
        return show(TenderForm.empty(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam TenderForm form) {
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        NewTender draft = form.toTender(errors);
        if (!errors.isEmpty() && !missesRequired(errors)) {
            return Response.status(400).entity(show(form, ServiceRefusal.ofFields(errors))).build();
        }
        try {
            Tender created = tenders.createTender(draft);
            return Response.seeOther(URI.create("/app/tenders/" + created.getId() + "?notice=created")).build();
        } catch (ServiceRefusal refusal) {
            if (!errors.isEmpty() && (refusal.forbidden() || refusal.status() >= 500)) {
                // the form's own errors stand, whatever the service could not say
                return Response.status(400).entity(show(form, ServiceRefusal.ofFields(errors))).build();
            }
            if (refusal.forbidden() || refusal.status() >= 500) {
                throw refusal;
            }
            return Response.status(400).entity(show(form, merged(errors, refusal))).build();
        } catch (ProcessingException unavailable) {
            if (errors.isEmpty()) {
                throw unavailable;
            }
            return Response.status(400).entity(show(form, ServiceRefusal.ofFields(errors))).build();
        }
    }

    /** Fields the tender cannot be without. */
    private static final java.util.Set<String> REQUIRED = java.util.Set.of("title", "cpvCodes", "contractType",
            "procedure", "estimatedValue", "clarificationDeadline", "submissionDeadline", "weights", "reservation");

    /**
     * Whether a field the form could not read is one the tender needs: then the service refuses the draft for sure,
     * and asking it names every other problem at once (GOV.UK: all the errors in one go). A draft whose only unread
     * fields are optional is not sent: it could be created without them.
     */
    private static boolean missesRequired(List<ServiceRefusal.FieldError> errors) {
        return errors.stream().anyMatch(e -> REQUIRED.contains(e.input().split("\\.", 2)[0]));
    }

    /** The form's own reasons for what it could not read, and the service's for the rest. */
    private static ServiceRefusal merged(List<ServiceRefusal.FieldError> mine, ServiceRefusal service) {
        if (mine.isEmpty()) {
            return service;
        }
        if (service.errors().isEmpty()) {
            return new ServiceRefusal(service.status(), service.detail(), mine); // its words, and the fields'
        }
        List<ServiceRefusal.FieldError> all = new ArrayList<>(mine);
        // the service's reason for a field the form already named (a value it could not read: "must be given") or
        // for a part of one (weights.price of weights) is left out
        service.errors().stream().filter(e -> mine.stream().noneMatch(m -> m.field().equals(e.field())
                || e.field().startsWith(m.field() + ".") || m.field().startsWith(e.field() + ".")))
                .forEach(all::add);
        return ServiceRefusal.ofFields(all);
    }

    private TemplateInstance show(TenderForm form, ServiceRefusal refusal) {
        List<Choice> plans;
        try {
            plans = tenders.listPipeline(user.has("admin") ? null : user.anchor(), null, 0, 100).stream()
                    .filter(p -> p.getTenderId() == null).map(NewTenderPage::plan).toList();
        } catch (ServiceRefusal | ProcessingException unavailable) {
            plans = List.of();
        }
        List<Choice> anchorChoices = user.has("admin") ? anchors.options() : List.of();
        return Templates.newTender(form, anchorChoices, plans, Arrays.asList(ContractType.values()),
                Arrays.asList(Procedure.values()), Arrays.asList(Reservation.values()), refusal);
    }

    private static Choice plan(PipelineItem p) {
        return new Choice(p.getId().toString(), p.getTitle() + " (" + p.getAnchorName() + ")");
    }
}
