package org.anchormarket.tender.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anchormarket.chassis.problem.ProblemException;
import org.anchormarket.chassis.rest.Created;
import org.anchormarket.contracts.tender.api.TendersApi;
import org.anchormarket.contracts.tender.model.Tender;
import org.anchormarket.contracts.tender.model.TenderDraft;
import org.anchormarket.tender.mapping.TenderMapper;
import org.anchormarket.tender.service.TenderService;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Thin: the spec (contracts/tender) is the source of this API. */
public class TenderResource implements TendersApi {

    private final TenderService tenders;
    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final UriInfo uri;
    private final Created created;

    TenderResource(TenderService tenders, SecurityIdentity identity, JsonWebToken token, UriInfo uri,
            Created created) {
        this.tenders = tenders;
        this.identity = identity;
        this.token = token;
        this.uri = uri;
        this.created = created;
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public Tender publishTender(TenderDraft draft) {
        boolean buyer = identity.hasRole("buyer");
        String anchor = buyer ? token.<String>getClaim("anchor") : null;
        if (buyer && anchor == null) {
            throw ProblemException.forbidden("This buyer account belongs to no anchor institution");
        }
        var tender = tenders.publish(TenderMapper.toDraft(draft), anchor, token.getSubject());
        created.at(uri.getBaseUriBuilder().path("api/tenders/{id}").build(tender.id));
        return TenderMapper.toApi(tender, Instant.now());
    }

    @Override
    @RolesAllowed({ "supplier", "buyer", "leadership", "admin" })
    public List<Tender> listOpenTenders() {
        Instant now = Instant.now();
        return tenders.open().stream().map(t -> TenderMapper.toApi(t, now)).toList();
    }

    @Override
    @RolesAllowed({ "supplier", "buyer", "leadership", "admin" })
    public Tender getTender(UUID id) {
        return TenderMapper.toApi(tenders.get(id), Instant.now());
    }
}
