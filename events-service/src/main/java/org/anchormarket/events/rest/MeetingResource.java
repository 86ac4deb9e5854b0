package org.anchormarket.events.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.anchormarket.chassis.rest.Created;
import org.anchormarket.chassis.security.Callers;
import org.anchormarket.contracts.events.api.MeetingsApi;
import org.anchormarket.contracts.events.model.Meeting;
import org.anchormarket.contracts.events.model.MeetingDecision;
import org.anchormarket.contracts.events.model.MeetingRequest;
import org.anchormarket.contracts.events.model.MeetingTable;
import org.anchormarket.contracts.events.model.NewTable;
import org.anchormarket.contracts.events.model.Slot;
import org.anchormarket.contracts.events.model.Suggestion;
import org.anchormarket.events.mapping.MeetingMapper;
import org.anchormarket.events.service.Meetings;
import org.anchormarket.events.service.Suggestions;

/** Thin: the spec (contracts/events) is the source of this API. */
public class MeetingResource implements MeetingsApi {

    private final Meetings meetings;
    private final Suggestions suggestions;
    private final Callers callers;
    private final UriInfo uri;
    private final Created created;

    MeetingResource(Meetings meetings, Suggestions suggestions, Callers callers, UriInfo uri, Created created) {
        this.meetings = meetings;
        this.suggestions = suggestions;
        this.callers = callers;
        this.uri = uri;
        this.created = created;
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public MeetingTable openTable(UUID id, NewTable t) {
        var view = meetings.open(callers.current(), id, t.getAnchor(), t.getHost(), t.getStartsAt().toInstant(),
                t.getEndsAt().toInstant(), t.getSlotMinutes());
        created.at(uri.getBaseUriBuilder().path("api/events/{id}/tables").build(id));
        return MeetingMapper.toApi(view);
    }

    @Override
    @PermitAll
    public List<MeetingTable> listTables(UUID id) {
        return meetings.tables(id).stream().map(MeetingMapper::toApi).toList();
    }

    @Override
    @PermitAll
    public List<Slot> listFreeSlots(UUID id, String anchor) {
        return meetings.freeSlots(id, anchor).stream().map(MeetingMapper::toApi).toList();
    }

    @Override
    @RolesAllowed("supplier")
    public List<Suggestion> listSuggestions(UUID id) {
        return suggestions.of(callers.current(), id).stream().map(MeetingMapper::toApi).toList();
    }

    @Override
    @RolesAllowed("supplier")
    public Meeting requestMeeting(UUID id, MeetingRequest request) {
        var view = meetings.request(callers.current(), id, request.getSlotId(), request.getAgenda());
        created.at(uri.getBaseUriBuilder().path("api/events/{id}/meetings/{meetingId}").build(id,
                view.meeting().id));
        return MeetingMapper.toApi(view);
    }

    @Override
    @RolesAllowed({ "supplier", "buyer", "admin" })
    public List<Meeting> listMeetings(UUID id) {
        return meetings.of(callers.current(), id).stream().map(MeetingMapper::toApi).toList();
    }

    @Override
    @RolesAllowed({ "supplier", "buyer", "admin" })
    public Meeting getMeeting(UUID id, UUID meetingId) {
        return MeetingMapper.toApi(meetings.get(callers.current(), id, meetingId));
    }

    @Override
    @RolesAllowed({ "supplier", "buyer", "admin" })
    public void cancelMeeting(UUID id, UUID meetingId) {
        meetings.cancel(callers.current(), id, meetingId);
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public Meeting decideMeeting(UUID id, UUID meetingId, MeetingDecision decision) {
        return MeetingMapper.toApi(meetings.decide(callers.current(), id, meetingId,
                decision.getDecision() == MeetingDecision.DecisionEnum.ACCEPT, decision.getNote()));
    }
}
