package org.anchormarket.gateway.web.events;

import java.util.ArrayList;
import java.util.List;
import org.anchormarket.contracts.events.model.EventDraft;
import org.anchormarket.contracts.events.model.EventKind;
import org.anchormarket.gateway.web.FormValues;
import org.anchormarket.gateway.web.ServiceRefusal;
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

    /** Whether the anchor of this id is ticked as attending. */
    public boolean attends(String id) {
        return anchors != null && anchors.contains(id);
    }
}
