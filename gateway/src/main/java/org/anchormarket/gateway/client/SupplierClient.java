package org.anchormarket.gateway.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.anchormarket.contracts.supplier.api.SuppliersApi;
import org.anchormarket.contracts.supplier.model.Supplier;
import org.anchormarket.gateway.web.ServiceRefusals;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * supplier-service's API (the generated interface) called with the signed-in user's access token; its refusals
 * arrive as {@link org.anchormarket.gateway.web.ServiceRefusal}s.
 */
@Path("/api/suppliers") // as SuppliersApi's: an interface that adds methods does not inherit its parent's
@RegisterRestClient(configKey = "suppliers")
@RegisterProvider(ServiceRefusals.class)
@AccessToken
public interface SupplierClient extends SuppliersApi {

    /** {@code getMySupplier} with its ETag (for the profile form's If-Match). */
    @GET
    @Path("/me")
    @Produces("application/json")
    RestResponse<Supplier> getMySupplierTagged();
}
