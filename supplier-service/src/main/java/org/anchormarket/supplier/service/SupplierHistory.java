package org.anchormarket.supplier.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anchormarket.supplier.domain.Supplier;
import org.anchormarket.supplier.domain.SupplierChange;

/** Every change to a supplier, kept: who, when, each field before and after. */
@ApplicationScoped
public class SupplierHistory {

    /** Records the fields that differ between {@code before} and {@code after}. */
    void record(Supplier s, String by, Instant at, Map<String, Object> before, Map<String, Object> after) {
        List<Map<String, Object>> changes = new java.util.ArrayList<>();
        for (String field : SupplierProfiles.changedFields(before, after)) {
            Map<String, Object> change = new java.util.LinkedHashMap<>();
            change.put("field", field);
            if (before.get(field) != null) {
                change.put("from", before.get(field));
            }
            if (after.get(field) != null) {
                change.put("to", after.get(field));
            }
            changes.add(change);
        }
        SupplierChange change = new SupplierChange();
        change.supplierId = s.id;
        change.changedBy = by;
        change.changedAt = at;
        change.changes = changes;
        change.persist();
    }

    /** Keeps a new member (a user who accepted an invitation) in the organisation's history. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void memberJoined(Supplier s, String subject, Instant at) {
        record(s, subject, at, Map.of(), Map.of("member", subject));
    }

    /** Who may see the history: the organisation's members and admins. */
    public List<SupplierChange> of(UUID id, String subject, boolean admin) {
        Supplier.forCaller(id, subject, admin);
        return SupplierChange.of(id);
    }
}
