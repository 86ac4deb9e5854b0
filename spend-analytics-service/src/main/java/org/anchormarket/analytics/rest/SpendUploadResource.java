package org.anchormarket.analytics.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.UriInfo;
import java.io.File;
import java.util.List;
import java.util.UUID;
import org.anchormarket.analytics.mapping.UploadMapper;
import org.anchormarket.analytics.service.SpendUploads;
import org.anchormarket.chassis.rest.Created;
import org.anchormarket.contracts.analytics.api.SpendApi;
import org.anchormarket.contracts.analytics.model.RejectionPage;
import org.anchormarket.contracts.analytics.model.SpendUpload;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Thin: the spec (contracts/analytics) is the source of this API. */
public class SpendUploadResource implements SpendApi {

    private final SpendUploads uploads;
    private final UriInfo uri;
    private final Created created;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    SpendUploadResource(SpendUploads uploads, UriInfo uri, Created created, SecurityIdentity identity,
            JsonWebToken token) {
        this.uploads = uploads;
        this.uri = uri;
        this.created = created;
        this.identity = identity;
        this.token = token;
    }

    @Override
    @RolesAllowed({ "admin", "leadership", "buyer" })
    public SpendUpload uploadSpend(String anchor, File body, List<String> column) {
        var upload = uploads.accept(caller(), anchor, column, body.toPath());
        created.acceptedAt(uri.getBaseUriBuilder().path("api/spend/uploads/{id}").build(upload.uploadId));
        return UploadMapper.toApi(upload);
    }

    @Override
    @RolesAllowed({ "admin", "leadership", "buyer" })
    public SpendUpload getSpendUpload(UUID uploadId) {
        return UploadMapper.toApi(uploads.find(caller(), uploadId));
    }

    @Override
    @RolesAllowed({ "admin", "leadership", "buyer" })
    public RejectionPage getSpendUploadRejections(UUID uploadId, Integer page, Integer pageSize) {
        return UploadMapper.toApi(uploads.rejections(caller(), uploadId, page, pageSize));
    }

    private SpendUploads.Caller caller() {
        return Callers.of(identity, token);
    }
}
