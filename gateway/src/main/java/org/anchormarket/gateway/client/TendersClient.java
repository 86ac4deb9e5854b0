package org.anchormarket.gateway.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.anchormarket.contracts.tender.api.BidsApi;
import org.anchormarket.contracts.tender.api.DocumentsApi;
import org.anchormarket.contracts.tender.api.EvaluationApi;
import org.anchormarket.contracts.tender.api.PipelineApi;
import org.anchormarket.contracts.tender.api.TendersApi;
import org.anchormarket.contracts.tender.model.Attachment;
import org.anchormarket.contracts.tender.model.Document;
import org.anchormarket.gateway.web.ServiceRefusals;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * tender-service's tenders, bids, evaluation, pipeline, notifications and files (the generated interfaces; questions:
 * {@link ClarificationsClient}), called
 * with the signed-in user's access token; its refusals arrive as {@link org.anchormarket.gateway.web.ServiceRefusal}s.
 */
@Path("")
@RegisterRestClient(configKey = "tenders")
@RegisterProvider(ServiceRefusals.class)
@AccessToken
public interface TendersClient extends TendersApi, BidsApi, EvaluationApi, PipelineApi, DocumentsApi {

    /** {@code addTenderDocument} with the file's own type (the generated method sends the first type it lists). */
    @POST
    @Path("/api/tenders/{id}/documents")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    Document uploadDocument(@PathParam("id") UUID id, @QueryParam("name") String name,
            @QueryParam("reason") String reason, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body);

    /** {@code addBidAttachment} with the file's own type. */
    @POST
    @Path("/api/tenders/{id}/lots/{lotId}/bids/mine/attachments")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    Attachment uploadAttachment(@PathParam("id") UUID id, @PathParam("lotId") UUID lotId,
            @QueryParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body);

    /** {@code getTenderDocument} as the service answered it (its type and download name), to pass on. */
    @GET
    @Path("/api/tenders/{id}/documents/{documentId}")
    Response downloadDocument(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId);

    @GET
    @Path("/api/tenders/{id}/lots/{lotId}/bids/mine/attachments/{attachmentId}")
    Response downloadMyAttachment(@PathParam("id") UUID id, @PathParam("lotId") UUID lotId,
            @PathParam("attachmentId") UUID attachmentId);

    @GET
    @Path("/api/tenders/{id}/lots/{lotId}/bids/{bidId}/attachments/{attachmentId}")
    Response downloadBidAttachment(@PathParam("id") UUID id, @PathParam("lotId") UUID lotId,
            @PathParam("bidId") UUID bidId, @PathParam("attachmentId") UUID attachmentId);
}
