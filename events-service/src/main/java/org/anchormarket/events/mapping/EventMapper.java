package org.anchormarket.events.mapping;

import java.time.ZoneOffset;
import org.anchormarket.contracts.events.model.EventKind;
import org.anchormarket.events.domain.Event;

/** Domain → API. */
public final class EventMapper {

    private EventMapper() {
    }

    public static org.anchormarket.contracts.events.model.Event toApi(Event event) {
        return new org.anchormarket.contracts.events.model.Event()
                .id(event.id)
                .title(event.title)
                .kind(EventKind.fromValue(event.kind.name()))
                .startsAt(event.startsAt.atOffset(ZoneOffset.UTC))
                .venue(event.venue)
                .capacity(event.capacity);
    }
}
