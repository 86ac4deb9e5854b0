package org.anchormarket.gateway.web.tenders;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anchormarket.contracts.tender.model.AwardDecision;
import org.anchormarket.contracts.tender.model.Bid;
import org.anchormarket.contracts.tender.model.Evaluation;
import org.anchormarket.contracts.tender.model.Lot;
import org.anchormarket.contracts.tender.model.RankedBid;
import org.anchormarket.contracts.tender.model.Scores;
import org.anchormarket.contracts.tender.model.Tender;
import org.anchormarket.gateway.client.TendersClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.Choice;
import org.anchormarket.gateway.web.FormValues;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.RefusedForm;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The tender's buyer evaluates a lot after the opening: reads each bid, scores its quality and social value (the
 * price score is the service's arithmetic), sees the ranking and awards the lot.
 */
@Path("/app/tenders/{id}/lots/{lotId}/evaluation")
@Produces(MediaType.TEXT_HTML)
@InArea(Area.TENDER_MANAGEMENT)
public class EvaluationPage {

    static final Map<String, String> NOTICES = Map.of(
            "scored", "The scores are saved",
            "awarded", "The lot is awarded: the contract is in the register and the bidders can see their outcome");

    /** A bid with its ranking line (scores, total, rank), for the page. */
    public record Scored(Bid bid, RankedBid ranked) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance evaluation(Tender tender, Lot lot, Evaluation evaluation, List<Scored> bids,
                List<Choice> awardChoices, String notice, ServiceRefusal refusal, RefusedForm typed);
    }

    private final TendersClient tenders;

    EvaluationPage(@RestClient TendersClient tenders) {
        this.tenders = tenders;
    }

    @GET
    public TemplateInstance show(@RestPath UUID id, @RestPath UUID lotId, @RestQuery String notice) {
        return page(id, lotId, notice == null ? null : NOTICES.get(notice), RefusedForm.NONE);
    }

    @POST
    @Path("scores")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response score(@RestPath UUID id, @RestPath UUID lotId, @RestForm String bidId, @RestForm String quality,
            @RestForm String socialValue) {
        UUID bid = uuid(bidId);
        RefusedForm typed = new RefusedForm("score-" + bid, Map.of("quality", quality == null ? "" : quality,
                "socialValue", socialValue == null ? "" : socialValue), null);
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        BigDecimal q = score(quality, "quality", errors);
        BigDecimal s = score(socialValue, "socialValue", errors);
        try {
            if (!errors.isEmpty()) {
                throw ServiceRefusal.ofFields(errors);
            }
            tenders.scoreBid(id, lotId, bid, new Scores().quality(q).socialValue(s));
            return done(id, lotId, "scored");
        } catch (ServiceRefusal refusal) {
            return refused(id, lotId, new RefusedForm(typed.form(), typed.values(), refusal));
        }
    }

    @POST
    @Path("award")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response award(@RestPath UUID id, @RestPath UUID lotId, @RestForm String bidId,
            @RestForm String contractStart, @RestForm String contractEnd) {
        Map<String, String> values = Map.of("bidId", bidId == null ? "" : bidId,
                "contractStart", contractStart == null ? "" : contractStart,
                "contractEnd", contractEnd == null ? "" : contractEnd);
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        AwardDecision decision = new AwardDecision()
                .contractStart(FormValues.day(contractStart, "contractStart", errors))
                .contractEnd(FormValues.day(contractEnd, "contractEnd", errors));
        try {
            decision.bidId(UUID.fromString(bidId == null ? "" : bidId.strip()));
        } catch (IllegalArgumentException e) {
            errors.add(new ServiceRefusal.FieldError("bidId", "must be one of the bids listed"));
        }
        if (decision.getContractStart() == null && FormValues.text(contractStart) == null) {
            errors.add(new ServiceRefusal.FieldError("contractStart", "must be given, like 01/04/2027"));
        }
        if (decision.getContractEnd() == null && FormValues.text(contractEnd) == null) {
            errors.add(new ServiceRefusal.FieldError("contractEnd", "must be given, like 31/03/2028"));
        }
        try {
            if (!errors.isEmpty()) {
                throw ServiceRefusal.ofFields(errors);
            }
            tenders.awardLot(id, lotId, decision);
            return done(id, lotId, "awarded");
        } catch (ServiceRefusal refusal) {
            return refused(id, lotId, new RefusedForm("award", values, refusal));
        }
    }

    @GET
    @Path("files/{bidId}/{fileId}")
    public Response file(@RestPath UUID id, @RestPath UUID lotId, @RestPath UUID bidId, @RestPath UUID fileId) {
        return Downloads.passOn(() -> tenders.downloadBidAttachment(id, lotId, bidId, fileId));
    }

    private Response refused(UUID id, UUID lotId, RefusedForm typed) {
        ServiceRefusal refusal = typed.refusal();
        if (refusal.forbidden() || refusal.status() >= 500 || refusal.status() == 404) {
            throw refusal;
        }
        return Response.status(refusal.status() == 409 ? 409 : 400).entity(page(id, lotId, null, typed)).build();
    }

    private TemplateInstance page(UUID id, UUID lotId, String notice, RefusedForm typed) {
        Tender t = tenders.getTender(id);
        Lot lot = t.getLots().stream().filter(l -> l.getId().equals(lotId)).findFirst()
                .orElseThrow(NotFoundException::new);
        List<Bid> bids = tenders.listBids(id, lotId);
        Evaluation evaluation = tenders.getEvaluation(id, lotId);
        List<Scored> scored = bids.stream().map(b -> new Scored(b, evaluation.getBids().stream()
                .filter(r -> r.getBidId().equals(b.getId())).findFirst().orElse(null))).toList();
        List<Choice> awardChoices = evaluation.getBids().stream().map(r -> new Choice(r.getBidId().toString(),
                (r.getRank() == null ? "" : "Ranked " + r.getRank() + ": ") + r.getSupplierName())).toList();
        return Templates.evaluation(t, lot, evaluation, scored, awardChoices, notice, typed.refusal(), typed);
    }

    private static BigDecimal score(String value, String field, List<ServiceRefusal.FieldError> errors) {
        String v = FormValues.text(value);
        if (v == null) {
            errors.add(new ServiceRefusal.FieldError(field, "must be given, from 0 to 100"));
            return null;
        }
        if (!v.matches("\\d{1,3}(\\.\\d{1,2})?")) {
            errors.add(new ServiceRefusal.FieldError(field, "must be a number from 0 to 100, like 75"));
            return null;
        }
        return new BigDecimal(v);
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(); // not a bid of this lot: the form was not ours
        }
    }

    private static Response done(UUID id, UUID lotId, String notice) {
        return Response.seeOther(URI.create("/app/tenders/" + id + "/lots/" + lotId + "/evaluation?notice=" + notice))
                .build();
    }
}
