package org.anchormarket.tender.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.anchormarket.tender.domain.AuditEntry;

/** Writes the audit log in the caller's transaction: an entry exists if, and only if, the change committed. */
@ApplicationScoped
public class Audit {

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID tenderId, Instant at, String actor, String action, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.tenderId = tenderId;
        entry.at = at;
        entry.actor = actor;
        entry.action = action;
        entry.detail = detail;
        entry.persist();
    }
}
