package org.anchormarket.chassis.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import org.anchormarket.chassis.json.StrictJson;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.anchormarket.chassis.domain.DomainException;
import java.util.stream.Collectors;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.persistence.OptimisticLockException;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every refusal as RFC 9457 problem details (application/problem+json): bean-validation failures and unreadable
 * JSON name each field and the reason; business refusals carry their own status.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ObjectMapper json;

    ProblemMappers(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The request's own fields broke the API's constraints: 400, naming each. A constraint our own code broke on the
     * server (a service method's arguments, a return value) is our fault: 500.
     */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        boolean requestFields = e instanceof ResteasyReactiveViolationException && e.getConstraintViolations().stream()
                .noneMatch(v -> v.getPropertyPath().toString().contains("<return value>"));
        if (!requestFields) {
            return unexpected(e, uri);
        }
        // One reason per field, the most basic first: missing, then size, then form.
        java.util.Map<String, ConstraintViolation<?>> byField = new java.util.TreeMap<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            byField.merge(fieldName(v), v, (a, b) -> rank(a) <= rank(b) ? a : b);
        }
        List<Problem.FieldError> errors = byField.entrySet().stream()
                .map(entry -> new Problem.FieldError(entry.getKey(), message(entry.getValue())))
                .toList();
        return problem(400, "Invalid request", "The request has invalid fields", uri, errors);
    }

    @ServerExceptionMapper
    public Response unreadable(MismatchedInputException e, UriInfo uri) {
        String field = path(e);
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (field.isEmpty() && message.startsWith("Trailing token")) {
            return problem(400, "Invalid request", "The request body is not valid JSON", uri,
                    List.of(new Problem.FieldError("body", "has more after the JSON value")));
        }
        return problem(400, "Invalid request", "The request body does not match the API", uri,
                List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, reason(e))));
    }

    /** Why a value could not be read, in words for the client: never Jackson's message, which names internals. */
    private static String reason(MismatchedInputException e) {
        if (e instanceof StrictJson.RefusedValue refused) {
            return refused.getOriginalMessage();
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        Class<?> type = e.getTargetType();
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .filter(v -> !v.equals("unknown_default_open_api")).collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == java.math.BigInteger.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be text";
        }
        if (type == java.util.UUID.class) {
            return "must be a UUID";
        }
        if (type == java.time.OffsetDateTime.class || type == java.time.Instant.class) {
            return "must be a date and time such as 2026-11-23T10:00:00Z";
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date such as 2026-11-23";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be an object";
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        if (e instanceof MismatchedInputException m) {
            return unreadable(m, uri);
        }
        if (e instanceof JsonMappingException m && !path(m).isEmpty()) {
            return problem(400, "Invalid request", "The request body does not match the API", uri,
                    List.of(new Problem.FieldError(path(m), "has a value that cannot be read")));
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        java.util.regex.Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.find()) {
            return problem(400, "Invalid request", "The request body is not valid JSON", uri,
                    List.of(new Problem.FieldError(duplicate.group(1), "appears more than once")));
        }
        com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column "
                + at.getColumnNr() + ")";
        return problem(400, "Invalid request", "The request body is not valid JSON", uri,
                List.of(new Problem.FieldError("body", "is not valid JSON" + where)));
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile(
            "Duplicate (?:field|Object property) '([^']*)'");

    @ServerExceptionMapper
    public Response refused(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = builder(e.status(), e.title(), e.getMessage(), uri, e.errors());
        e.retryAfter().ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER, Math.max(1, wait.toSeconds())));
        return response.build();
    }

    /** The refusal naming the query or path parameter that holds the refused value (when one alone does). */
    private static ProblemException named(ProblemException.UnnamedParameter e, UriInfo uri) {
        List<String> holders = new java.util.ArrayList<>();
        uri.getQueryParameters().forEach((k, v) -> {
            if (v.contains(e.value())) {
                holders.add(k);
            }
        });
        uri.getPathParameters().forEach((k, v) -> {
            if (v.contains(e.value())) {
                holders.add(k);
            }
        });
        return holders.size() == 1 ? ProblemException.invalid(holders.get(0), e.errors().get(0).reason()) : e;
    }

    /** The domain's refusals, each to its status. */
    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        int status = statusOf(e);
        List<Problem.FieldError> errors = e.violations().stream()
                .map(v -> new Problem.FieldError(v.field(), v.reason())).toList();
        String title = status == 400 ? "Invalid request" : Response.Status.fromStatusCode(status).getReasonPhrase();
        Response.ResponseBuilder response = builder(status, title, e.getMessage(), uri, errors);
        if (e instanceof DomainException.TooMany tooMany) {
            tooMany.retryAfter().ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER,
                    Math.max(1, wait.toSeconds())));
        }
        return response.build();
    }

    private static int statusOf(DomainException e) {
        if (e instanceof DomainException.Invalid) {
            return 400;
        } else if (e instanceof DomainException.NotAllowed) {
            return 403;
        } else if (e instanceof DomainException.NotFound) {
            return 404;
        } else if (e instanceof DomainException.Gone) {
            return 410;
        } else if (e instanceof DomainException.Stale) {
            return 412;
        } else if (e instanceof DomainException.TooMany) {
            return 429;
        } else if (e instanceof DomainException.Unsupported) {
            return 415;
        } else if (e instanceof DomainException.TooLarge) {
            return 413;
        }
        return 409; // Conflict
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "Forbidden", "Your role does not allow this", uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ProblemException.UnnamedParameter unnamed) {
                return refused(named(unnamed, uri), uri); // a converter refused a value, its parameter unnamed
            }
            if (t instanceof ProblemException refusal) {
                return refused(refusal, uri); // a parameter converter refused a value (StrictParameters)
            }
        }
        Response response = e.getResponse();
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return malformed(jpe, uri);
        }
        if (response.getStatus() == 404 && e.getCause() instanceof IllegalArgumentException conversion
                && !uri.getMatchedResources().isEmpty()) {
            return unconvertibleParameter(conversion, uri);
        }
        Response.StatusType status = response.getStatusInfo();
        String allow = response.getHeaderString(HttpHeaders.ALLOW);
        Response.ResponseBuilder problem = builder(status.getStatusCode(), status.getReasonPhrase(),
                e.getMessage(), uri, List.of());
        return (allow == null ? problem : problem.header(HttpHeaders.ALLOW, allow)).build();
    }

    /**
     * Anything not mapped above: a concurrent change of the same record (optimistic lock) is a 409 the client can
     * act on; the rest is our fault, a 500 with an error id that is also in the log, and never a stack trace.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return problem(409, "Conflict", "Someone else changed this meanwhile: read it again and retry",
                        uri, List.of());
            }
            if (t instanceof ProblemException refusal) {
                return refused(refusal, uri);
            }
            if (t instanceof DomainException refusal) {
                return domain(refusal, uri);
            }
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Error id %s: %s %s failed", errorId, uri.getPath(), e.getClass().getName());
        Problem problem = new Problem("about:blank", "Internal Server Error", 500,
                "Something went wrong on our side; quote error id " + errorId + " if you report it", uri.getPath(),
                List.of(), errorId);
        return entity(Response.status(500), problem).build();
    }

    /**
     * JAX-RS answers 404 when a query or path parameter cannot be converted (say an unknown enum value); the
     * resource exists, so the request is at fault: 400, naming the parameter whose value was refused.
     */
    private Response unconvertibleParameter(IllegalArgumentException conversion, UriInfo uri) {
        String message = conversion.getMessage() == null ? "has a value that cannot be read" : conversion.getMessage();
        String field = uri.getQueryParameters().entrySet().stream()
                .filter(param -> param.getValue().stream().anyMatch(v -> !v.isEmpty() && message.contains(v)))
                .map(java.util.Map.Entry::getKey)
                .findFirst().orElse("parameters");
        return problem(400, "Invalid request", "A parameter has a value the API does not accept", uri,
                List.of(new Problem.FieldError(field, message)));
    }

    private Response problem(int status, String title, String detail, UriInfo uri,
            List<Problem.FieldError> errors) {
        return builder(status, title, detail, uri, errors).build();
    }

    private Response.ResponseBuilder builder(int status, String title, String detail, UriInfo uri,
            List<Problem.FieldError> errors) {
        return entity(Response.status(status), new Problem("about:blank", title, status, detail, uri.getPath(),
                errors));
    }

    private Response.ResponseBuilder entity(Response.ResponseBuilder builder, Problem problem) {
        try {
            return builder.entity(json.writeValueAsString(problem)).type(Problem.MEDIA_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int rank(ConstraintViolation<?> violation) {
        Object constraint = violation.getConstraintDescriptor().getAnnotation();
        return constraint instanceof jakarta.validation.constraints.NotNull ? 0
                : constraint instanceof jakarta.validation.constraints.Size ? 1 : 2;
    }

    /** Bean Validation's message, except that a missing required value "is required". */
    private static String message(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.NotNull
                ? "is required" : violation.getMessage();
    }

    /** {@code register.arg0.legalName} → {@code legalName}; a query parameter keeps its own name. */
    public static String fieldName(ConstraintViolation<?> violation) {
        List<String> afterParameter = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                afterParameter.clear();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                String name = node.getName() == null ? "" : node.getName();
                if (node.getIndex() != null) {
                    name = name + "[" + node.getIndex() + "]";
                } else if (node.getKey() != null) {
                    name = name + "[" + node.getKey() + "]";
                }
                afterParameter.add(name);
            }
        }
        if (!afterParameter.isEmpty()) {
            return afterParameter.stream().filter(s -> !s.isEmpty()).collect(Collectors.joining("."));
        }
        return parameter != null ? parameter : violation.getPropertyPath().toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
