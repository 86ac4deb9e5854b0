package org.anchormarket.events.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.anchormarket.chassis.rest.Created;
import org.anchormarket.contracts.events.api.EventsApi;
import org.anchormarket.contracts.events.model.Event;
import org.anchormarket.contracts.events.model.EventDraft;
import org.anchormarket.events.mapping.EventMapper;
import org.anchormarket.events.service.EventService;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Thin: the spec (contracts/events) is the source of this API. */
public class EventResource implements EventsApi {

    private final EventService events;
    private final JsonWebToken token;
    private final UriInfo uri;
    private final Created created;

    EventResource(EventService events, JsonWebToken token, UriInfo uri, Created created) {
        this.events = events;
        this.token = token;
        this.uri = uri;
        this.created = created;
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public Event scheduleEvent(EventDraft draft) {
        var event = events.schedule(draft.getTitle(),
                org.anchormarket.events.domain.Event.Kind.valueOf(draft.getKind().name()),
                draft.getStartsAt().toInstant(), draft.getVenue(), draft.getCapacity(), token.getSubject());
        created.at(uri.getBaseUriBuilder().path("api/events/{id}").build(event.id));
        return EventMapper.toApi(event);
    }

    @Override
    @RolesAllowed({ "supplier", "buyer", "leadership", "admin" })
    public List<Event> listUpcomingEvents() {
        return events.upcoming().stream().map(EventMapper::toApi).toList();
    }
}
