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
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anchormarket.contracts.tender.model.Bid;
import org.anchormarket.contracts.tender.model.BidSubmission;
import org.anchormarket.contracts.tender.model.Lot;
import org.anchormarket.contracts.tender.model.Outcome;
import org.anchormarket.contracts.tender.model.Tender;
import org.anchormarket.contracts.tender.model.TenderStatus;
import org.anchormarket.gateway.client.TendersClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.FormValues;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A supplier's bid for one lot: put in, replaced or withdrawn until the deadline (the service's clock decides), then
 * how it did beside the winner's once the lot is awarded.
 */
@Path("/app/tenders/{id}/lots/{lotId}/bid")
@Produces(MediaType.TEXT_HTML)
@InArea(Area.BIDDING)
public class BidPage {

    static final Map<String, String> NOTICES = Map.of(
            "submitted", "Your bid is in. It stays sealed until the deadline; you can change or withdraw it until then",
            "withdrawn", "Your bid is withdrawn",
            "file", "The file is added to your bid, sealed with it",
            "removed", "The file is removed from your bid");

    /** The bid form as typed. */
    public record BidForm(String price, String qualityResponse, String socialValueCommitments) {

        static BidForm of(Bid bid) {
            return bid == null ? new BidForm("", "", "")
                    : new BidForm(bid.getPrice().toPlainString(), bid.getQualityResponse(),
                            bid.getSocialValueCommitments());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance bid(Tender tender, Lot lot, Bid bid, Outcome outcome, boolean open,
                BidForm form, String notice, ServiceRefusal refusal);
    }

    private final TendersClient tenders;

    BidPage(@RestClient TendersClient tenders) {
        this.tenders = tenders;
    }

    @GET
    public TemplateInstance show(@RestPath UUID id, @RestPath UUID lotId, @RestQuery String notice) {
        return page(id, lotId, null, notice == null ? null : NOTICES.get(notice), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@RestPath UUID id, @RestPath UUID lotId, @RestForm String price,
            @RestForm String qualityResponse, @RestForm String socialValueCommitments) {
        BidForm typed = new BidForm(price, qualityResponse, socialValueCommitments);
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        BidSubmission bid = new BidSubmission().price(FormValues.pounds(price, "price", errors))
                .qualityResponse(qualityResponse == null ? "" : qualityResponse.strip())
                .socialValueCommitments(socialValueCommitments == null ? "" : socialValueCommitments.strip());
        try {
            if (!errors.isEmpty()) {
                throw ServiceRefusal.ofFields(errors);
            }
            tenders.submitBid(id, lotId, bid);
            return Response.seeOther(URI.create("/app/tenders/" + id + "/lots/" + lotId + "/bid?notice=submitted"))
                    .build();
        } catch (ServiceRefusal refusal) {
            return refused(id, lotId, typed, refusal);
        }
    }

    @POST
    @Path("withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@RestPath UUID id, @RestPath UUID lotId) {
        try {
            tenders.withdrawMyBid(id, lotId);
            return Response.seeOther(URI.create("/app/tenders/" + id + "/lots/" + lotId + "/bid?notice=withdrawn"))
                    .build();
        } catch (ServiceRefusal refusal) {
            return refused(id, lotId, null, refusal);
        }
    }

    @POST
    @Path("files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response addFile(@RestPath UUID id, @RestPath UUID lotId, @RestForm("file") FileUpload file) {
        try {
            if (file == null || file.fileName() == null || file.fileName().isBlank()) {
                throw ServiceRefusal.ofFields(List.of(new ServiceRefusal.FieldError("file", "must be chosen")));
            }
            tenders.uploadAttachment(id, lotId, file.fileName(),
                    Downloads.typeOf(file.fileName(), file.contentType()),
                    java.nio.file.Files.readAllBytes(file.uploadedFile()));
            return Response.seeOther(URI.create("/app/tenders/" + id + "/lots/" + lotId + "/bid?notice=file"))
                    .build();
        } catch (ServiceRefusal refusal) {
            return refused(id, lotId, null, refusal.status() == 415 ? ServiceRefusal.ofFields(List.of(
                    new ServiceRefusal.FieldError("file", "must be a PDF, Word, Excel, OpenDocument, text, CSV, PNG "
                            + "or JPEG file")))
                    : refusal.status() == 413 ? ServiceRefusal.ofFields(List.of(new ServiceRefusal.FieldError(
                            "file", "must be at most 10 MB"))) : TenderFiles.renamed(refusal));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @GET
    @Path("files/{fileId}")
    public Response file(@RestPath UUID id, @RestPath UUID lotId, @RestPath UUID fileId) {
        return Downloads.passOn(() -> tenders.downloadMyAttachment(id, lotId, fileId));
    }

    @POST
    @Path("files/{fileId}/removal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeFile(@RestPath UUID id, @RestPath UUID lotId, @RestPath UUID fileId) {
        try {
            tenders.removeBidAttachment(id, lotId, fileId);
            return Response.seeOther(URI.create("/app/tenders/" + id + "/lots/" + lotId + "/bid?notice=removed"))
                    .build();
        } catch (ServiceRefusal refusal) {
            return refused(id, lotId, null, refusal);
        }
    }

    private Response refused(UUID id, UUID lotId, BidForm typed, ServiceRefusal refusal) {
        if (refusal.forbidden() || refusal.status() >= 500 || refusal.status() == 404) {
            throw refusal;
        }
        return Response.status(refusal.status() == 409 ? 409 : 400).entity(page(id, lotId, typed, null, refusal))
                .build();
    }

    private TemplateInstance page(UUID id, UUID lotId, BidForm typed, String notice, ServiceRefusal refusal) {
        Tender t = tenders.getTender(id);
        Lot lot = t.getLots().stream().filter(l -> l.getId().equals(lotId)).findFirst()
                .orElseThrow(NotFoundException::new);
        Bid mine = null;
        try {
            mine = tenders.getMyBid(id, lotId);
        } catch (ServiceRefusal none) {
            if (none.status() != 404) {
                throw none;
            }
        }
        Outcome outcome = null;
        if (lot.getAwarded() && mine != null) {
            outcome = tenders.getOutcome(id, lotId);
        }
        boolean open = t.getStatus() == TenderStatus.PUBLISHED
                && (t.getEligibility() == null || t.getEligibility().getEligible());
        return Templates.bid(t, lot, mine, outcome, open, typed == null ? BidForm.of(mine) : typed, notice, refusal);
    }
}
