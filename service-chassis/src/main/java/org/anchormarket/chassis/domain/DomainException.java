package org.anchormarket.chassis.domain;

/**
 * A business rule refused something, said in the domain's words; the REST edge (the chassis' problem mappers) turns
 * each kind into its HTTP status. The domain never names a status code.
 */
public abstract class DomainException extends RuntimeException {

    private final String field;

    protected DomainException(String message, String field) {
        super(message);
        this.field = field;
    }

    /** The field the refusal is about, if one. */
    public String field() {
        return field;
    }

    /** There is no such thing, or none the caller may know of (the same answer, so ids cannot be probed). */
    public static final class NotFound extends DomainException {
        public NotFound(String what) {
            super(what + " does not exist", null);
        }
    }
}
