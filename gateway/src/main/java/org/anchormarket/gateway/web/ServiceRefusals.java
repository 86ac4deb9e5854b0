package org.anchormarket.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns a service's error answer into a {@link ServiceRefusal} for the pages' REST clients: the problem details'
 * detail (else title) and field errors when the body is problem+json, the bare status otherwise.
 */
public class ServiceRefusals implements ResponseExceptionMapper<ServiceRefusal> {

    private static final Logger LOG = Logger.getLogger(ServiceRefusals.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A field as the forms name it. The services name a list entry's field after the list, its index last
     * ({@code lots.title[0]}, {@code cpvCodes.<list element>[2]}); the forms, as paths: {@code lots[0].title},
     * {@code cpvCodes[2]}.
     */
    static String fieldOf(String field) {
        String f = field.replace(".<list element>", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\w+)\\.([\\w.]+)\\[(\\d+)]$").matcher(f);
        return m.matches() ? m.group(1) + "[" + m.group(3) + "]." + m.group(2) : f;
    }

    @Override
    public ServiceRefusal toThrowable(Response response) {
        int status = response.getStatus();
        JsonNode problem = null;
        MediaType type = response.getMediaType();
        if (type != null && type.getSubtype().endsWith("json") && response.hasEntity()) {
            try {
                problem = JSON.readTree(response.readEntity(String.class));
            } catch (RuntimeException | java.io.IOException unreadable) {
                LOG.debugf("An unreadable problem (%d): %s", status, unreadable);
            }
        }
        String detail = problem == null ? null : text(problem, "detail", text(problem, "title", null));
        if (detail == null) {
            detail = switch (status) {
                case 401 -> "Your sign-in has ended. Sign in again.";
                case 403 -> "You do not have access to this.";
                case 404 -> "Not found.";
                case 503, 502, 504 -> "The service is not available at the moment. Try again shortly.";
                default -> "The service refused the request (" + status + ").";
            };
        }
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        if (problem != null) {
            for (JsonNode error : problem.path("errors")) {
                String field = text(error, "field", null);
                if (field != null) {
                    errors.add(new ServiceRefusal.FieldError(fieldOf(field), text(error, "reason", "is not valid")));
                }
            }
        }
        LOG.debugf("A service refused (%d): %s %s", status, detail, errors);
        return new ServiceRefusal(status, detail, errors);
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : otherwise;
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
