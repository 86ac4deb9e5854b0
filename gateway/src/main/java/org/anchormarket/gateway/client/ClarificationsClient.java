package org.anchormarket.gateway.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Path;
import org.anchormarket.contracts.tender.api.ClarificationsApi;
import org.anchormarket.gateway.web.ServiceRefusals;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * tender-service's clarification questions. A client of its own: the generated interface's paths are under its
 * class-level {@code /api/tenders/{id}/questions}, which {@link TendersClient}'s empty path would drop.
 */
@Path("/api/tenders/{id}/questions")
@RegisterRestClient(configKey = "tenders")
@RegisterProvider(ServiceRefusals.class)
@AccessToken
public interface ClarificationsClient extends ClarificationsApi {
}
