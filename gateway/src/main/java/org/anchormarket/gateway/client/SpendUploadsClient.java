package org.anchormarket.gateway.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Path;
import org.anchormarket.contracts.analytics.api.SpendApi;
import org.anchormarket.gateway.web.ServiceRefusals;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** spend-analytics-service's uploads, called with the signed-in user's access token. */
@Path("/api/spend/uploads")
@RegisterRestClient(configKey = "analytics")
@RegisterProvider(ServiceRefusals.class)
@AccessToken
public interface SpendUploadsClient extends SpendApi {
}
