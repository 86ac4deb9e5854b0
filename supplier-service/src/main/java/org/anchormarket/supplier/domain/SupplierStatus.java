package org.anchormarket.supplier.domain;

/** Verification status: every new registration waits for an admin. */
public enum SupplierStatus {
    PENDING,
    VERIFIED,
    REJECTED
}
