package org.anchormarket.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.events.domain.Event;

/** Scheduling and listing events. */
@ApplicationScoped
public class EventService {

    private final Clock clock = Clock.systemUTC();

    @Transactional
    public Event schedule(String title, Event.Kind kind, Instant startsAt, String venue, int capacity,
            String scheduledBy) {
        if (!startsAt.isAfter(clock.instant())) {
            throw DomainException.Invalid.field("startsAt", "must be in the future");
        }
        Event event = new Event();
        event.id = UUID.randomUUID();
        event.title = title.strip();
        event.kind = kind;
        event.startsAt = startsAt;
        event.venue = venue.strip();
        event.capacity = capacity;
        event.scheduledBy = scheduledBy;
        event.persist();
        return event;
    }

    public List<Event> upcoming() {
        return Event.upcoming(clock.instant());
    }
}
