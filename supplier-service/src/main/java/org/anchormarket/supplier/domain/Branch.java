package org.anchormarket.supplier.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A trading branch with its own postcode. */
@Embeddable
public class Branch {

    @Column(nullable = false)
    public String postcode;

    @Column(name = "address_lines", nullable = false)
    public String addressLines = "";

    public Branch() {
    }

    public Branch(String postcode, String addressLines) {
        this.postcode = postcode;
        this.addressLines = addressLines == null ? "" : addressLines;
    }
}
