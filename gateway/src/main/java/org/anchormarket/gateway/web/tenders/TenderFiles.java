package org.anchormarket.gateway.web.tenders;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anchormarket.gateway.client.TendersClient;
import org.anchormarket.gateway.web.Area;
import org.anchormarket.gateway.web.FormValues;
import org.anchormarket.gateway.web.InArea;
import org.anchormarket.gateway.web.RefusedForm;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** A tender's documents from its page: anyone signed in downloads them, its buyer adds them. */
@Path("/app/tenders/{id}/documents")
public class TenderFiles {

    private final TendersClient tenders;
    private final TenderPage page;

    TenderFiles(@RestClient TendersClient tenders, TenderPage page) {
        this.tenders = tenders;
        this.page = page;
    }

    @GET
    @Path("{documentId}")
    @InArea(Area.OPPORTUNITIES)
    public Response download(@RestPath UUID id, @RestPath UUID documentId) {
        return Downloads.passOn(() -> tenders.downloadDocument(id, documentId));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @InArea(Area.TENDER_MANAGEMENT)
    public Response add(@RestPath UUID id, @RestForm("file") FileUpload file, @RestForm String reason) {
        RefusedForm typed = new RefusedForm("document", Map.of("reason", reason == null ? "" : reason),
                null);
        try {
            if (file == null || file.fileName() == null || file.fileName().isBlank()) {
                throw ServiceRefusal.ofFields(List.of(new ServiceRefusal.FieldError("file", "must be chosen")));
            }
            tenders.uploadDocument(id, file.fileName(), FormValues.text(reason),
                    Downloads.typeOf(file.fileName(), file.contentType()),
                    Files.readAllBytes(file.uploadedFile()));
            return Response.seeOther(URI.create("/app/tenders/" + id + "?notice=document")).build();
        } catch (ServiceRefusal refusal) {
            return page.refused(id, new RefusedForm(typed.form(), typed.values(), refusal.status() == 415
                    ? ServiceRefusal.ofFields(List.of(new ServiceRefusal.FieldError("file", "must be a PDF, Word, "
                            + "Excel, OpenDocument, text, CSV, PNG or JPEG file")))
                    : refusal.status() == 413 ? ServiceRefusal.ofFields(List.of(new ServiceRefusal.FieldError(
                            "file", "must be at most 10 MB"))) : renamed(refusal)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service names the file's contents {@code content}; the form calls it {@code file}. */
    static ServiceRefusal renamed(ServiceRefusal refusal) {
        if (!refusal.has("content") && !refusal.has("name")) {
            return refusal;
        }
        return new ServiceRefusal(refusal.status(), refusal.detail(), refusal.errors().stream()
                .map(e -> e.field().equals("content") || e.field().equals("name")
                        ? new ServiceRefusal.FieldError("file", e.field().equals("name") ? "must have a name"
                                : e.reason())
                        : e).toList());
    }
}
