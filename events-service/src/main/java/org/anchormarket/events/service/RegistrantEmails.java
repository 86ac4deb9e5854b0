package org.anchormarket.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.anchormarket.chassis.mail.MailOutbox;
import org.anchormarket.events.domain.Event;
import org.anchormarket.events.domain.Registration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells the people registered what stands (each attendee at the address given when registering), queued in the
 * change's transaction through the chassis' mail outbox: a place confirmed (with the check-in code) or on the waitlist,
 * a place that came free, a registration cancelled, the event cancelled (with why) or moved in time or place. Times in
 * UK time. The join link of a webinar goes only to those with a place.
 */
@ApplicationScoped
public class RegistrantEmails {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' h:mma", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    private final MailOutbox mail;
    private final Optional<String> publicUrl;

    RegistrantEmails(MailOutbox mail, @ConfigProperty(name = "events.public-url") Optional<String> publicUrl) {
        this.mail = mail;
        this.publicUrl = publicUrl.map(u -> u.replaceAll("/+$", ""));
    }

    void placed(Event e, Registration r, boolean promoted) {
        send(e, r, promoted ? "A place came free: you are going to " + e.title : "Your place at " + e.title
                + " is confirmed", (promoted ? "A place came free at " + e.title + ": " + r.organisationName
                        + " now has " + places(r) + " there."
                        : r.organisationName + " has " + places(r) + " at " + e.title + ".")
                        + "\n\n" + whenAndWhere(e, true) + "\nCheck-in code: " + r.checkInCode
                        + " (show it at the door)\n");
    }

    void waitlisted(Event e, Registration r, Integer position) {
        send(e, r, "You are on the waitlist for " + e.title, e.title + " is full: " + r.organisationName
                + " is on its waitlist" + (position == null ? "" : ", number " + position) + ". You will be told if "
                + "a place comes free.\n\n" + whenAndWhere(e, false));
    }

    void cancelled(Event e, Registration r, boolean eventCancelled) {
        if (eventCancelled) {
            send(e, r, e.title + " is cancelled", e.title + " will not take place"
                    + (e.cancellationReason == null ? "." : ": " + e.cancellationReason) + "\n\nIt was to be "
                    + DAY.format(e.startsAt.atZone(LONDON)) + ". " + r.organisationName
                    + "'s registration is cancelled with it.\n");
        } else {
            send(e, r, "Your registration for " + e.title + " is cancelled", r.organisationName
                    + "'s registration for " + e.title + " (" + DAY.format(e.startsAt.atZone(LONDON))
                    + ") is cancelled.\n");
        }
    }

    /** The event moved in time or place: everyone with a place or on the waitlist is told where and when it is now. */
    void changed(Event e, List<Registration> registrations) {
        for (Registration r : registrations) {
            if (r.status != Registration.Status.CANCELLED) {
                send(e, r, e.title + " has changed", e.title + " has changed. It is now:\n\n"
                        + whenAndWhere(e, r.status == Registration.Status.CONFIRMED));
            }
        }
    }

    /** The emails about this registration, sent or still to send, are deleted (a sole trader's erasure). */
    void forget(Registration r) {
        mail.forget(List.of(about(r)));
    }

    private static String about(Registration r) {
        return "registration:" + r.id;
    }

    private void send(Event e, Registration r, String subject, String text) {
        String link = publicUrl.map(u -> "\nThe event's page: " + u + "/app/events/" + e.id + "\n").orElse("");
        for (Registration.Attendee a : r.attendees) {
            mail.queue(a.email(), subject, "Dear " + a.name() + ",\n\n" + text + link
                    + "\nYou get this email because you were registered for this event on Anchor Market.\n", about(r));
        }
    }

    private static String places(Registration r) {
        return r.seats == 1 ? "a place" : r.seats + " places";
    }

    private static String whenAndWhere(Event e, boolean withJoinLink) {
        String when = "When: " + DAY.format(e.startsAt.atZone(LONDON)) + " to " + until(e.startsAt, e.endsAt);
        String where = e.venue != null ? "Where: " + e.venue + (e.town == null || e.town.isBlank() ? "" : ", " + e.town)
                : "Where: online" + (withJoinLink && e.onlineUrl != null ? " (join at " + e.onlineUrl + ")" : "");
        return when + "\n" + where + "\n";
    }

    private static String until(Instant start, Instant end) {
        var from = start.atZone(LONDON);
        var to = end.atZone(LONDON);
        return from.toLocalDate().equals(to.toLocalDate()) ? TIME.format(to) : DAY.format(to);
    }
}
