package org.anchormarket.gateway.web.events;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.anchormarket.contracts.events.model.Event;
import org.anchormarket.contracts.events.model.EventStatus;
import org.anchormarket.contracts.events.model.Meeting;
import org.anchormarket.contracts.events.model.RegistrationStatus;
import org.anchormarket.contracts.events.model.Slot;
import org.anchormarket.contracts.events.model.Suggestion;
import org.anchormarket.gateway.client.EventsClient;
import org.anchormarket.gateway.web.CurrentUser;
import org.anchormarket.gateway.web.RefusedForm;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * An event's page: what, when and where, the seats, and what the signed-in user may do next (a supplier: register,
 * cancel, see its check-in code, ask for meeting slots its suggestions point to; the event's buyers: open a table,
 * decide meetings, see registrations and check people in, cancel). Served at {@code /app/events/{id}} by
 * {@link EventsPage}; the forms post to {@link RegistrationForms}, {@link MeetingForms} and {@link EventDecisions},
 * which show this page again when the service refuses.
 */
@jakarta.inject.Singleton
public class EventPage {

    /** The notices the event's forms lead to, by the code in the address (never text from it). */
    static final Map<String, String> NOTICES = Map.of(
            "created", "The event is published: suppliers can register",
            "registered", "Your place is confirmed. Show your check-in code at the door",
            "waitlisted", "The event is full: you are on the waitlist, and will be told if a place comes free",
            "cancelled", "Your registration is cancelled",
            "asked", "Your meeting request is sent to the buyer",
            "decided", "The supplier is told of your decision",
            "table", "Your table is open: suppliers with a place can ask for its slots",
            "eventCancelled", "The event is cancelled: every registrant is told",
            "changed", "The event is changed");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance event(Event event, boolean organiser, boolean attendingBuyer,
                List<Slot> slots, List<Meeting> meetings, List<Suggestion> suggestions, String notice,
                ServiceRefusal refusal, RefusedForm typed);
    }

    private final EventsClient events;
    private final CurrentUser user;

    EventPage(@RestClient EventsClient events, CurrentUser user) {
        this.events = events;
        this.user = user;
    }

    TemplateInstance show(UUID id, String notice) {
        return page(id, notice == null ? null : NOTICES.get(notice), RefusedForm.NONE);
    }

    TemplateInstance page(UUID id, String notice, RefusedForm typed) {
        Event e = events.getEvent(id);
        boolean organiser = user.has("admin") || user.has("buyer") && e.getAnchor().equals(user.anchor());
        boolean attendingBuyer = user.has("admin") || user.has("buyer") && e.getAnchors().contains(user.anchor());
        boolean open = e.getStatus() == EventStatus.SCHEDULED;
        boolean placed = e.getMyRegistration() != null
                && e.getMyRegistration().getStatus() == RegistrationStatus.CONFIRMED;
        List<Slot> slots = open ? quietly(() -> events.listFreeSlots(id, null)) : List.of();
        List<Meeting> meetings = placed || attendingBuyer ? quietly(() -> events.listMeetings(id)) : List.of();
        List<Suggestion> suggestions = placed ? quietly(() -> events.listSuggestions(id)) : List.of();
        return Templates.event(e, organiser, attendingBuyer, slots, meetings, suggestions, notice, typed.refusal(),
                typed);
    }

    /** A refused form: shown again on the event's page (400, or the service's 409), its values as typed. */
    Response refused(UUID id, RefusedForm typed) {
        ServiceRefusal refusal = typed.refusal();
        if (refusal.forbidden() || refusal.status() >= 500 || refusal.status() == 404 && refusal.errors().isEmpty()) {
            throw refusal; // the error pages say it
        }
        int status = refusal.status() == 409 ? 409 : 400;
        return Response.status(status).entity(page(id, null, typed)).build();
    }

    /** What a part of the page shows when it can be had; the rest of the page stands without it. */
    private static <T> List<T> quietly(Supplier<List<T>> read) {
        try {
            return read.get();
        } catch (ServiceRefusal | ProcessingException unavailable) {
            return List.of();
        }
    }
}
