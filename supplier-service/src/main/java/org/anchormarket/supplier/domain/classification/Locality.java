package org.anchormarket.supplier.domain.classification;

/** How local a supplier is to Wigan borough, nearest first. */
public enum Locality {
    IN_BOROUGH,
    GREATER_MANCHESTER,
    NORTH_WEST,
    REST_OF_UK,
    OUTSIDE_UK
}
