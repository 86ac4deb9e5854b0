package org.anchormarket.gateway.web.events;

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
import org.anchormarket.contracts.events.model.Event;
import org.anchormarket.contracts.events.model.EventDraft;
import org.anchormarket.contracts.events.model.EventKind;
import org.anchormarket.gateway.client.EventsClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.Choice;
import org.anchormarket.gateway.web.CurrentUser;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.anchormarket.gateway.web.spend.AnchorChoices;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** A buyer (or an admin, for any anchor) schedules a meet-the-buyer event, a training session or a webinar. */
@Path("/app/events/new")
@Produces(MediaType.TEXT_HTML)
@InArea(Area.EVENT_MANAGEMENT)
public class NewEventPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance newEvent(EventForm form, List<Choice> organisers, List<Choice> anchors,
                List<EventKind> kinds, ServiceRefusal refusal);
    }

    private final EventsClient events;
    private final AnchorChoices anchors;
    private final CurrentUser user;

    NewEventPage(@RestClient EventsClient events, AnchorChoices anchors, CurrentUser user) {
        this.events = events;
        this.anchors = anchors;
        this.user = user;
    }

    @GET
    public TemplateInstance form() {
        return show(EventForm.empty(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam EventForm form) {
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        EventDraft draft = form.toDraft(errors);
        try {
            if (!errors.isEmpty()) {
                throw ServiceRefusal.ofFields(errors);
            }
            Event created = events.scheduleEvent(draft);
            return Response.seeOther(URI.create("/app/events/" + created.getId() + "?notice=created")).build();
        } catch (ServiceRefusal refusal) {
            if (refusal.forbidden() || refusal.status() >= 500) {
                throw refusal;
            }
            return Response.status(400).entity(show(form, refusal)).build();
        } catch (ProcessingException unavailable) {
            throw unavailable;
        }
    }

    private TemplateInstance show(EventForm form, ServiceRefusal refusal) {
        List<Choice> all;
        try {
            all = anchors.options();
        } catch (ServiceRefusal | ProcessingException unavailable) {
            all = List.of();
        }
        List<Choice> organisers = user.has("admin") ? all : List.of();
        List<Choice> attending = all.stream().filter(c -> !c.name().equals(user.anchor())).toList();
        return Templates.newEvent(form, organisers, attending, Arrays.asList(EventKind.values()), refusal);
    }
}
