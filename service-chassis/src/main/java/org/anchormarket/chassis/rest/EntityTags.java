package org.anchormarket.chassis.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.OptionalLong;
import org.anchormarket.chassis.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Optimistic concurrency over HTTP for resources with typed returns: {@link #tag(long)} puts the entity's version
 * in the response's {@code ETag}; {@link #expectedVersion(String)} reads an {@code If-Match} header back.
 */
@RequestScoped
public class EntityTags {

    private Long version;

    /** The response carries {@code ETag: "version"}. */
    public void tag(long version) {
        this.version = version;
    }

    Long version() {
        return version;
    }

    /**
     * The version an {@code If-Match} names: empty for none or {@code *} (any version); 400 for a header that is
     * not one of our ETags.
     */
    public static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return OptionalLong.of(Long.parseLong(tag.substring(1, tag.length() - 1)));
            } catch (NumberFormatException e) {
                // below
            }
        }
        throw ProblemException.invalid("If-Match", "is not an ETag this API gave out (such as \"3\")");
    }

    /** Adds the ETag to a successful response. */
    public static class Filter {

        private final EntityTags tags;

        Filter(EntityTags tags) {
            this.tags = tags;
        }

        @ServerResponseFilter
        public void apply(ContainerResponseContext response) {
            // Through the method: a field read on the request-scoped bean's client proxy would see the proxy's own.
            Long version = tags.version();
            if (version != null && response.getStatus() / 100 == 2) {
                response.getHeaders().putSingle(HttpHeaders.ETAG, "\"" + version + "\"");
            }
        }
    }
}
