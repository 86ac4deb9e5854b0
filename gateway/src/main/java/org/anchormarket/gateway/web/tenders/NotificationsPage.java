package org.anchormarket.gateway.web.tenders;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.anchormarket.contracts.tender.model.Notification;
import org.anchormarket.gateway.client.TendersClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.Pager;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** A supplier's notifications, newest first: new opportunities it may bid for, changes to tenders it follows. */
@Path("/app/notifications")
@Produces(MediaType.TEXT_HTML)
@InArea(Area.NOTIFICATIONS)
public class NotificationsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notifications(List<Notification> notifications, Pager pager);
    }

    private final TendersClient tenders;

    NotificationsPage(@RestClient TendersClient tenders) {
        this.tenders = tenders;
    }

    @GET
    public TemplateInstance list(@RestQuery String page) {
        int p = Pager.asked(page, 10_000);
        List<Notification> found = tenders.listNotifications(p, MyBidsPage.PAGE_SIZE);
        return Templates.notifications(found, Pager.ofUntold(p, found.size(), MyBidsPage.PAGE_SIZE,
                "/app/notifications"));
    }
}
