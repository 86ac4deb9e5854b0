package org.anchormarket.events.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.anchormarket.events.domain.Event;
import org.anchormarket.events.domain.Registration;
import org.jboss.logging.Logger;

/**
 * Once a training session is over, each organisation whose people checked in (and were not marked no-shows)
 * completed it: TrainingCompleted, once each, on a schedule (events.completions-interval).
 */
@ApplicationScoped
public class Completions {

    private static final Logger LOG = Logger.getLogger(Completions.class);
    private static final int BATCH = 20;

    private final EntityManager em;
    private final Registrations registrations;
    private final Clock clock;

    Completions(EntityManager em, Registrations registrations, Clock clock) {
        this.em = em;
        this.registrations = registrations;
        this.clock = clock;
    }

    @Scheduled(every = "${events.completions-interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void recordDue() {
        try {
            int done;
            do {
                done = recordBatch();
            } while (done == BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("Recording training completions failed (tried again at the next run): %s", e.toString());
        }
    }

    /** Records the completions of up to a batch of sessions that have ended; returns how many sessions. */
    @Transactional
    public int recordBatch() {
        Instant now = now();
        @SuppressWarnings("unchecked")
        List<Event> due = em.createNativeQuery("""
                select * from event where kind = 'TRAINING' and completions_recorded_at is null and ends_at <= ?1
                order by ends_at limit ?2 for update skip locked""", Event.class)
                .setParameter(1, now).setParameter(2, BATCH).getResultList();
        for (Event event : due) {
            if (!event.cancelled()) {
                for (Registration r : Registration.<Registration>list(
                        "eventId = ?1 and status = ?2 and attendance = ?3 and completedAt is null", event.id,
                        Registration.Status.CONFIRMED, Registration.Attendance.ATTENDED)) {
                    registrations.complete(event, r);
                }
            }
            event.completionsRecordedAt = now;
        }
        if (!due.isEmpty()) {
            LOG.infof("Recorded the completions of %d training session(s)", due.size());
        }
        return due.size();
    }

    /** Now, to the microsecond PostgreSQL keeps: what is answered is what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
