package org.anchormarket.tender.rest;

import org.anchormarket.chassis.security.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.anchormarket.chassis.rest.Created;
import org.anchormarket.contracts.tender.api.EvaluationApi;
import org.anchormarket.contracts.tender.model.AwardDecision;
import org.anchormarket.contracts.tender.model.Contract;
import org.anchormarket.contracts.tender.model.Evaluation;
import org.anchormarket.contracts.tender.model.Outcome;
import org.anchormarket.contracts.tender.model.RankedBid;
import org.anchormarket.contracts.tender.model.Scores;
import org.anchormarket.tender.mapping.TenderMapper;
import org.anchormarket.tender.service.Evaluations;

/** Thin: the spec (contracts/tender) is the source of this API. */
public class EvaluationResource implements EvaluationApi {

    private final Evaluations evaluations;
    private final Callers callers;
    private final UriInfo uri;
    private final Created created;

    EvaluationResource(Evaluations evaluations, Callers callers, UriInfo uri, Created created) {
        this.evaluations = evaluations;
        this.callers = callers;
        this.uri = uri;
        this.created = created;
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public RankedBid scoreBid(UUID id, UUID lotId, UUID bidId, Scores body) {
        return TenderMapper.toApi(evaluations.score(id, lotId, bidId, body.getQuality(), body.getSocialValue(),
                callers.current()));
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public Evaluation getEvaluation(UUID id, UUID lotId) {
        return TenderMapper.toApi(evaluations.evaluation(id, lotId, callers.current()));
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public Contract awardLot(UUID id, UUID lotId, AwardDecision body) {
        var c = evaluations.award(id, lotId, body.getBidId(), body.getContractStart(), body.getContractEnd(), callers.current());
        created.at(uri.getBaseUriBuilder().path("api/contracts").queryParam("anchor", c.anchorId).build());
        return TenderMapper.toApi(c);
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public Outcome getOutcome(UUID id, UUID lotId) {
        return TenderMapper.toApi(evaluations.outcome(id, lotId, callers.current()));
    }

    @Override
    @PermitAll
    public List<Contract> listContracts(String anchor, UUID supplier, Integer page, Integer size) {
        return evaluations.contracts(anchor, supplier, page == null ? 0 : page, size == null ? 20 : size).stream()
                .map(TenderMapper::toApi).toList();
    }
}
