package org.anchormarket.chassis.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Lets a resource that implements a generated interface (typed return, no {@code Response}) answer
 * {@code 201 Created} with a {@code Location}: call {@link #at(URI)} and return the entity as usual; or
 * {@code 202 Accepted} for work that goes on after the answer: call {@link #acceptedAt(URI)}.
 */
@RequestScoped
public class Created {

    private URI location;
    private Response.Status status = Response.Status.CREATED;

    public void at(URI location) {
        this.location = location;
        this.status = Response.Status.CREATED;
    }

    /** The request was accepted and its work goes on; {@code location} tells how it goes. */
    public void acceptedAt(URI location) {
        this.location = location;
        this.status = Response.Status.ACCEPTED;
    }

    URI location() {
        return location;
    }

    Response.Status status() {
        return status;
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
                response.setStatus(created.status().getStatusCode());
                response.getHeaders().putSingle(HttpHeaders.LOCATION, location.toString());
            }
        }
    }
}
