package org.anchormarket.tender.rest;

import org.anchormarket.chassis.security.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.anchormarket.chassis.rest.Created;
import org.anchormarket.contracts.tender.api.PipelineApi;
import org.anchormarket.contracts.tender.model.NewPipelineItem;
import org.anchormarket.contracts.tender.model.Notification;
import org.anchormarket.contracts.tender.model.PipelineItem;
import org.anchormarket.tender.domain.Anchor;
import org.anchormarket.tender.mapping.TenderMapper;
import org.anchormarket.tender.service.Notifications;
import org.anchormarket.tender.service.Pipeline;

/** Thin: the spec (contracts/tender) is the source of this API. */
public class PipelineResource implements PipelineApi {

    private final Pipeline pipeline;
    private final Notifications notifications;
    private final Callers callers;
    private final UriInfo uri;
    private final Created created;

    PipelineResource(Pipeline pipeline, Notifications notifications, Callers callers, UriInfo uri, Created created) {
        this.pipeline = pipeline;
        this.notifications = notifications;
        this.callers = callers;
        this.uri = uri;
        this.created = created;
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public PipelineItem createPipelineItem(NewPipelineItem body) {
        var item = pipeline.create(new Pipeline.Plan(body.getAnchor(), body.getTitle(), body.getDescription(),
                List.copyOf(body.getCpvCodes()), body.getEstimatedValue(), body.getExpectedPublication()),
                callers.current());
        created.at(uri.getBaseUriBuilder().path("api/pipeline").queryParam("anchor", item.anchorId).build());
        return view(item);
    }

    @Override
    @PermitAll
    public List<PipelineItem> listPipeline(String anchor, String cpv, Integer page, Integer size) {
        return pipeline.upcoming(anchor, cpv, page == null ? 0 : page, size == null ? 20 : size).stream()
                .map(this::view).toList();
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public PipelineItem followPipelineItem(UUID id) {
        return view(pipeline.follow(id, callers.current()));
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public void unfollowPipelineItem(UUID id) {
        pipeline.unfollow(id, callers.current());
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public List<Notification> listNotifications(Integer page, Integer size) {
        return notifications.mine(callers.current(), page == null ? 0 : page, size == null ? 20 : size).stream()
                .map(TenderMapper::toApi).toList();
    }

    private PipelineItem view(org.anchormarket.tender.domain.PipelineItem item) {
        Anchor anchor = Anchor.findById(item.anchorId);
        return TenderMapper.toApi(pipeline.view(item, callers.current()), anchor == null ? null : anchor.name);
    }
}
