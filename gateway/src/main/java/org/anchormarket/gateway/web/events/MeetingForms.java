package org.anchormarket.gateway.web.events;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.anchormarket.contracts.events.model.MeetingDecision;
import org.anchormarket.contracts.events.model.MeetingRequest;
import org.anchormarket.gateway.client.EventsClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.RefusedForm;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/** 1:1 meetings from an event's page: a supplier with a place asks for a slot; the table's buyer decides. */
@Path("/app/events/{id}/meetings")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class MeetingForms {

    private final EventsClient events;
    private final EventPage page;

    MeetingForms(@RestClient EventsClient events, EventPage page) {
        this.events = events;
        this.page = page;
    }

    @POST
    @InArea(Area.EVENT_BOOKING)
    public Response ask(@RestPath UUID id, @RestForm String slotId, @RestForm String agenda) {
        try {
            UUID slot;
            try {
                slot = UUID.fromString(slotId == null ? "" : slotId.strip());
            } catch (IllegalArgumentException e) {
                throw ServiceRefusal.ofFields(java.util.List.of(
                        new ServiceRefusal.FieldError("slotId", "must be one of the slots listed")));
            }
            events.requestMeeting(id, new MeetingRequest().slotId(slot)
                    .agenda(agenda == null || agenda.isBlank() ? null : agenda.strip()));
            return Response.seeOther(URI.create("/app/events/" + id + "?notice=asked")).build();
        } catch (ServiceRefusal refusal) {
            return page.refused(id, new RefusedForm("meeting", Map.of("slotId", slotId == null ? "" : slotId,
                    "agenda", agenda == null ? "" : agenda), refusal));
        }
    }

    @POST
    @Path("{meetingId}/decision")
    @InArea(Area.EVENT_MANAGEMENT)
    public Response decide(@RestPath UUID id, @RestPath UUID meetingId, @RestForm String decision) {
        try {
            events.decideMeeting(id, meetingId, new MeetingDecision().decision(
                    "ACCEPT".equals(decision) ? MeetingDecision.DecisionEnum.ACCEPT
                            : MeetingDecision.DecisionEnum.DECLINE));
            return Response.seeOther(URI.create("/app/events/" + id + "?notice=decided")).build();
        } catch (ServiceRefusal refusal) {
            return page.refused(id, new RefusedForm("decision-" + meetingId, Map.of(), refusal));
        }
    }
}
