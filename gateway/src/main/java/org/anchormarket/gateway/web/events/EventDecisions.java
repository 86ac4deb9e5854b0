package org.anchormarket.gateway.web.events;

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
import org.anchormarket.contracts.events.model.EventCancellation;
import org.anchormarket.contracts.events.model.NewTable;
import org.anchormarket.gateway.client.EventsClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.FormValues;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.RefusedForm;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/** What an event's buyers decide from its page: open a table of meeting slots, cancel the event. */
@Path("/app/events/{id}/decisions")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@InArea(Area.EVENT_MANAGEMENT)
public class EventDecisions {

    private final EventsClient events;
    private final EventPage page;

    EventDecisions(@RestClient EventsClient events, EventPage page) {
        this.events = events;
        this.page = page;
    }

    @POST
    @Path("table")
    public Response openTable(@RestPath UUID id, @RestForm String host, @RestForm String startsAt,
            @RestForm String endsAt, @RestForm String slotMinutes) {
        Map<String, String> typed = Map.of("host", v(host), "startsAt", v(startsAt), "endsAt", v(endsAt),
                "slotMinutes", v(slotMinutes));
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        var from = FormValues.londonTime(startsAt, "startsAt", errors);
        var to = FormValues.londonTime(endsAt, "endsAt", errors);
        Integer minutes = FormValues.wholeNumber(slotMinutes, "slotMinutes", errors);
        if (from == null && !has(errors, "startsAt")) {
            errors.add(new ServiceRefusal.FieldError("startsAt", "must say when the first slot starts"));
        }
        if (to == null && !has(errors, "endsAt")) {
            errors.add(new ServiceRefusal.FieldError("endsAt", "must say when the last slot ends"));
        }
        if (minutes == null && !has(errors, "slotMinutes")) {
            errors.add(new ServiceRefusal.FieldError("slotMinutes", "must say how long each meeting is"));
        }
        if (!errors.isEmpty()) {
            return page.refused(id, new RefusedForm("table", typed, ServiceRefusal.ofFields(errors)));
        }
        try {
            events.openTable(id, new NewTable().host(FormValues.text(host)).startsAt(from).endsAt(to)
                    .slotMinutes(minutes));
            return Response.seeOther(URI.create("/app/events/" + id + "?notice=table")).build();
        } catch (ServiceRefusal refusal) {
            return page.refused(id, new RefusedForm("table", typed, refusal));
        }
    }

    @POST
    @Path("cancellation")
    public Response cancel(@RestPath UUID id, @RestForm String reason) {
        try {
            events.cancelEvent(id, new EventCancellation().reason(reason == null ? "" : reason.strip()));
            return Response.seeOther(URI.create("/app/events/" + id + "?notice=eventCancelled")).build();
        } catch (ServiceRefusal refusal) {
            return page.refused(id, new RefusedForm("cancel", Map.of("reason", v(reason)), refusal));
        }
    }

    private static boolean has(List<ServiceRefusal.FieldError> errors, String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    private static String v(String value) {
        return value == null ? "" : value;
    }
}
