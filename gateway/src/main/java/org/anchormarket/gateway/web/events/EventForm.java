package org.anchormarket.gateway.web.events;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.anchormarket.contracts.events.model.EventChange;
import org.anchormarket.contracts.events.model.EventDraft;
import org.anchormarket.contracts.events.model.EventKind;
import org.anchormarket.gateway.web.FormValues;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.anchormarket.gateway.web.Times;
import org.jboss.resteasy.reactive.RestForm;

/** A new event as typed: times in UK time, attending anchors ticked, categories as CPV codes. */
public record EventForm(@RestForm String anchor, @RestForm String kind, @RestForm String title,
        @RestForm String description, @RestForm String venue, @RestForm String town, @RestForm String onlineUrl,
        @RestForm String startsAt, @RestForm String endsAt, @RestForm String capacity,
        @RestForm String seatsPerOrganisation, @RestForm String registrationClosesAt, @RestForm List<String> anchors,
        @RestForm String cpvCodes) {

    static EventForm empty() {
        return new EventForm(null, "MEET_THE_BUYER", null, null, null, null, null, null, null, "100", "2", null,
                List.of(), null);
    }

    EventDraft toDraft(List<ServiceRefusal.FieldError> errors) {
        return new EventDraft()
                .anchor(FormValues.text(anchor))
                .kind(FormValues.choice(kind, EventKind::fromValue, "kind", errors))
                .title(FormValues.text(title))
                .description(FormValues.text(description))
                .venue(FormValues.text(venue))
                .town(FormValues.text(town))
                .onlineUrl(FormValues.text(onlineUrl))
                .startsAt(FormValues.londonTime(startsAt, "startsAt", errors))
                .endsAt(FormValues.londonTime(endsAt, "endsAt", errors))
                .capacity(FormValues.wholeNumber(capacity, "capacity", errors))
                .seatsPerOrganisation(FormValues.wholeNumber(seatsPerOrganisation, "seatsPerOrganisation", errors))
                .registrationClosesAt(FormValues.londonTime(registrationClosesAt, "registrationClosesAt", errors))
                .anchors(anchors == null ? List.of() : new ArrayList<>(anchors))
                .cpvCodes(FormValues.text(cpvCodes) == null ? List.of() : FormValues.list(cpvCodes, "[\\s,;]+"));
    }

    /** The form filled from an event, to edit it: times in UK time as typed, the other anchors attending ticked. */
    static EventForm of(org.anchormarket.contracts.events.model.Event e) {
        return new EventForm(e.getAnchor(), e.getKind().name(), e.getTitle(), e.getDescription(), e.getVenue(),
                e.getTown(), e.getOnlineUrl(), Times.typed(e.getStartsAt()), Times.typed(e.getEndsAt()),
                String.valueOf(e.getCapacity()), String.valueOf(e.getSeatsPerOrganisation()),
                Times.typed(e.getRegistrationClosesAt()),
                e.getAnchors().stream().filter(a -> !a.equals(e.getAnchor())).toList(),
                String.join(" ", e.getCpvCodes()));
    }

    /**
     * The change to an event as typed, against the event as it stands: only what differs is sent (a time shown to
     * the minute and left alone does not move by its seconds, and tells registrants nothing); a description or town
     * emptied is cleared; what an event must have, left empty, is named; registration closes at the start if left
     * empty. {@code anchorsShown}: whether the form offered the anchors (when their list could not be read it did
     * not, and the anchors attending stay as they are).
     */
    EventChange toChange(org.anchormarket.contracts.events.model.Event now, boolean anchorsShown,
            List<ServiceRefusal.FieldError> errors) {
        EventForm was = of(now);
        OffsetDateTime start = FormValues.londonTime(startsAt, "startsAt", errors);
        OffsetDateTime closes = FormValues.londonTime(registrationClosesAt, "registrationClosesAt", errors);
        String title = required(this.title, "title", "must say what the event is", errors);
        if (FormValues.text(startsAt) == null) {
            missing(null, "startsAt", "must say when it starts", errors);
        }
        if (FormValues.text(endsAt) == null) {
            missing(null, "endsAt", "must say when it ends", errors);
        }
        if (FormValues.text(capacity) == null) {
            missing(null, "capacity", "must say how many places there are", errors);
        }
        if (FormValues.text(seatsPerOrganisation) == null) {
            missing(null, "seatsPerOrganisation", "must say how many places an organisation may take", errors);
        }
        List<String> attending = anchors == null ? List.of() : new ArrayList<>(anchors);
        List<String> codes = FormValues.text(cpvCodes) == null ? List.of() : FormValues.list(cpvCodes, "[\\s,;]+");
        return new EventChange()
                .title(changed(title, was.title))
                .description(changed(description == null ? "" : description.strip(), text(was.description)))
                .venue(changed(FormValues.text(venue), FormValues.text(was.venue)))
                .town(changed(town == null ? "" : town.strip(), text(was.town)))
                .onlineUrl(changed(FormValues.text(onlineUrl), FormValues.text(was.onlineUrl)))
                .startsAt(same(startsAt, was.startsAt) ? null : start)
                .endsAt(same(endsAt, was.endsAt) ? null : FormValues.londonTime(endsAt, "endsAt", errors))
                .capacity(same(capacity, was.capacity) ? null : FormValues.wholeNumber(capacity, "capacity", errors))
                .seatsPerOrganisation(same(seatsPerOrganisation, was.seatsPerOrganisation) ? null
                        : FormValues.wholeNumber(seatsPerOrganisation, "seatsPerOrganisation", errors))
                .registrationClosesAt(FormValues.text(registrationClosesAt) == null
                        ? (same(startsAt, was.startsAt) ? null : start)
                        : same(registrationClosesAt, was.registrationClosesAt) ? null : closes)
                .anchors(!anchorsShown || new java.util.HashSet<>(attending).equals(new java.util.HashSet<>(was.anchors))
                        ? null : attending)
                .cpvCodes(new java.util.HashSet<>(codes).equals(new java.util.HashSet<>(
                        FormValues.text(was.cpvCodes) == null ? List.of() : FormValues.list(was.cpvCodes, " ")))
                        ? null : codes);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static <T> T changed(T typed, T was) {
        return java.util.Objects.equals(typed, was) ? null : typed;
    }

    private static boolean same(String typed, String was) {
        return FormValues.text(typed) != null && FormValues.text(typed).equals(FormValues.text(was));
    }

    private static String required(String value, String field, String reason, List<ServiceRefusal.FieldError> errors) {
        String text = FormValues.text(value);
        if (text == null) {
            errors.add(new ServiceRefusal.FieldError(field, reason));
        }
        return text;
    }

    /** Names an empty field, unless it is named already (typed but unreadable). */
    private static void missing(Object value, String field, String reason, List<ServiceRefusal.FieldError> errors) {
        if (value == null && errors.stream().noneMatch(e -> e.field().equals(field))) {
            errors.add(new ServiceRefusal.FieldError(field, reason));
        }
    }

    /** Whether the anchor of this id is ticked as attending. */
    public boolean attends(String id) {
        return anchors != null && anchors.contains(id);
    }
}
