package org.anchormarket.supplier.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.anchormarket.supplier.domain.Supplier;
import org.jboss.logging.Logger;

/**
 * Keeps stored classifications current: after start-up, every supplier classified with other rules or other reference
 * data (an older release, a newly imported ONS Postcode Directory) is classified again, one transaction each, so a
 * failure leaves the rest done and the next start carries on. It runs in the background, on one instance at a time
 * (a PostgreSQL advisory lock), and a failure is logged: it never stops the service from starting.
 */
@ApplicationScoped
public class SupplierReclassification {

    private static final Logger LOG = Logger.getLogger(SupplierReclassification.class);
    private static final int BATCH = 200;
    /** Advisory lock key shared by every instance of supplier-service. */
    private static final long LOCK = 0x5EC1A55L;

    private final SupplierEditing suppliers;
    private final SupplierClassifier classifier;
    private final AgroalDataSource dataSource;

    SupplierReclassification(SupplierEditing suppliers, SupplierClassifier classifier, AgroalDataSource dataSource) {
        this.suppliers = suppliers;
        this.classifier = classifier;
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent start) {
        CompletableFuture.runAsync(this::runLogged);
    }

    void runLogged() {
        try {
            runExclusively().filter(result -> result.checked() > 0).ifPresent(result -> LOG.infof(
                    "Classified %d suppliers again with %s: %d changed", result.checked(), classifier.basis(),
                    result.changed()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Classifying suppliers again failed; the service runs on, and the next start carries on");
        }
    }

    /**
     * {@link #run()} unless another instance is running it now (then empty). The lock is a transaction's
     * ({@code pg_try_advisory_xact_lock} on a connection of its own, held open for the run): whatever happens, the
     * transaction ends (rolled back here, or by the pool, or by the server when the connection dies) and the lock
     * with it, so no pooled connection is ever handed on holding it.
     */
    public Optional<Result> runExclusively() {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try {
                if (!advisory(lock, "select pg_try_advisory_xact_lock(?)")) {
                    LOG.info("Another instance is classifying suppliers again; this one leaves it to it");
                    return Optional.empty();
                }
                return Optional.of(run());
            } finally {
                lock.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the reclassification lock", e);
        }
    }

    private static boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    public record Result(int checked, int changed) {
    }

    /** Classifies again every supplier whose classification is out of date. */
    public Result run() {
        String basis = classifier.basis();
        int checked = 0;
        int changed = 0;
        UUID after = new UUID(0, 0); // the least uuid in PostgreSQL's (unsigned) order
        while (true) {
            UUID from = after;
            List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> Supplier.getEntityManager()
                    .createQuery("select s.id from Supplier s where s.classifiedWith <> :basis and s.erasedAt is null and s.id > :after "
                            + "order by s.id", UUID.class)
                    .setParameter("basis", basis).setParameter("after", from)
                    .setMaxResults(BATCH).getResultList());
            for (UUID id : ids) {
                checked++;
                try {
                    if (suppliers.reclassify(id)) {
                        changed++;
                    }
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Could not classify supplier %s again; the next start tries again", id);
                }
            }
            if (ids.size() < BATCH) {
                return new Result(checked, changed);
            }
            after = ids.get(ids.size() - 1);
        }
    }
}
