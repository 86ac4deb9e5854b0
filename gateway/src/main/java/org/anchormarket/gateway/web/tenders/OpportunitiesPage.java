package org.anchormarket.gateway.web.tenders;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.anchormarket.contracts.tender.model.TenderPage;
import org.anchormarket.gateway.client.TendersClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.Choice;
import org.anchormarket.gateway.web.CurrentUser;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.Pager;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Opportunities: published tenders with filters, closing soonest first; a buyer's drafts too; and each tender. */
@Path("/app/tenders")
@Produces(MediaType.TEXT_HTML)
@InArea(Area.OPPORTUNITIES)
public class OpportunitiesPage {

    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance opportunities(TenderPage page, OpportunityFilters filters, Pager pager,
                List<Choice> statuses, List<Choice> reservedChoices, ServiceRefusal refusal);
    }

    private final TendersClient tenders;
    private final CurrentUser user;
    private final org.anchormarket.gateway.web.tenders.TenderPage tender;

    OpportunitiesPage(@RestClient TendersClient tenders, CurrentUser user,
            org.anchormarket.gateway.web.tenders.TenderPage tender) {
        this.tenders = tenders;
        this.user = user;
        this.tender = tender;
    }

    /** A tender's page (the page bean TenderPage draws it); a notice by its code, after a form. */
    @GET
    @Path("{id}")
    public TemplateInstance tender(@org.jboss.resteasy.reactive.RestPath java.util.UUID id,
            @org.jboss.resteasy.reactive.RestQuery String notice) {
        return tender.show(id, notice);
    }

    @GET
    public Response list(@BeanParam OpportunityFilters filters) {
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        OpportunityFilters.Search s = filters.toSearch(errors);
        List<Choice> statuses = new ArrayList<>(List.of(new Choice("PUBLISHED", "Open for bids"),
                new Choice("CLOSED", "Closed"), new Choice("AWARDED", "Awarded"), new Choice("CANCELLED", "Cancelled")));
        if (user.has("buyer") || user.has("admin")) {
            statuses.add(new Choice("DRAFT", "Drafts (not yet published)"));
        }
        List<Choice> reserved = List.of(new Choice("", "Any"), new Choice("true", "Reserved competitions only"),
                new Choice("false", "Open to all only"));
        TenderPage empty = new TenderPage().items(List.of()).page(0).size(PAGE_SIZE).total(0L);
        if (!errors.isEmpty()) {
            return Response.status(400).entity(Templates.opportunities(empty, filters, Pager.of(0, 0, PAGE_SIZE,
                    "/app/tenders"), statuses, reserved, ServiceRefusal.ofFields(errors))).build();
        }
        try {
            TenderPage found = tenders.searchTenders(s.q(), s.cpv(), null, s.status(), s.reserved(), s.minValue(),
                    s.maxValue(), s.closingBefore(), s.page(), PAGE_SIZE);
            return Response.ok(Templates.opportunities(found, filters, Pager.of(s.page(), found.getTotal(), PAGE_SIZE,
                    "/app/tenders" + filters.query()), statuses, reserved, null)).build();
        } catch (ServiceRefusal refusal) {
            if (refusal.forbidden() || refusal.status() >= 500) {
                throw refusal;
            }
            return Response.status(400).entity(Templates.opportunities(empty, filters, Pager.of(0, 0, PAGE_SIZE,
                    "/app/tenders"), statuses, reserved, refusal)).build();
        }
    }
}
