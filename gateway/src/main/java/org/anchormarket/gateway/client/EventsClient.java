package org.anchormarket.gateway.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.anchormarket.contracts.events.api.EventsApi;
import org.anchormarket.contracts.events.api.MeetingsApi;
import org.anchormarket.contracts.events.api.RegistrationsApi;
import org.anchormarket.gateway.web.ServiceRefusals;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * events-service's events, registrations, meetings and schedule (the generated interfaces), called with the
 * signed-in user's access token; its refusals arrive as {@link org.anchormarket.gateway.web.ServiceRefusal}s.
 */
@Path("")
@RegisterRestClient(configKey = "events")
@RegisterProvider(ServiceRefusals.class)
@AccessToken
public interface EventsClient extends EventsApi, RegistrationsApi, MeetingsApi {

    /** {@code listRegistrations} as the attendance list (CSV), as the service wrote it, to pass on. */
    @GET
    @Path("/api/events/{id}/registrations")
    @Produces("text/csv")
    Response attendanceList(@PathParam("id") UUID id);

    /** {@code getEvent} with its ETag (for the edit form's If-Match). */
    @GET
    @Path("/api/events/{id}")
    @Produces("application/json")
    org.jboss.resteasy.reactive.RestResponse<org.anchormarket.contracts.events.model.Event> getEventTagged(
            @PathParam("id") UUID id);

    /**
     * {@code getSchedule}, the signed-in user's calendar. Not inherited from the generated {@code ScheduleApi}: an
     * interface of one operation keeps its path on the interface, which this client's own path replaces, so the call
     * went to the service's root (404).
     */
    @GET
    @Path("/api/events/schedule.ics")
    @Produces({"text/calendar", "application/problem+json"})
    String schedule();
}
