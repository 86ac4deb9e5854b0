package org.anchormarket.tender.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private static Scoring.Entry bid(String price, String quality, String social, int second) {
        return new Scoring.Entry(UUID.randomUUID(), UUID.randomUUID(), new BigDecimal(price),
                quality == null ? null : new BigDecimal(quality), social == null ? null : new BigDecimal(social),
                Instant.parse("2027-01-01T12:00:00Z").plusSeconds(second));
    }

    @Test
    void shouldScorePriceAgainstTheLowestAndRankByWeightedTotal() {
        var cheap = bid("30000", "40", "40", 1);
        var third = bid("45000", "70", "70", 2);
        var ranked = Scoring.rank(List.of(cheap, third), 50, 40, 10);
        // cheap: 100 × 0.5 + 40 × 0.4 + 40 × 0.1 = 70; third: 30000/45000 × 100 = 66.666…, shown 66.67, and its
        // total from the unrounded score: 33.333… + 28 + 7 = 68.33 (68.34 from the rounded one)
        assertEquals(cheap, ranked.get(0).entry());
        assertEquals(new BigDecimal("100.00"), ranked.get(0).priceScore());
        assertEquals(new BigDecimal("70.00"), ranked.get(0).total());
        assertEquals(third, ranked.get(1).entry());
        assertEquals(new BigDecimal("66.67"), ranked.get(1).priceScore());
        assertEquals(new BigDecimal("68.33"), ranked.get(1).total());
        assertEquals(1, ranked.get(0).rank());
        assertEquals(2, ranked.get(1).rank());
    }

    @Test
    void shouldBreakTiesByPriceThenByWhoBidFirstAndRankNothingUntilAllAreScored() {
        var a = bid("100", "50", "50", 2);
        var b = bid("100", "50", "50", 1);
        var ranked = Scoring.rank(List.of(a, b), 60, 30, 10);
        assertEquals(List.of(b, a), ranked.stream().map(Scoring.Ranked::entry).toList());
        var unscored = bid("90", null, null, 0);
        var partial = Scoring.rank(List.of(a, unscored), 60, 30, 10);
        assertNull(partial.get(0).rank());
        assertNull(partial.get(1).total());
        assertEquals(unscored, partial.get(1).entry());
        assertEquals(List.of(), Scoring.rank(List.of(), 60, 30, 10));
    }
}
