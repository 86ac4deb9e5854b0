package org.anchormarket.gateway.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.anchormarket.contracts.analytics.api.ReportsApi;
import org.anchormarket.gateway.web.ServiceRefusals;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** spend-analytics-service's reports, called with the signed-in user's access token; and each as CSV. */
@Path("/api/reports")
@RegisterRestClient(configKey = "analytics")
@RegisterProvider(ServiceRefusals.class)
@AccessToken
public interface SpendReportsClient extends ReportsApi {

    /** A report ({@code local-spend}, {@code top-suppliers}, {@code leakage}, {@code funnel}) as CSV. */
    @GET
    @Path("/{report}")
    @Produces("text/csv")
    String csv(@PathParam("report") String report, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("anchor") List<String> anchor, @QueryParam("limit") Integer limit);

    /** A breakdown ({@code local-spend/by/{dimension}}) as CSV: its own method, since a path parameter's slashes
     * would be sent encoded. */
    @GET
    @Path("/local-spend/by/{dimension}")
    @Produces("text/csv")
    String csvBreakdown(@PathParam("dimension") String dimension, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("anchor") List<String> anchor);
}
