package org.anchormarket.gateway.web.tenders;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anchormarket.contracts.tender.model.NewPipelineItem;
import org.anchormarket.contracts.tender.model.PipelineItem;
import org.anchormarket.gateway.client.TendersClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.Choice;
import org.anchormarket.gateway.web.CurrentUser;
import org.anchormarket.gateway.web.FormValues;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.Pager;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.anchormarket.gateway.web.spend.AnchorChoices;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The anchors' forward plans: anyone reads them, suppliers follow them, buyers announce them. */
@Path("/app/pipeline")
@Produces(MediaType.TEXT_HTML)
public class PipelinePage {

    static final Map<String, String> NOTICES = Map.of(
            "announced", "The plan is announced: local firms can follow it and prepare",
            "followed", "You follow the plan: you are told when it goes out to tender",
            "unfollowed", "You no longer follow the plan");

    /** The new plan's form as typed. */
    public record PlanForm(@RestForm String anchor, @RestForm String title, @RestForm String description,
            @RestForm String cpvCodes, @RestForm String estimatedValue, @RestForm String expectedPublication) {

        static final PlanForm EMPTY = new PlanForm(null, null, null, null, null, null);

        NewPipelineItem toItem(List<ServiceRefusal.FieldError> errors) {
            return new NewPipelineItem().anchor(FormValues.text(anchor)).title(FormValues.text(title))
                    .description(FormValues.text(description))
                    .cpvCodes(FormValues.list(cpvCodes == null ? "" : cpvCodes, "[\\s,;]+"))
                    .estimatedValue(FormValues.pounds(estimatedValue, "estimatedValue", errors))
                    .expectedPublication(FormValues.day(expectedPublication, "expectedPublication", errors));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance pipeline(List<PipelineItem> items, Pager pager, PlanForm form,
                List<Choice> anchors, String notice, ServiceRefusal refusal);
    }

    private final TendersClient tenders;
    private final AnchorChoices anchors;
    private final CurrentUser user;

    PipelinePage(@RestClient TendersClient tenders, AnchorChoices anchors, CurrentUser user) {
        this.tenders = tenders;
        this.anchors = anchors;
        this.user = user;
    }

    @GET
    @InArea(Area.PIPELINE)
    public TemplateInstance list(@RestQuery String page, @RestQuery String notice) {
        return page(Pager.asked(page, 10_000), PlanForm.EMPTY, notice == null ? null : NOTICES.get(notice), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @InArea(Area.TENDER_MANAGEMENT)
    public Response announce(@jakarta.ws.rs.BeanParam PlanForm form) {
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        NewPipelineItem item = form.toItem(errors);
        try {
            if (!errors.isEmpty()) {
                throw ServiceRefusal.ofFields(errors);
            }
            tenders.createPipelineItem(item);
            return Response.seeOther(URI.create("/app/pipeline?notice=announced")).build();
        } catch (ServiceRefusal refusal) {
            if (refusal.forbidden() || refusal.status() >= 500) {
                throw refusal;
            }
            return Response.status(400).entity(page(0, form, null, refusal)).build();
        }
    }

    @POST
    @Path("{id}/follow")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @InArea(Area.BIDDING)
    public Response follow(@RestPath UUID id) {
        tenders.followPipelineItem(id);
        return Response.seeOther(URI.create("/app/pipeline?notice=followed")).build();
    }

    @POST
    @Path("{id}/unfollow")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @InArea(Area.BIDDING)
    public Response unfollow(@RestPath UUID id) {
        tenders.unfollowPipelineItem(id);
        return Response.seeOther(URI.create("/app/pipeline?notice=unfollowed")).build();
    }

    private TemplateInstance page(int page, PlanForm form, String notice, ServiceRefusal refusal) {
        List<PipelineItem> items = tenders.listPipeline(null, null, page, MyBidsPage.PAGE_SIZE);
        return Templates.pipeline(items, Pager.ofUntold(page, items.size(), MyBidsPage.PAGE_SIZE,
                "/app/pipeline"), form,
                user.has("admin") ? anchors.options() : List.of(), notice, refusal);
    }
}
