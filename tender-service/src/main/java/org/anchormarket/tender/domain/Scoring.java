package org.anchormarket.tender.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The evaluation's arithmetic: the price score is the lowest price ÷ the bid's price × 100; the total is the weighted
 * sum of the price, quality and social value scores (weights in percent). Bids rank by total, then by price, then by
 * who bid first. Scores are shown to two places; totals are computed from the unrounded price score.
 */
public final class Scoring {

    private Scoring() {
    }

    public record Entry(UUID bidId, UUID supplierId, BigDecimal price, BigDecimal quality, BigDecimal socialValue,
            Instant submittedAt) {
    }

    /** A bid's evaluation; {@code total} is null until it is scored, {@code rank} until every bid is. */
    public record Ranked(Entry entry, BigDecimal priceScore, BigDecimal total, Integer rank) {
    }

    public static List<Ranked> rank(List<Entry> bids, int weightPrice, int weightQuality, int weightSocialValue) {
        if (bids.isEmpty()) {
            return List.of();
        }
        BigDecimal lowest = bids.stream().map(Entry::price).min(Comparator.naturalOrder()).orElseThrow();
        boolean complete = bids.stream().allMatch(b -> b.quality() != null && b.socialValue() != null);
        List<Ranked> ranked = new ArrayList<>();
        for (Entry b : bids) {
            BigDecimal priceScore = lowest.multiply(BigDecimal.valueOf(100)).divide(b.price(), 10, RoundingMode.HALF_UP);
            BigDecimal total = null;
            if (b.quality() != null && b.socialValue() != null) {
                total = priceScore.multiply(BigDecimal.valueOf(weightPrice))
                        .add(b.quality().multiply(BigDecimal.valueOf(weightQuality)))
                        .add(b.socialValue().multiply(BigDecimal.valueOf(weightSocialValue)))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            }
            ranked.add(new Ranked(b, priceScore.setScale(2, RoundingMode.HALF_UP), total, null));
        }
        Comparator<Ranked> order = Comparator
                .comparing((Ranked r) -> r.total() == null ? BigDecimal.valueOf(-1) : r.total()).reversed()
                .thenComparing(r -> r.entry().price())
                .thenComparing(r -> r.entry().submittedAt())
                .thenComparing(r -> r.entry().bidId());
        ranked.sort(order);
        if (!complete) {
            return List.copyOf(ranked);
        }
        List<Ranked> withRanks = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Ranked r = ranked.get(i);
            withRanks.add(new Ranked(r.entry(), r.priceScore(), r.total(), i + 1));
        }
        return List.copyOf(withRanks);
    }
}
