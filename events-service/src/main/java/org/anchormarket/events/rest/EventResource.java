package org.anchormarket.events.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.anchormarket.chassis.rest.Created;
import org.anchormarket.chassis.rest.EntityTags;
import org.anchormarket.chassis.security.Callers;
import org.anchormarket.contracts.events.api.EventsApi;
import org.anchormarket.contracts.events.model.Event;
import org.anchormarket.contracts.events.model.EventCancellation;
import org.anchormarket.contracts.events.model.EventChange;
import org.anchormarket.contracts.events.model.EventDraft;
import org.anchormarket.contracts.events.model.EventKind;
import org.anchormarket.contracts.events.model.EventPage;
import org.anchormarket.events.mapping.EventMapper;
import org.anchormarket.events.service.EventSchedule;
import org.anchormarket.events.service.Registrations;

/** Thin: the spec (contracts/events) is the source of this API. */
public class EventResource implements EventsApi {

    private final EventSchedule events;
    private final Registrations registrations;
    private final Callers callers;
    private final UriInfo uri;
    private final Created created;
    private final EntityTags tags;

    EventResource(EventSchedule events, Registrations registrations, Callers callers, UriInfo uri, Created created,
            EntityTags tags) {
        this.events = events;
        this.registrations = registrations;
        this.callers = callers;
        this.uri = uri;
        this.created = created;
        this.tags = tags;
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public Event scheduleEvent(EventDraft d) {
        var view = events.schedule(callers.current(), d.getAnchor(), new EventSchedule.Details(
                EventMapper.toDomain(d.getKind()), d.getTitle(), d.getDescription(), d.getVenue(), d.getTown(),
                d.getOnlineUrl(), instant(d.getStartsAt()), instant(d.getEndsAt()), d.getCapacity(),
                d.getSeatsPerOrganisation(), instant(d.getRegistrationClosesAt()), d.getAnchors(), d.getCpvCodes(),
                d.getPipelineItems()));
        created.at(uri.getBaseUriBuilder().path("api/events/{id}").build(view.event().id));
        tags.tag(view.event().version);
        return EventMapper.toApi(view, events.now(), null, true);
    }

    @Override
    @PermitAll
    public EventPage listEvents(EventKind kind, String anchor, OffsetDateTime from, Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        var found = events.list(EventMapper.toDomain(kind), anchor, instant(from), p, s);
        var now = events.now();
        var caller = callers.current();
        return new EventPage().page(p).size(s).total(found.total()).items(found.items().stream()
                .map(v -> EventMapper.toApi(v, now, null, caller.actsFor(v.event().anchor))).toList());
    }

    @Override
    @PermitAll
    public Event getEvent(UUID id) {
        var view = events.get(id);
        var caller = callers.current();
        Registrations.View mine = registrations.mineFor(id, caller);
        tags.tag(view.event().version);
        return EventMapper.toApi(view, events.now(), mine, caller.actsFor(view.event().anchor) || mine != null
                && mine.registration().status == org.anchormarket.events.domain.Registration.Status.CONFIRMED);
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public Event updateEvent(UUID id, EventChange c, String ifMatch) {
        var view = events.update(callers.current(), id, EntityTags.expectedVersion(ifMatch), new EventSchedule.Details(
                null, c.getTitle(), c.getDescription(), c.getVenue(), c.getTown(), c.getOnlineUrl(),
                instant(c.getStartsAt()), instant(c.getEndsAt()), c.getCapacity(), c.getSeatsPerOrganisation(),
                instant(c.getRegistrationClosesAt()), c.getAnchors(), c.getCpvCodes(), c.getPipelineItems()));
        tags.tag(view.event().version);
        return EventMapper.toApi(view, events.now(), null, true);
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public Event cancelEvent(UUID id, EventCancellation cancellation) {
        return EventMapper.toApi(events.cancel(callers.current(), id, cancellation.getReason()), events.now(), null,
                true);
    }

    private static java.time.Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
