package org.anchormarket.chassis.problem;

import java.util.List;

/** A business rule refused the request: the mapper turns it into problem details with this status. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final java.time.Duration retryAfter;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        this(status, title, detail, errors, null);
    }

    private ProblemException(int status, String title, String detail, List<Problem.FieldError> errors,
            java.time.Duration retryAfter) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    /** 429, with a Retry-After. */
    public static ProblemException tooManyRequests(String detail, java.time.Duration retryAfter) {
        return new ProblemException(429, "Too Many Requests", detail, List.of(), retryAfter);
    }

    /** How long the client should wait before trying again (429, 503), if said. */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not Found", what + " does not exist", List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of());
    }

    public static ProblemException conflict(String detail, String field) {
        return new ProblemException(409, "Conflict", detail, List.of(new Problem.FieldError(field, detail)));
    }

    public static ProblemException invalid(String field, String reason) {
        return new ProblemException(400, "Invalid request", "The request has invalid fields",
                List.of(new Problem.FieldError(field, reason)));
    }

    /**
     * A parameter's value refused by a converter that was not told the parameter's name (Quarkus REST gives converters
     * the implementing method's annotations, and the generated interface holds the @QueryParam): the mapper names it
     * by finding the request's parameter that holds {@code value}.
     */
    public static final class UnnamedParameter extends ProblemException {
        private final String value;

        public UnnamedParameter(String value, String reason) {
            super(400, "Invalid request", "The request has invalid fields",
                    List.of(new Problem.FieldError("parameters", reason)));
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
