package org.anchormarket.events.mapping;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.anchormarket.contracts.events.model.Meeting;
import org.anchormarket.contracts.events.model.MeetingStatus;
import org.anchormarket.contracts.events.model.MeetingTable;
import org.anchormarket.contracts.events.model.Slot;
import org.anchormarket.contracts.events.model.SuggestionMatch;
import org.anchormarket.events.service.Meetings;
import org.anchormarket.events.service.Suggestions;

/** Meetings, tables and slots: domain → API. */
public final class MeetingMapper {

    private MeetingMapper() {
    }

    public static MeetingTable toApi(Meetings.TableView view) {
        var t = view.table();
        return new MeetingTable().id(t.id).eventId(t.eventId).anchor(t.anchor).anchorName(view.anchorName())
                .host(t.host).startsAt(at(t.startsAt)).endsAt(at(t.endsAt)).slotMinutes(t.slotMinutes)
                .slots(view.slots().stream().map(MeetingMapper::toApi).toList());
    }

    public static Slot toApi(Meetings.SlotView view) {
        var s = view.slot();
        return new Slot().id(s.id).tableId(s.tableId).anchor(view.table().anchor).anchorName(view.anchorName())
                .host(view.table().host).startsAt(at(s.startsAt)).endsAt(at(s.endsAt)).free(view.free());
    }

    public static Meeting toApi(Meetings.MeetingView view) {
        var m = view.meeting();
        return new Meeting().id(m.id).eventId(m.eventId).slotId(m.slotId).tableId(m.tableId).anchor(m.anchor)
                .anchorName(view.anchorName()).host(view.host()).supplierId(m.supplierId)
                .organisationName(m.organisationName).startsAt(at(m.startsAt)).endsAt(at(m.endsAt))
                .status(MeetingStatus.fromValue(m.status.name())).agenda(m.agenda).note(m.note)
                .requestedAt(at(m.requestedAt)).decidedAt(at(m.decidedAt));
    }

    public static org.anchormarket.contracts.events.model.Suggestion toApi(Suggestions.Suggestion s) {
        return new org.anchormarket.contracts.events.model.Suggestion().anchor(s.anchor()).anchorName(s.anchorName())
                .score(s.score()).freeSlots(s.freeSlots()).matches(s.matches().stream()
                        .map(m -> new SuggestionMatch().kind(SuggestionMatch.KindEnum.fromValue(m.work().kind.name()))
                                .id(m.work().id).title(m.work().title).cpvCode(m.cpvCode()).score(m.score()))
                        .toList());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
