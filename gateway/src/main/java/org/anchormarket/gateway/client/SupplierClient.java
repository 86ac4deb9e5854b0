package org.anchormarket.gateway.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import org.anchormarket.contracts.supplier.api.SuppliersApi;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** supplier-service's API (the generated interface) called with the signed-in user's access token. */
@RegisterRestClient(configKey = "suppliers")
@AccessToken
public interface SupplierClient extends SuppliersApi {
}
