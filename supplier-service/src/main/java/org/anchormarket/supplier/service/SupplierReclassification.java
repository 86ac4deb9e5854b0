package org.anchormarket.supplier.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import org.anchormarket.supplier.domain.Supplier;
import org.jboss.logging.Logger;

/**
 * Keeps stored classifications current: at start-up, every supplier classified with other rules or other reference
 * data (an older release, a newly imported ONS Postcode Directory) is classified again, one transaction each, so a
 * failure leaves the rest done and the next start carries on.
 */
@ApplicationScoped
public class SupplierReclassification {

    private static final Logger LOG = Logger.getLogger(SupplierReclassification.class);
    private static final int BATCH = 200;

    private final SupplierService suppliers;
    private final SupplierClassifier classifier;

    SupplierReclassification(SupplierService suppliers, SupplierClassifier classifier) {
        this.suppliers = suppliers;
        this.classifier = classifier;
    }

    void onStart(@Observes StartupEvent start) {
        Result result = run();
        if (result.checked() > 0) {
            LOG.infof("Classified %d suppliers again with %s: %d changed", result.checked(), classifier.basis(),
                    result.changed());
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
                if (suppliers.reclassify(id)) {
                    changed++;
                }
            }
            if (ids.size() < BATCH) {
                return new Result(checked, changed);
            }
            after = ids.get(ids.size() - 1);
        }
    }
}
