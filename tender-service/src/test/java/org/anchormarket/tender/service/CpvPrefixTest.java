package org.anchormarket.tender.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CpvPrefixTest {

    @Test
    void shouldFindAParentCodesChildrenByItsSignificantDigits() {
        assertEquals("45", Tenders.cpvPrefix("45000000"));
        assertEquals("452", Tenders.cpvPrefix("45200000-9"));
        assertEquals("4521", Tenders.cpvPrefix("45210000"));
        assertEquals("55520001", Tenders.cpvPrefix("55520001"));
        assertEquals("40", Tenders.cpvPrefix("40000000"));
        assertEquals("03", Tenders.cpvPrefix("03000000"));
        assertEquals("10", Tenders.cpvPrefix("10"));
    }
}
