package org.anchormarket.chassis.messaging;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * How every consumer processes a message: a passing failure (database down, a timeout, a lock conflict) is tried
 * again with exponential back-off, without limit, and the consumer does not move past the message meanwhile; only a
 * {@link PoisonMessageException} ends the tries, and the message then goes to the dead-letter topic.
 * Call it from the {@code @Incoming} method with the transactional work: each try is its own transaction.
 */
@ApplicationScoped
public class Redelivery {

    @Retry(maxRetries = -1, maxDuration = 0, delay = 100, delayUnit = ChronoUnit.MILLIS, jitter = 50,
            abortOn = PoisonMessageException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    public void process(Runnable work) {
        work.run();
    }
}
