package org.anchormarket.tender.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Closes tenders at their deadline, on a schedule (tender.close-interval), and announces each one. */
@ApplicationScoped
public class TenderCloser {

    private static final Logger LOG = Logger.getLogger(TenderCloser.class);

    private final Tenders tenders;

    TenderCloser(Tenders tenders) {
        this.tenders = tenders;
    }

    @Scheduled(every = "${tender.close-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void closeDue() {
        try {
            int closed;
            do {
                closed = tenders.closeDue();
                if (closed > 0) {
                    LOG.infof("Closed %d tender(s) at their deadline", closed);
                }
            } while (closed == 100);
        } catch (RuntimeException e) {
            LOG.warnf("Closing tenders at their deadline failed (tried again at the next run): %s", e.toString());
        }
    }
}
