package org.anchormarket.analytics.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.anchormarket.chassis.domain.DomainException;

/**
 * The local-spend figures leadership reports: over the payments of a period and a set of anchors, how much went to
 * Wigan-based suppliers, the rest of Greater Manchester, SMEs and VCFSE organisations, each payment counted as its
 * supplier was classified on the payment date.
 */
@ApplicationScoped
public class LocalSpendReports {

    /** The figures; money to the penny, the share a percentage to 0.1. */
    public record LocalSpend(LocalDate from, LocalDate to, List<String> anchors, BigDecimal totalSpend,
            BigDecimal inBoroughSpend, BigDecimal inBoroughShare, BigDecimal greaterManchesterSpend,
            BigDecimal smeSpend, BigDecimal vcfseSpend, long vcfseSuppliersPaid, long suppliersPaid,
            long localSuppliersPaid, BigDecimal unmatchedSpend, BigDecimal redactedSpend, BigDecimal committedSpend,
            long lines) {
    }

    private final DataSource db;

    LocalSpendReports(DataSource db) {
        this.db = db;
    }

    /** The earliest and latest dates a report's period may name (the period before is worked out from them). */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    /** A period a report can cover: {@code from} not after {@code to}, both between 1900 and 2999. */
    static void checkPeriod(LocalDate from, LocalDate to) {
        List<DomainException.Violation> outside = new java.util.ArrayList<>();
        if (from != null && (from.isBefore(EARLIEST) || from.isAfter(LATEST))) {
            outside.add(new DomainException.Violation("from", "must be between 1900-01-01 and 2999-12-31"));
        }
        if (to != null && (to.isBefore(EARLIEST) || to.isAfter(LATEST))) {
            outside.add(new DomainException.Violation("to", "must be between 1900-01-01 and 2999-12-31"));
        }
        if (!outside.isEmpty()) {
            throw new DomainException.Invalid("The request has invalid fields", outside);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainException.Invalid.field("to", "is before from");
        }
    }

    /** The anchors a caller's report covers: a buyer's own only; {@code anchors} empty means all. */
    static List<String> scope(SpendUploads.Caller caller, List<String> anchors) {
        List<String> asked = anchors == null ? List.of() : anchors.stream().distinct().toList();
        if (caller.everyAnchor()) {
            return asked;
        }
        if (caller.ownAnchor() == null) {
            throw new DomainException.NotAllowed("A buyer sees its own anchor's spend; none is set for this user");
        }
        if (asked.stream().anyMatch(a -> !a.equals(caller.ownAnchor()))) {
            throw new DomainException.NotAllowed("A buyer sees its own anchor's spend only (" + caller.ownAnchor()
                    + ")", "anchor", "names another anchor than the caller's");
        }
        return List.of(caller.ownAnchor());
    }

    /** A breakdown's dimensions: the key each payment falls under, and whether it is a time. */
    public enum Dimension {
        ANCHOR("anchor", false),
        LOCALITY("locality", false),
        TOWN("town", false),
        WARD("ward", false),
        SIZE_BAND("sizeBand", false),
        VCFSE("vcfse", false),
        CATEGORY("category", false),
        MONTH("month", true),
        QUARTER("quarter", true),
        FINANCIAL_YEAR("financialYear", true);

        private final String name;
        private final boolean time;

        Dimension(String name, boolean time) {
            this.name = name;
            this.time = time;
        }

        public String apiName() {
            return name;
        }

        /**
         * The key of a cube row's payments, made in {@code month}: a supplier dimension's value for matched payments,
         * UNMATCHED or WITHHELD for the others; a time's bucket.
         */
        String key(SpendCube.Row row, LocalDate month) {
            return switch (this) {
                case ANCHOR -> row.anchorId();
                case CATEGORY -> row.category();
                case MONTH -> month.toString().substring(0, 7);
                case QUARTER -> {
                    LocalDate fiscal = month.minusMonths(3);
                    yield fiscal.getYear() + "-Q" + ((fiscal.getMonthValue() - 1) / 3 + 1);
                }
                case FINANCIAL_YEAR -> String.valueOf(month.minusMonths(3).getYear());
                default -> row.withheld() ? "WITHHELD" : row.unmatched() ? "UNMATCHED" : switch (this) {
                    case LOCALITY -> known(row.locality());
                    case TOWN -> row.inBorough() ? known(row.town()) : "OUTSIDE_BOROUGH";
                    case WARD -> row.inBorough() ? known(row.ward()) : "OUTSIDE_BOROUGH";
                    case SIZE_BAND -> known(row.sizeBand());
                    default -> Boolean.TRUE.equals(row.vcfse()) ? "true" : "false"; // VCFSE
                };
            };
        }

        private static String known(String value) {
            return value == null ? "UNKNOWN" : value;
        }

        public static Dimension of(String name) {
            for (Dimension d : values()) {
                if (d.name.equals(name)) {
                    return d;
                }
            }
            throw DomainException.Invalid.field("dimension", "is not one of anchor, locality, town, ward, sizeBand, "
                    + "vcfse, category, month, quarter, financialYear");
        }
    }

    /** The sums and exact distinct counts over cube rows. */
    static final class Tally {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        BigDecimal inBorough = BigDecimal.ZERO.setScale(2);
        BigDecimal greaterManchester = BigDecimal.ZERO.setScale(2);
        BigDecimal sme = BigDecimal.ZERO.setScale(2);
        BigDecimal vcfse = BigDecimal.ZERO.setScale(2);
        BigDecimal unmatched = BigDecimal.ZERO.setScale(2);
        BigDecimal withheld = BigDecimal.ZERO.setScale(2);
        long lines;
        final org.roaringbitmap.RoaringBitmap suppliers = new org.roaringbitmap.RoaringBitmap();
        final org.roaringbitmap.RoaringBitmap payees = new org.roaringbitmap.RoaringBitmap();
        final org.roaringbitmap.RoaringBitmap vcfseSuppliers = new org.roaringbitmap.RoaringBitmap();
        final org.roaringbitmap.RoaringBitmap localSuppliers = new org.roaringbitmap.RoaringBitmap();

        void add(SpendCube.Row row) {
            total = total.add(row.amount());
            lines += row.lines();
            if (row.withheld()) {
                withheld = withheld.add(row.amount());
            } else if (row.unmatched()) {
                unmatched = unmatched.add(row.amount());
                payees.or(row.payees());
            } else {
                suppliers.or(row.suppliers());
                if (row.inBorough()) {
                    inBorough = inBorough.add(row.amount());
                    localSuppliers.or(row.suppliers());
                } else if ("GREATER_MANCHESTER".equals(row.locality())) {
                    greaterManchester = greaterManchester.add(row.amount());
                }
                if (Boolean.TRUE.equals(row.sme())) {
                    sme = sme.add(row.amount());
                }
                if (Boolean.TRUE.equals(row.vcfse())) {
                    vcfse = vcfse.add(row.amount());
                    vcfseSuppliers.or(row.suppliers());
                }
            }
        }

        /** Registered suppliers once each, and each payee not matched to one. */
        long suppliersPaid() {
            return suppliers.getLongCardinality() + payees.getLongCardinality();
        }

        Figures figures() {
            return new Figures(total, inBorough, share(inBorough, total), sme, vcfse, suppliersPaid(), lines);
        }
    }

    /** The cube rows of a period and anchors. */
    private List<SpendCube.Row> rows(LocalDate from, LocalDate to, List<String> anchors) {
        return rows(anchors, new LocalDate[] { from, to }).get(0);
    }

    /** The cube rows of each period ({@code from, to} pairs, in turn) of the anchors, all in one snapshot. */
    private List<List<SpendCube.Row>> rows(List<String> anchors, LocalDate[]... periods) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = SpendCube.oneSnapshot(db)) {
                List<List<SpendCube.Row>> each = new java.util.ArrayList<>();
                for (LocalDate[] period : periods) {
                    each.add(SpendCube.rows(c, period[0], period[1], anchors));
                }
                return each;
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** A breakdown's figures for one key and period. */
    public record Figures(BigDecimal totalSpend, BigDecimal inBoroughSpend, BigDecimal inBoroughShare,
            BigDecimal smeSpend, BigDecimal vcfseSpend, long suppliersPaid, long lines) {
    }

    public record Row(String key, String label, Figures current, Figures previous) {
    }

    private static final java.util.Map<String, String> WORDS = java.util.Map.ofEntries(
            java.util.Map.entry("IN_BOROUGH", "Wigan borough"),
            java.util.Map.entry("GREATER_MANCHESTER", "Rest of Greater Manchester"),
            java.util.Map.entry("NORTH_WEST", "Rest of the North West"),
            java.util.Map.entry("REST_OF_UK", "Rest of the UK"),
            java.util.Map.entry("OUTSIDE_UK", "Outside the UK"),
            java.util.Map.entry("UNMATCHED", "Not matched to a registered supplier"),
            java.util.Map.entry("WITHHELD", "Name withheld (personal data)"),
            java.util.Map.entry("OUTSIDE_BOROUGH", "Outside the borough"),
            java.util.Map.entry("UNKNOWN", "Not known"),
            java.util.Map.entry("MICRO", "Micro"), java.util.Map.entry("SMALL", "Small"),
            java.util.Map.entry("MEDIUM", "Medium"), java.util.Map.entry("LARGE", "Large"));

    /** A key in people's words: "Wigan borough", "2019/20 Q1", "June 2019", an anchor's name. */
    static String label(Dimension dimension, String key, java.util.Map<String, String> anchorNames) {
        String word = WORDS.get(key);
        if (word != null) {
            return word;
        }
        return switch (dimension) {
            case ANCHOR -> anchorNames.getOrDefault(key, key);
            case VCFSE -> "true".equals(key) ? "VCFSE organisations" : "Other suppliers";
            case CATEGORY -> key.isEmpty() ? "No category" : key;
            case MONTH -> java.time.YearMonth.parse(key).format(java.time.format.DateTimeFormatter.ofPattern(
                    "MMMM yyyy", java.util.Locale.UK));
            case QUARTER -> financialYear(key.substring(0, 4)) + " Q" + key.substring(6);
            case FINANCIAL_YEAR -> financialYear(key);
            default -> key;
        };
    }

    /** "2019" is the financial year April 2019 to March 2020: "2019/20". */
    private static String financialYear(String start) {
        int year = Integer.parseInt(start);
        return year + "/" + String.format("%02d", (year + 1) % 100);
    }

    public record Breakdown(Dimension dimension, LocalDate from, LocalDate to, LocalDate previousFrom,
            LocalDate previousTo, List<String> anchors, List<Row> rows) {
    }

    /**
     * The figures by {@code dimension}, for the period and the one before it: for time, the same bucket a year
     * earlier; otherwise the period of the same length just before (whole months shifted by months).
     */
    public Breakdown breakdown(SpendUploads.Caller caller, String dimensionName, LocalDate from, LocalDate to,
            List<String> anchors) {
        Dimension dimension = Dimension.of(dimensionName);
        checkPeriod(from, to);
        List<String> scope = scope(caller, anchors);
        boolean withPrevious = from != null && to != null;
        LocalDate previousFrom = null;
        LocalDate previousTo = null;
        if (withPrevious && dimension.time) {
            previousFrom = from.minusYears(1);
            previousTo = to.minusYears(1);
        } else if (withPrevious) {
            boolean wholeMonths = from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1;
            if (wholeMonths) {
                long months = java.time.temporal.ChronoUnit.MONTHS.between(from, to.plusDays(1));
                previousFrom = from.minusMonths(months);
                previousTo = from.minusDays(1);
            } else {
                long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
                previousFrom = from.minusDays(days);
                previousTo = from.minusDays(1);
            }
        }
        java.util.Map<String, Tally> current;
        java.util.Map<String, Tally> before;
        if (previousFrom == null) {
            current = tally(dimension, rows(from, to, scope), false);
            before = java.util.Map.of();
        } else {
            List<List<SpendCube.Row>> both = rows(scope, new LocalDate[] { from, to },
                    new LocalDate[] { previousFrom, previousTo });
            current = tally(dimension, both.get(0), false);
            before = tally(dimension, both.get(1), true);
        }
        java.util.Map<String, String> anchorNames = dimension == Dimension.ANCHOR ? anchorNames()
                : java.util.Map.of();
        Figures none = new Tally().figures();
        final LocalDate pFrom = previousFrom;
        List<Row> rows = current.entrySet().stream() // keys only the period before had are left out
                .map(e -> new Row(e.getKey(), label(dimension, e.getKey(), anchorNames), e.getValue().figures(),
                        pFrom == null ? null : before.containsKey(e.getKey()) ? before.get(e.getKey()).figures()
                                : none))
                .sorted(dimension.time ? java.util.Comparator.comparing(Row::key)
                        : java.util.Comparator.comparing((Row r) -> r.current().totalSpend()).reversed()
                                .thenComparing(Row::key))
                .toList();
        return new Breakdown(dimension, from, to, previousFrom, previousTo, scope, rows);
    }

    /** The rows tallied by their key; in the period before, a time key is the one a year on (June 2018 by June 2019). */
    private static java.util.Map<String, Tally> tally(Dimension dimension, List<SpendCube.Row> rows,
            boolean yearBefore) {
        java.util.Map<String, Tally> byKey = new java.util.HashMap<>();
        for (SpendCube.Row row : rows) {
            LocalDate month = yearBefore && dimension.time ? row.month().plusYears(1) : row.month();
            byKey.computeIfAbsent(dimension.key(row, month), k -> new Tally()).add(row);
        }
        return byKey;
    }

    private java.util.Map<String, String> anchorNames() {
        return QuarkusTransaction.requiringNew().call(() -> {
            java.util.Map<String, String> names = new java.util.HashMap<>();
            try (Connection c = db.getConnection();
                    PreparedStatement select = c.prepareStatement("select anchor_id, name from known_anchor");
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    names.put(row.getString(1), row.getString(2));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            return names;
        });
    }

    public LocalSpend localSpend(SpendUploads.Caller caller, LocalDate from, LocalDate to, List<String> anchors) {
        checkPeriod(from, to);
        List<String> scope = scope(caller, anchors);
        Tally all = new Tally();
        rows(from, to, scope).forEach(all::add);
        return new LocalSpend(from, to, scope, all.total, all.inBorough, share(all.inBorough, all.total),
                all.greaterManchester, all.sme, all.vcfse, all.vcfseSuppliers.getLongCardinality(),
                all.suppliersPaid(), all.localSuppliers.getLongCardinality(), all.unmatched, all.withheld,
                committed(from, to, scope), all.lines);
    }

    /**
     * Committed spend: the value of the contracts the anchors in scope awarded in the period (by award date, in
     * Europe/London), as tenders announced them. Kept apart from payments: it is never in the totals.
     */
    private BigDecimal committed(LocalDate from, LocalDate to, List<String> scope) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement("""
                    select coalesce(sum(value), 0) from awarded_contract
                    where (cardinality(?::text[]) = 0 or anchor_id = any(?))
                      and (?::date is null or (awarded_at at time zone 'Europe/London')::date >= ?)
                      and (?::date is null or (awarded_at at time zone 'Europe/London')::date <= ?)""")) {
                java.sql.Array anchors = c.createArrayOf("text", scope.toArray());
                q.setArray(1, anchors);
                q.setArray(2, anchors);
                q.setObject(3, from);
                q.setObject(4, from);
                q.setObject(5, to);
                q.setObject(6, to);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    return r.getBigDecimal(1).setScale(2);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** {@code part} as a percentage of {@code whole} to 0.1 (half up); 0 when nothing was paid. */
    static BigDecimal share(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }
}
