package org.anchormarket.gateway.web.events;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.anchormarket.contracts.events.model.EventKind;
import org.anchormarket.contracts.events.model.EventPage;
import org.anchormarket.contracts.events.model.MyRegistration;
import org.anchormarket.gateway.client.EventsClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.CurrentUser;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.Pager;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Upcoming events, an event's page ({@link EventPage}), a supplier's own events and its calendar. */
@Path("/app/events")
@Produces(MediaType.TEXT_HTML)
@InArea(Area.EVENTS)
public class EventsPage {

    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance events(EventPage events, Pager pager, EventKind kind, boolean canCreate);

        static native TemplateInstance mine(List<MyRegistration> registrations);
    }

    private final EventsClient events;
    private final org.anchormarket.gateway.web.events.EventPage page;
    private final CurrentUser user;

    EventsPage(@RestClient EventsClient events, org.anchormarket.gateway.web.events.EventPage page, CurrentUser user) {
        this.events = events;
        this.page = page;
        this.user = user;
    }

    /** Upcoming events; {@code kind} ({@code TRAINING}, ...) shows only those (a kind not known shows them all). */
    @GET
    public TemplateInstance events(@RestQuery String page, @RestQuery String kind) {
        int p = Pager.asked(page, 10_000);
        EventKind only = java.util.Arrays.stream(EventKind.values())
                .filter(k -> k.name().equals(kind) && !k.name().startsWith("UNKNOWN")).findFirst().orElse(null);
        EventPage found = events.listEvents(only, null, null, p, PAGE_SIZE);
        return Templates.events(found, Pager.of(p, found.getTotal(), PAGE_SIZE,
                only == null ? "/app/events" : "/app/events?kind=" + only.name()), only,
                user.has("buyer") || user.has("admin"));
    }

    @GET
    @Path("{id}")
    public TemplateInstance event(@RestPath UUID id, @RestQuery String notice) {
        return page.show(id, notice);
    }

    @GET
    @Path("mine")
    @InArea(Area.EVENT_BOOKING)
    public TemplateInstance mine() {
        return Templates.mine(events.listMyRegistrations());
    }

    /** The signed-in supplier's or buyer's calendar, to download or subscribe to. */
    @GET
    @Path("schedule.ics")
    @Produces("text/calendar")
    public Response schedule() {
        return Response.ok(events.schedule(), "text/calendar; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"anchor-market-events.ics\"").build();
    }
}
