package org.anchormarket.chassis.testapp;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.anchormarket.chassis.domain.DomainException;

/** Endpoints that fail the ways a service can, for the problem mappers' tests. */
@Path("/test")
@PermitAll
public class TestResource {

    private final Checked checked;
    private final org.anchormarket.chassis.outbox.Outbox outbox;

    TestResource(Checked checked, org.anchormarket.chassis.outbox.Outbox outbox) {
        this.checked = checked;
        this.outbox = outbox;
    }

    /** A change published through the outbox, as a service's request would. */
    @jakarta.ws.rs.POST
    @Path("/publish/{key}")
    @jakarta.transaction.Transactional
    public String publish(@jakarta.ws.rs.PathParam("key") String key) {
        return outbox.publish(TestData.TOPIC, key, TestData.TYPE, new TestData(key, 1L, "traced")).toString();
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

    /** What a generated API model looks like: required fields, numbers, a flag, a date, a list. */
    public record Input(@NotNull String name, @NotNull Integer count, java.math.BigDecimal share, Boolean flag,
            java.time.OffsetDateTime when, java.util.List<String> tags) {
    }

    @jakarta.ws.rs.POST
    @Path("/echo")
    @jakarta.ws.rs.Consumes("application/json")
    @jakarta.ws.rs.Produces("application/json")
    public Input echo(@Valid @NotNull Input input) {
        return input;
    }

    @GET
    @Path("/flag")
    public String flag(@QueryParam("flag") Boolean flag, @QueryParam("q") String q) {
        return flag + " " + q;
    }

    @GET
    @Path("/on")
    public String on(@QueryParam("day") java.time.LocalDate day) {
        return String.valueOf(day);
    }

    @GET
    @Path("/items/{id}")
    public String item(@jakarta.ws.rs.PathParam("id") java.util.UUID id) {
        return id.toString();
    }

    /** Each of the domain's refusals, as a service would throw it. */
    @GET
    @Path("/refusals/{kind}")
    public String refusal(@jakarta.ws.rs.PathParam("kind") String kind) {
        throw switch (kind) {
            case "invalid" -> DomainException.Invalid.field("size", "must be at most 3");
            case "not-allowed" -> new DomainException.NotAllowed("Not yours");
            case "not-found" -> new DomainException.NotFound("Thing 7");
            case "conflict" -> new DomainException.Conflict("Name taken", "name");
            case "gone" -> new DomainException.Gone("Expired", "code", "has expired");
            case "stale" -> new DomainException.Stale("Changed since");
            case "too-many" -> new DomainException.TooMany("Slow down", java.time.Duration.ofMinutes(2));
            default -> new IllegalArgumentException(kind);
        };
    }

    /** A bean whose method constraints our own code breaks. */
    @ApplicationScoped
    public static class Checked {
        public String call(@Valid @NotNull String value) {
            return value;
        }
    }
}
