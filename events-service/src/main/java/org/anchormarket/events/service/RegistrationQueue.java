package org.anchormarket.events.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.chassis.security.Caller;
import org.anchormarket.events.domain.KnownSupplier;
import org.anchormarket.events.domain.Registration.Attendee;
import org.jboss.logging.Logger;

/**
 * Registrations for an event take turns in the order they arrive. Each event has a line; one drainer at a time takes
 * whoever is waiting in it (up to a batch) in one transaction holding the event's seats row, so a crowd of 1,000
 * costs a handful of commits, not 1,000 commits one after the other. Across instances of the service the seats row
 * still makes them take turns. Hand-written: a small group-commit queue (no library does this for JPA).
 */
@ApplicationScoped
public class RegistrationQueue {

    static final int BATCH = 100;
    /**
     * How long a request waits for its turn: then, if it is still in line, it leaves the line and is told that nothing
     * was stored (429). Under the gateway's read timeout (30 s), so the door never gives up on a request still queued.
     */
    static final long WAIT_SECONDS = 25;
    private static final Logger LOG = Logger.getLogger(RegistrationQueue.class);

    private final Registrations registrations;
    private final Map<UUID, Line> lines = new ConcurrentHashMap<>();
    private final ExecutorService drainers;

    RegistrationQueue(Registrations registrations) {
        this.registrations = registrations;
        AtomicInteger n = new AtomicInteger();
        this.drainers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "registration-drainer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private record Waiting(Registrations.Ticket ticket, CompletableFuture<Registrations.View> result) {
    }

    private static final class Line {
        final Queue<Waiting> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();
    }

    /** Registers the organisation's people for the event, in their turn; the answer once it is taken (or refused). */
    public Registrations.View register(UUID eventId, Caller caller, KnownSupplier organisation, List<Attendee> people) {
        Registrations.Ticket ticket = registrations.ticket(eventId, caller, organisation, people);
        registrations.requireEvent(eventId); // lines only for events that exist
        Waiting waiting = new Waiting(ticket, new CompletableFuture<>());
        Line line = lines.computeIfAbsent(eventId, id -> new Line());
        line.queue.add(waiting);
        schedule(eventId, line);
        try {
            try {
                return waiting.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                if (line.queue.remove(waiting)) { // never taken: nothing stored, and it will not be
                    throw new DomainException.TooMany("The event is very busy: your registration was not taken. "
                            + "Try again in a few seconds", java.time.Duration.ofSeconds(5));
                }
                // in the batch being taken now: its answer is moments away
                return waiting.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("A batch of registrations for event " + eventId + " is taking more than "
                    + (2 * WAIT_SECONDS) + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to register", e);
        }
    }

    private void schedule(UUID eventId, Line line) {
        if (line.draining.compareAndSet(false, true)) {
            drainers.execute(() -> drain(eventId, line));
        }
    }

    private void drain(UUID eventId, Line line) {
        try {
            List<Waiting> batch;
            while (!(batch = next(line)).isEmpty()) {
                take(eventId, batch);
            }
        } finally {
            line.draining.set(false);
            if (!line.queue.isEmpty()) {
                schedule(eventId, line); // one arrived as this drainer was leaving
            }
        }
    }

    private static List<Waiting> next(Line line) {
        List<Waiting> batch = new ArrayList<>();
        Waiting w;
        while (batch.size() < BATCH && (w = line.queue.poll()) != null) {
            batch.add(w);
        }
        return batch;
    }

    /** One transaction for the batch; should it fail as a whole, each ticket is tried alone, so none pays for another. */
    private void take(UUID eventId, List<Waiting> batch) {
        try {
            List<Registrations.Outcome> outcomes = registrations.take(eventId,
                    batch.stream().map(Waiting::ticket).toList());
            for (int i = 0; i < batch.size(); i++) {
                Registrations.Outcome outcome = outcomes.get(i);
                if (outcome.refusal() != null) {
                    batch.get(i).result().completeExceptionally(outcome.refusal());
                } else {
                    batch.get(i).result().complete(outcome.view());
                }
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1 || unreachable(e)) {
                // the database is not there: every ticket is told at once, none waits on a retry that would fail too
                batch.forEach(w -> w.result().completeExceptionally(e));
                return;
            }
            LOG.warnf("A batch of %d registrations for event %s failed (%s): taking each on its own", batch.size(),
                    eventId, e.toString());
            for (Waiting w : batch) {
                take(eventId, List.of(w));
            }
        }
    }

    /** A failure to reach the database (no connection), as opposed to one ticket breaking a rule of the schema. */
    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.net.ConnectException
                    || t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("Unable to acquire JDBC Connection")) {
                return true;
            }
        }
        return false;
    }

    @PreDestroy
    void stop() {
        drainers.shutdown();
    }
}
