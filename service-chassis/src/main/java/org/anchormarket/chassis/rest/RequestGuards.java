package org.anchormarket.chassis.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anchormarket.chassis.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refusals that come before a request reaches any resource, each a problem+json naming what is wrong:
 * a NUL character in the path or a query parameter (PostgreSQL cannot store it), a body without a Content-Type or
 * of a type our APIs do not read (415). (A body too large: {@link BodyLimit}.)
 */
public class RequestGuards {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
    /**
     * What our APIs read. (Quarkus REST alone reads an {@code application/octet-stream} body, or one without a
     * Content-Type, as JSON.)
     */
    private static final List<String> BODY_TYPES = List.of("application/json", "text/csv");

    private final ObjectMapper json;
    private final List<String> fileTypes;

    /** {@code anchor.http.file-types}: the file types a service also takes as bodies (tender documents). */
    RequestGuards(ObjectMapper json,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "anchor.http.file-types")
            java.util.Optional<List<String>> fileTypes) {
        this.json = json;
        this.fileTypes = fileTypes.orElse(List.of()).stream().map(t -> t.strip().toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    @ServerRequestFilter(preMatching = true)
    public Response guard(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.indexOf('\u0000') >= 0) {
            return problem(400, "Invalid request", path, "path", "must not contain the NUL character");
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getKey().indexOf('\u0000') >= 0
                    || parameter.getValue().stream().anyMatch(v -> v.indexOf('\u0000') >= 0)) {
                return problem(400, "Invalid request", path, parameter.getKey().replace("\u0000", ""),
                        "must not contain the NUL character");
            }
        }
        if (WITH_BODY.contains(request.getMethod())) {
            long length = contentLength(request);
            boolean body = length > 0 || request.getHeaderString("Transfer-Encoding") != null;
            String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
            if (body && (contentType == null || !taken(contentType))) {
                return problem(415, "Unsupported Media Type", path, "Content-Type",
                        (contentType == null ? "is required" : "is " + contentType + "; it must be")
                                + (fileTypes.isEmpty() ? " application/json (text/csv for imports)"
                                        : " application/json, or for a file one of " + String.join(", ", fileTypes)));
            }
        }
        return null;
    }

    private boolean taken(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return BODY_TYPES.contains(type) || fileTypes.contains(type);
    }

    private static long contentLength(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Response problem(int status, String title, String path, String field, String reason) {
        Problem problem = new Problem("about:blank", title, status, "The request was refused", path,
                List.of(new Problem.FieldError(field, reason)));
        try {
            return Response.status(status).type(Problem.MEDIA_TYPE).entity(json.writeValueAsString(problem)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
