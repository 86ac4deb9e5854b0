package org.anchormarket.gateway.web.events;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.anchormarket.contracts.events.model.Attendee;
import org.anchormarket.contracts.events.model.CheckIn;
import org.anchormarket.contracts.events.model.Event;
import org.anchormarket.contracts.events.model.Registration;
import org.anchormarket.contracts.events.model.RegistrationList;
import org.anchormarket.contracts.events.model.RegistrationRequest;
import org.anchormarket.contracts.events.model.RegistrationStatus;
import org.anchormarket.gateway.client.EventsClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.FormValues;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.RefusedForm;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Registrations: a supplier registers its people from the event's page and cancels; the event's buyers see the
 * registrations and the waitlist, download the attendance list and check people in on the day (a page made for a
 * phone: one field, one button).
 */
@Path("/app/events/{id}/registrations")
@Produces(MediaType.TEXT_HTML)
public class RegistrationForms {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance registrations(Event event, RegistrationList list, Registration checkedIn,
                String code, ServiceRefusal refusal);
    }

    private final EventsClient events;
    private final EventPage page;

    RegistrationForms(@RestClient EventsClient events, EventPage page) {
        this.events = events;
        this.page = page;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @InArea(Area.EVENT_BOOKING)
    public Response register(@RestPath UUID id, @RestForm String name1, @RestForm String email1,
            @RestForm String name2, @RestForm String email2) {
        List<Attendee> people = new ArrayList<>();
        String[][] rows = { { name1, email1 }, { name2, email2 } };
        for (String[] row : rows) {
            if (FormValues.text(row[0]) != null || FormValues.text(row[1]) != null) {
                people.add(new Attendee().name(row[0] == null ? "" : row[0].strip())
                        .email(row[1] == null ? "" : row[1].strip()));
            }
        }
        Map<String, String> typed = Map.of("name1", v(name1), "email1", v(email1), "name2", v(name2), "email2",
                v(email2));
        try {
            Registration r = events.register(id, new RegistrationRequest().attendees(people));
            String notice = r.getStatus() == RegistrationStatus.CONFIRMED ? "registered" : "waitlisted";
            return Response.seeOther(URI.create("/app/events/" + id + "?notice=" + notice)).build();
        } catch (ServiceRefusal refusal) {
            return page.refused(id, new RefusedForm("register", typed, refusal));
        }
    }

    @POST
    @Path("{registrationId}/cancellation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @InArea(Area.EVENTS)
    public Response cancel(@RestPath UUID id, @RestPath UUID registrationId) {
        events.cancelRegistration(id, registrationId);
        return Response.seeOther(URI.create("/app/events/" + id + "?notice=cancelled")).build();
    }

    @GET
    @InArea(Area.EVENT_MANAGEMENT)
    public TemplateInstance list(@RestPath UUID id, @RestQuery String checkedIn) {
        Registration found = null;
        RegistrationList list = events.listRegistrations(id);
        if (checkedIn != null) {
            found = list.getRegistrations().stream().filter(r -> r.getId().toString().equals(checkedIn)).findFirst()
                    .orElse(null);
        }
        return Templates.registrations(events.getEvent(id), list, found, "", null);
    }

    /** The attendance list as the service writes it (CSV). */
    @GET
    @Path("attendance.csv")
    @Produces("text/csv")
    @InArea(Area.EVENT_MANAGEMENT)
    public Response attendance(@RestPath UUID id) {
        Response answer = events.attendanceList(id);
        return Response.ok(answer.readEntity(byte[].class), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"attendance-" + id + ".csv\"").build();
    }

    @POST
    @Path("check-ins")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @InArea(Area.EVENT_MANAGEMENT)
    public Response checkIn(@RestPath UUID id, @RestForm String code) {
        try {
            Registration r = events.checkIn(id, new CheckIn().checkInCode(code == null ? "" : code.strip()));
            return Response.seeOther(URI.create("/app/events/" + id + "/registrations?checkedIn=" + r.getId()))
                    .build();
        } catch (ServiceRefusal refusal) {
            if (refusal.forbidden() || refusal.status() >= 500) {
                throw refusal;
            }
            // an unknown code (404) is the door's everyday case: said beside the field, not as an error page
            ServiceRefusal shown = refusal.errors().isEmpty() ? ServiceRefusal.ofFields(List.of(
                    new ServiceRefusal.FieldError("checkInCode", refusal.detail()))) : refusal;
            return Response.status(refusal.status() == 409 ? 409 : 400).entity(Templates.registrations(
                    events.getEvent(id), events.listRegistrations(id), null, v(code), shown)).build();
        }
    }

    @POST
    @Path("{registrationId}/no-show")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @InArea(Area.EVENT_MANAGEMENT)
    public Response noShow(@RestPath UUID id, @RestPath UUID registrationId) {
        events.recordNoShow(id, registrationId);
        return Response.seeOther(URI.create("/app/events/" + id + "/registrations")).build();
    }

    private static String v(String value) {
        return value == null ? "" : value;
    }
}
