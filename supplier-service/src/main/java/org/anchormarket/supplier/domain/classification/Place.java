package org.anchormarket.supplier.domain.classification;

/** Where one address is: its locality and, inside the borough, the town and (where known) the ward. */
public record Place(Locality locality, String town, String ward) {

    public static Place of(Locality locality) {
        return new Place(locality, null, null);
    }
}
