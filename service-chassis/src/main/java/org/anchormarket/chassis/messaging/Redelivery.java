package org.anchormarket.chassis.messaging;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * How every consumer processes a message: a passing failure (database down, a timeout, a lock conflict) is tried
 * again with exponential back-off, without limit, and the consumer does not move past the message meanwhile; only a
 * {@link PoisonMessageException} ends the tries (as does a database data exception, SQLSTATE class 22, which the
 * same message would raise every time), and the message then goes to the dead-letter topic. Retries are counted in
 * the Fault Tolerance metrics ({@code ft_retry_retries_total}). An {@link Error} from the JVM or the deployment
 * (memory ran out, a class would not load or initialise) is not the message's fault, so it is tried again like any
 * passing failure (a bad release thus stalls its consumers, with back-off, rather than dead-lettering a whole topic);
 * any other Error (a failed assertion, a stack overflow on this message's data) is a defect the same message meets
 * again: the message goes to the dead-letter topic with the error as its reason, to be replayed once fixed.
 * Call it from the {@code @Incoming} method with the transactional work: each try is its own transaction.
 */
@ApplicationScoped
public class Redelivery {

    @Retry(maxRetries = -1, maxDuration = 0, delay = 100, delayUnit = ChronoUnit.MILLIS, jitter = 50,
            abortOn = PoisonMessageException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    public void process(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            String state = sqlState(e);
            if (state != null && state.startsWith("22")) {
                // A data exception (value too long, out of range, invalid text): the same data fails every time.
                throw new PoisonMessageException("The database refuses the message's data (SQLSTATE " + state + "): "
                        + rootMessage(e), e);
            }
            throw e;
        } catch (StackOverflowError e) {
            throw new PoisonMessageException("Our code failed on this message (" + e + "); replay it once fixed", e);
        } catch (VirtualMachineError | LinkageError | java.util.ServiceConfigurationError e) {
            throw new PassingError(e);
        } catch (Error e) {
            throw new PoisonMessageException("Our code failed on this message (" + e + "); replay it once fixed", e);
        }
    }

    /**
     * The JVM or the deployment failed, not the message (memory ran out, a class would not load): tried again like
     * any passing failure. Made without a stack trace, which memory may not allow.
     */
    static final class PassingError extends RuntimeException {
        PassingError(Error cause) {
            super("the JVM or the deployment failed (" + cause.getClass().getSimpleName() + "): tried again", cause,
                    false, false);
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
