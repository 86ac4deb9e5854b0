package org.anchormarket.supplier.domain.classification;

import java.math.BigDecimal;

/**
 * Organisation size by the UK public-procurement SME definition (Procurement Act 2023 guidance, following the EU
 * recommendation 2003/361): headcount, and turnover or balance-sheet total.
 * <ul>
 * <li>micro: fewer than 10 staff and turnover or balance sheet ≤ £2m</li>
 * <li>small: fewer than 50 staff and turnover or balance sheet ≤ £10m</li>
 * <li>medium: fewer than 250 staff and turnover ≤ £44m or balance sheet ≤ £38m</li>
 * <li>large: anything else. SMEs are micro, small and medium.</li>
 * </ul>
 */
public enum SizeBand {
    MICRO,
    SMALL,
    MEDIUM,
    LARGE;

    private static final BigDecimal TWO_MILLION = new BigDecimal("2000000");
    private static final BigDecimal TEN_MILLION = new BigDecimal("10000000");
    private static final BigDecimal MEDIUM_TURNOVER = new BigDecimal("44000000");
    private static final BigDecimal MEDIUM_BALANCE_SHEET = new BigDecimal("38000000");

    /** Classifies; {@code balanceSheetTotal} may be null (then only turnover counts). */
    public static SizeBand of(int employees, BigDecimal annualTurnover, BigDecimal balanceSheetTotal) {
        if (employees < 10 && withinEither(annualTurnover, TWO_MILLION, balanceSheetTotal, TWO_MILLION)) {
            return MICRO;
        }
        if (employees < 50 && withinEither(annualTurnover, TEN_MILLION, balanceSheetTotal, TEN_MILLION)) {
            return SMALL;
        }
        if (employees < 250 && withinEither(annualTurnover, MEDIUM_TURNOVER, balanceSheetTotal, MEDIUM_BALANCE_SHEET)) {
            return MEDIUM;
        }
        return LARGE;
    }

    public boolean isSme() {
        return this != LARGE;
    }

    private static boolean withinEither(BigDecimal turnover, BigDecimal turnoverCeiling, BigDecimal balanceSheet,
            BigDecimal balanceSheetCeiling) {
        return turnover.compareTo(turnoverCeiling) <= 0
                || balanceSheet != null && balanceSheet.compareTo(balanceSheetCeiling) <= 0;
    }
}
