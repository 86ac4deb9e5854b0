package org.anchormarket.gateway.web.events;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anchormarket.contracts.events.model.Event;
import org.anchormarket.contracts.events.model.EventChange;
import org.anchormarket.gateway.client.EventsClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.Choice;
import org.anchormarket.gateway.web.CurrentUser;
import org.anchormarket.gateway.web.FormValues;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.anchormarket.gateway.web.spend.AnchorChoices;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The event's buyers (or an admin) change it: title, description, place, times, places, the anchors attending and its
 * categories. The form carries the ETag of the event it was filled from, sent back as If-Match (a form without it is
 * refused): a colleague's change in between is not overwritten; the form comes back showing the event as it now is.
 */
@jakarta.ws.rs.Path("/app/events/{id}/edit")
@Produces(MediaType.TEXT_HTML)
@InArea(Area.EVENT_MANAGEMENT)
public class EditEventPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance editEvent(Event event, EventForm form, String version, List<Choice> anchors,
                ServiceRefusal refusal);
    }

    private final EventsClient events;
    private final AnchorChoices anchors;
    private final CurrentUser user;

    EditEventPage(@RestClient EventsClient events, AnchorChoices anchors, CurrentUser user) {
        this.events = events;
        this.anchors = anchors;
        this.user = user;
    }

    @GET
    public TemplateInstance form(@RestPath UUID id) {
        RestResponse<Event> current = events.getEventTagged(id);
        requireOrganiser(current.getEntity());
        return show(current.getEntity(), EventForm.of(current.getEntity()), current.getHeaderString("ETag"), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@RestPath UUID id, @BeanParam EventForm form, @RestForm String version,
            @RestForm String anchorsShown) {
        Event now = events.getEvent(id);
        requireOrganiser(now);
        String asRead = FormValues.text(version);
        if (asRead == null || asRead.equals("*")) {
            // the form always carries the version it was filled from: without it, a save could overwrite unseen
            // changes
            RestResponse<Event> latest = events.getEventTagged(id);
            return Response.status(409).entity(show(latest.getEntity(), EventForm.of(latest.getEntity()),
                    latest.getHeaderString("ETag"), new ServiceRefusal(409, "This form did not say which version of "
                            + "the event it was filled from. Below is the event as it now is: make your changes again.",
                            List.of()))).build();
        }
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        EventChange change = form.toChange(now, "true".equals(anchorsShown), errors);
        ServiceRefusal refusal = errors.isEmpty() ? null : ServiceRefusal.ofFields(errors);
        if (refusal == null) {
            try {
                events.updateEvent(id, change, asRead);
                return Response.seeOther(URI.create("/app/events/" + id + "?notice=changed")).build();
            } catch (ServiceRefusal serviceRefusal) {
                if (serviceRefusal.forbidden() || serviceRefusal.status() >= 500) {
                    throw serviceRefusal;
                }
                refusal = serviceRefusal;
                if (serviceRefusal.status() == 412) {
                    // Their change is kept, and the form shows the event as it now is: filled with what this user
                    // typed, saving again would put back what the colleague changed in the fields this user left
                    RestResponse<Event> latest = events.getEventTagged(id);
                    return Response.status(409).entity(show(latest.getEntity(), EventForm.of(latest.getEntity()),
                            latest.getHeaderString("ETag"), new ServiceRefusal(409, "Someone else changed this event "
                                    + "while you were editing it. Below is the event as it now is: make your changes "
                                    + "again.", List.of()))).build();
                }
            }
        }
        return Response.status(refusal.status() == 409 ? 409 : 400)
                .entity(show(now, form, FormValues.text(version), refusal)).build();
    }

    /** Only the organising anchor's buyers and admins change an event (the service says so too). */
    private void requireOrganiser(Event e) {
        if (!(user.has("admin") || user.has("buyer") && e.getAnchor().equals(user.anchor()))) {
            throw new ServiceRefusal(403, "Only the buyers of the anchor institution organising this event can "
                    + "change it", List.of());
        }
    }

    private TemplateInstance show(Event event, EventForm form, String version, ServiceRefusal refusal) {
        List<Choice> attending;
        try {
            attending = anchors.options().stream().filter(c -> !c.name().equals(event.getAnchor())).toList();
        } catch (ServiceRefusal | jakarta.ws.rs.ProcessingException unavailable) {
            attending = List.of();
        }
        return Templates.editEvent(event, form, version, attending, refusal);
    }
}
