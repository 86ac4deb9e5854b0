package org.anchormarket.chassis.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Lets a resource that implements a generated interface (typed return, no {@code Response}) answer
 * {@code 201 Created} with a {@code Location}: call {@link #at(URI)} and return the entity as usual.
 */
@RequestScoped
public class Created {

    private URI location;

    public void at(URI location) {
        this.location = location;
    }

    URI location() {
        return location;
    }

    /** Turns a successful response of a request that created something into 201 with its Location. */
    public static class Filter {

        private final Created created;

        Filter(Created created) {
            this.created = created;
        }

        @ServerResponseFilter
        public void apply(ContainerResponseContext response) {
            URI location = created.location();
            if (location != null && response.getStatus() == Response.Status.OK.getStatusCode()) {
                response.setStatus(Response.Status.CREATED.getStatusCode());
                response.getHeaders().putSingle(HttpHeaders.LOCATION, location.toString());
            }
        }
    }
}
