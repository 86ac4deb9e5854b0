package org.anchormarket.gateway.web.tenders;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.anchormarket.contracts.tender.model.MyBid;
import org.anchormarket.gateway.client.TendersClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.Pager;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** A supplier's bids on every tender, latest first, and how each stands or ended. */
@Path("/app/bids")
@Produces(MediaType.TEXT_HTML)
@InArea(Area.BIDDING)
public class MyBidsPage {

    static final int PAGE_SIZE = 25;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance bids(List<MyBid> bids, Pager pager);
    }

    private final TendersClient tenders;

    MyBidsPage(@RestClient TendersClient tenders) {
        this.tenders = tenders;
    }

    @GET
    public TemplateInstance bids(@RestQuery String page) {
        int p = Pager.asked(page, 10_000);
        List<MyBid> found = tenders.listMyBids(p, PAGE_SIZE);
        return Templates.bids(found, Pager.ofUntold(p, found.size(), PAGE_SIZE, "/app/bids"));
    }
}
