package org.anchormarket.tender.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.anchormarket.chassis.rest.Created;
import org.anchormarket.chassis.rest.EntityTags;
import org.anchormarket.contracts.tender.api.AnchorsApi;
import org.anchormarket.contracts.tender.model.Anchor;
import org.anchormarket.contracts.tender.model.AnchorChange;
import org.anchormarket.contracts.tender.model.NewAnchor;
import org.anchormarket.tender.mapping.AnchorMapper;
import org.anchormarket.tender.service.AnchorRegistry;

/** Thin: the spec (contracts/tender) is the source of this API. */
public class AnchorResource implements AnchorsApi {

    private final AnchorRegistry anchors;
    private final UriInfo uri;
    private final Created created;
    private final EntityTags tags;

    AnchorResource(AnchorRegistry anchors, UriInfo uri, Created created, EntityTags tags) {
        this.anchors = anchors;
        this.uri = uri;
        this.created = created;
        this.tags = tags;
    }

    @Override
    @RolesAllowed({ "supplier", "buyer", "leadership", "admin" })
    public List<Anchor> listAnchors() {
        return anchors.all().stream().map(AnchorMapper::toApi).toList();
    }

    @Override
    @RolesAllowed({ "supplier", "buyer", "leadership", "admin" })
    public Anchor getAnchor(String id) {
        var anchor = anchors.get(id);
        tags.tag(anchor.version);
        return AnchorMapper.toApi(anchor);
    }

    @Override
    @RolesAllowed("admin")
    public Anchor registerAnchor(NewAnchor body) {
        var anchor = anchors.register(body.getId(), body.getName(), AnchorMapper.toDomain(body.getType()));
        created.at(uri.getBaseUriBuilder().path("api/anchors/{id}").build(anchor.id));
        tags.tag(anchor.version);
        return AnchorMapper.toApi(anchor);
    }

    @Override
    @RolesAllowed("admin")
    public Anchor updateAnchor(String id, AnchorChange change, String ifMatch) {
        var anchor = anchors.update(id, EntityTags.expectedVersion(ifMatch),
                new AnchorRegistry.Change(change.getName(), AnchorMapper.toDomain(change.getType())));
        tags.tag(anchor.version);
        return AnchorMapper.toApi(anchor);
    }
}
