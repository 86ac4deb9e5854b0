package org.anchormarket.chassis.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A business rule refused something, said in the domain's words; the REST edge (the chassis' problem mappers) turns
 * each kind into its HTTP status. The domain and the services never name a status code.
 */
public abstract sealed class DomainException extends RuntimeException {

    private final List<Violation> violations;

    private DomainException(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    /** The fields the refusal is about, and why (none when it is about the request as a whole). */
    public List<Violation> violations() {
        return violations;
    }

    /** The first field the refusal is about, if one. */
    public String field() {
        return violations.isEmpty() ? null : violations.get(0).field();
    }

    private static List<Violation> about(String field, String message) {
        return field == null ? List.of() : List.of(new Violation(field, message));
    }

    /** Input that breaks a rule: each field and why. */
    public static final class Invalid extends DomainException {
        public Invalid(String message, List<Violation> violations) {
            super(message, violations);
        }

        /** One field is wrong. */
        public static Invalid field(String field, String reason) {
            return new Invalid("The request has invalid fields", List.of(new Violation(field, reason)));
        }
    }

    /** There is no such thing, or none the caller may know of (the same answer, so ids cannot be probed). */
    public static final class NotFound extends DomainException {
        public NotFound(String what) {
            super(what + " does not exist", List.of());
        }

        private NotFound(String message, List<Violation> violations) {
            super(message, violations);
        }

        /** Nothing matches what the caller gave in {@code field}. */
        public static NotFound matching(String message, String field, String reason) {
            return new NotFound(message, List.of(new Violation(field, reason)));
        }
    }

    /** It clashes with what is there: a duplicate, a state that does not allow it. */
    public static final class Conflict extends DomainException {
        public Conflict(String message, String field) {
            super(message, about(field, message));
        }
    }

    /** This caller may not do this, whatever the input. */
    public static final class NotAllowed extends DomainException {
        public NotAllowed(String message) {
            super(message, List.of());
        }

        public NotAllowed(String message, String field, String reason) {
            super(message, List.of(new Violation(field, reason)));
        }
    }

    /** It was there and is no longer (expired, erased): asking again will not help. */
    public static final class Gone extends DomainException {
        public Gone(String message, String field, String reason) {
            super(message, List.of(new Violation(field, reason)));
        }
    }

    /** Content of a kind not taken (a file's type): 415. */
    public static final class Unsupported extends DomainException {
        public Unsupported(String message, String field) {
            super(message, about(field, message));
        }
    }

    /** Content larger than taken (a file): 413. */
    public static final class TooLarge extends DomainException {
        public TooLarge(String message) {
            super(message, List.of());
        }
    }

    /** The caller changed a version it read, and it has changed since. */
    public static final class Stale extends DomainException {
        public Stale(String message) {
            super(message, List.of());
        }

        /** Refuses when the caller said which version it read ({@code expected}) and {@code actual} is another. */
        public static void unlessCurrent(java.util.OptionalLong expected, long actual, String what) {
            if (expected.isPresent() && expected.getAsLong() != actual) {
                throw new Stale(what + " was changed since you read it (your If-Match is \"" + expected.getAsLong()
                        + "\", it is now \"" + actual + "\"): read it again");
            }
        }
    }

    /** Too many of these too soon; it may be tried again after {@link #retryAfter()}. */
    public static final class TooMany extends DomainException {
        private final Duration retryAfter;

        public TooMany(String message, Duration retryAfter) {
            super(message, List.of());
            this.retryAfter = retryAfter;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** A field and why it was refused. */
    public record Violation(String field, String reason) {
    }
}
