package org.anchormarket.gateway.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Path;
import org.anchormarket.contracts.tender.api.AnchorsApi;
import org.anchormarket.gateway.web.ServiceRefusals;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** tender-service's anchor institutions, called with the signed-in user's access token. */
@Path("/api/anchors")
@RegisterRestClient(configKey = "anchors")
@RegisterProvider(ServiceRefusals.class)
@AccessToken
public interface AnchorsClient extends AnchorsApi {
}
