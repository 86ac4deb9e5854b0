package org.anchormarket.chassis.messaging;

/**
 * A message that can never be processed, however often it is tried (not a CloudEvent, unreadable, not valid for its
 * schema). It goes to the dead-letter topic with this reason; every other failure is retried and holds the
 * partition until it succeeds.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String reason) {
        super(reason);
    }

    public PoisonMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
