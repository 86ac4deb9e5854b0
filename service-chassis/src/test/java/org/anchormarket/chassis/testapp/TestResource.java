package org.anchormarket.chassis.testapp;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** Endpoints that fail the ways a service can, for the problem mappers' tests. */
@Path("/test")
@PermitAll
public class TestResource {

    private final Checked checked;

    TestResource(Checked checked) {
        this.checked = checked;
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internals: password=hunter2");
    }

    @GET
    @Path("/limit")
    public String limit(@QueryParam("n") @Max(10) Integer n) {
        return "ok " + n;
    }

    @GET
    @Path("/server-side-violation")
    public String serverSideViolation() {
        return checked.call(null);
    }

    /** A bean whose method constraints our own code breaks. */
    @ApplicationScoped
    public static class Checked {
        public String call(@Valid @NotNull String value) {
            return value;
        }
    }
}
