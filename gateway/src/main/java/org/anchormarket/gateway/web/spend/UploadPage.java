package org.anchormarket.gateway.web.spend;

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
import java.util.UUID;
import org.anchormarket.contracts.analytics.model.RejectionPage;
import org.anchormarket.contracts.analytics.model.SpendUpload;
import org.anchormarket.gateway.client.SpendUploadsClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.Choice;
import org.anchormarket.gateway.web.CurrentUser;
import org.anchormarket.gateway.web.FormValues;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.Pager;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Uploading an anchor's spend file, then following its reading: a progress bar, the counts, and each rejected line
 * with its reason. Without JavaScript the status page is refreshed by its button; with it, by itself.
 */
@Path("/app/spend/uploads")
@Produces(MediaType.TEXT_HTML)
@InArea(Area.SPEND_UPLOAD)
public class UploadPage {

    /** Rejected lines on one page of the status. */
    static final int REJECTIONS_PAGE_SIZE = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(List<Choice> anchors, String anchor, ServiceRefusal refusal);

        static native TemplateInstance status(SpendUpload upload, String anchorName, RejectionPage rejections,
                Pager pager);
    }

    private final SpendUploadsClient uploads;
    private final AnchorChoices anchors;
    private final CurrentUser user;

    UploadPage(@RestClient SpendUploadsClient uploads, AnchorChoices anchors, CurrentUser user) {
        this.uploads = uploads;
        this.anchors = anchors;
        this.user = user;
    }

    @GET
    public TemplateInstance form() {
        return Templates.upload(anchors.options(), user.anchor(), null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("anchor") String anchor, @RestForm("file") FileUpload file) {
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        String chosen = FormValues.text(anchor);
        if (chosen == null) {
            errors.add(new ServiceRefusal.FieldError("anchor", "must be chosen: whose payments are these?"));
        }
        if (file == null || file.size() == 0) {
            errors.add(new ServiceRefusal.FieldError("file", "must be a spend file (CSV): choose one"));
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(Templates.upload(anchors.options(), chosen,
                    ServiceRefusal.ofFields(errors))).build();
        }
        try {
            // The bytes as uploaded, streamed from disk: spend analytics works out the encoding and the columns
            SpendUpload upload = uploads.uploadSpend(chosen, file.uploadedFile().toFile(), null);
            return Response.seeOther(URI.create("/app/spend/uploads/" + upload.getUploadId())).build();
        } catch (ServiceRefusal refusal) {
            if (refusal.forbidden() || refusal.status() >= 500) {
                throw refusal;
            }
            // The service names the file "body"; the form calls it "file"
            // ("The file has no column ..." reads "File has no column ..." beside the field)
            List<ServiceRefusal.FieldError> named = refusal.errors().stream().map(e -> "body".equals(e.field())
                    ? new ServiceRefusal.FieldError("file", e.reason() != null && e.reason().startsWith("The file ")
                            ? e.reason().substring("The file ".length()) : e.reason()) : e).toList();
            return Response.status(refusal.status()).entity(Templates.upload(anchors.options(), chosen,
                    new ServiceRefusal(refusal.status(), refusal.detail(), named))).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance status(@RestPath String id, @RestQuery String page) {
        UUID uploadId;
        try {
            uploadId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ServiceRefusal(404, "No such upload", List.of());
        }
        SpendUpload upload = uploads.getSpendUpload(uploadId);
        Integer asked = FormValues.wholeNumber(page, "page", new ArrayList<>());
        int p = asked == null || asked < 0 ? 0 : Math.min(asked, 100_000);
        RejectionPage rejections = uploads.getSpendUploadRejections(uploadId, p, REJECTIONS_PAGE_SIZE);
        String anchorName = anchors.name(upload.getAnchor());
        return Templates.status(upload, anchorName, rejections, Pager.of(p, rejections.getTotal(),
                REJECTIONS_PAGE_SIZE, "/app/spend/uploads/" + uploadId));
    }
}
