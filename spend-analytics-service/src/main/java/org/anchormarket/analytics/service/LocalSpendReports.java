package org.anchormarket.analytics.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
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

    /**
     * Each payment in scope with its payee's supplier and the classification that supplier had on the payment date:
     * the newest from before the end of that day, else (paid before it registered) the earliest known.
     */
    private static final String CLASSIFIED = """
            with scoped as (
                select l.anchor_id, l.category, l.amount, l.payment_date, l.payee_key, p.supplier_id
                from spend_line l left join payee p on p.payee_key = l.payee_key
                where l.payment_date >= ? and l.payment_date <= ?
                  and (cardinality(?::text[]) = 0 or l.anchor_id = any(?))
            ), classified as (
                select s.*, c.locality, c.town, c.ward, c.size_band, c.sme, c.vcfse
                from scoped s left join lateral (
                    select c.locality, c.town, c.ward, c.size_band, c.sme, c.vcfse from supplier_classification c
                    where c.supplier_id = s.supplier_id
                    order by c.valid_from < (s.payment_date + 1)::timestamp at time zone 'Europe/London' desc,
                             case when c.valid_from < (s.payment_date + 1)::timestamp at time zone 'Europe/London'
                                  then c.valid_from end desc nulls last,
                             c.valid_from
                    limit 1) c on s.supplier_id is not null
            )
            """;

    private static final String REPORT = CLASSIFIED + """
            select coalesce(sum(amount), 0),
                   coalesce(sum(amount) filter (where locality = 'IN_BOROUGH'), 0),
                   coalesce(sum(amount) filter (where locality = 'GREATER_MANCHESTER'), 0),
                   coalesce(sum(amount) filter (where sme), 0),
                   coalesce(sum(amount) filter (where vcfse), 0),
                   count(distinct supplier_id) filter (where vcfse),
                   count(distinct supplier_id) + count(distinct payee_key) filter (where supplier_id is null),
                   count(distinct supplier_id) filter (where locality = 'IN_BOROUGH'),
                   coalesce(sum(amount) filter (where payee_key is not null and supplier_id is null), 0),
                   coalesce(sum(amount) filter (where payee_key is null), 0),
                   count(*)
            from classified""";

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
        ANCHOR("anchor", "anchor_id", false),
        LOCALITY("locality", SUPPLIER_KEY.formatted("locality"), false),
        TOWN("town", SUPPLIER_KEY.formatted(
                "case when locality = 'IN_BOROUGH' then coalesce(town, 'UNKNOWN') else 'OUTSIDE_BOROUGH' end"), false),
        WARD("ward", SUPPLIER_KEY.formatted(
                "case when locality = 'IN_BOROUGH' then coalesce(ward, 'UNKNOWN') else 'OUTSIDE_BOROUGH' end"), false),
        SIZE_BAND("sizeBand", SUPPLIER_KEY.formatted("size_band"), false),
        VCFSE("vcfse", SUPPLIER_KEY.formatted("case when vcfse then 'true' else 'false' end"), false),
        CATEGORY("category", "coalesce(category, '')", false),
        MONTH("month", "to_char(%s, 'YYYY-MM')", true),
        QUARTER("quarter", "to_char(%1$s - interval '3 months', 'YYYY') || '-Q' || to_char(%1$s - interval '3 months', 'Q')",
                true),
        FINANCIAL_YEAR("financialYear", "to_char(%s - interval '3 months', 'YYYY')", true);

        private final String name;
        private final String key;
        private final boolean time;

        Dimension(String name, String key, boolean time) {
            this.name = name;
            this.key = key;
            this.time = time;
        }

        public String apiName() {
            return name;
        }

        /** The SQL of the key, for payments dated {@code date} (an SQL expression). */
        String key(String date) {
            return time ? key.formatted(date) : key;
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

    /** A supplier dimension's key: its value for matched payments, UNMATCHED or WITHHELD for the others. */
    private static final String SUPPLIER_KEY = "case when payee_key is null then 'WITHHELD' "
            + "when supplier_id is null then 'UNMATCHED' else %s end";

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
        // Each payment counts in the period, the period before, or both (a period over a year, by time); in the
        // period before, a time key is the one a year on (June 2018 is beside June 2019)
        String key = dimension.time ? "case when period.is_current then " + dimension.key("payment_date") + " else "
                + dimension.key("(payment_date + interval '1 year')") + " end" : dimension.key("payment_date");
        String sql = CLASSIFIED + """
                select k, is_current,
                       coalesce(sum(amount), 0),
                       coalesce(sum(amount) filter (where locality = 'IN_BOROUGH'), 0),
                       coalesce(sum(amount) filter (where sme), 0),
                       coalesce(sum(amount) filter (where vcfse), 0),
                       count(distinct supplier_id) + count(distinct payee_key) filter (where supplier_id is null),
                       count(*)
                from (select classified.*, period.is_current, %s as k
                      from classified cross join (values (true), (false)) as period(is_current)
                      where (period.is_current and payment_date >= ?::date and payment_date <= ?::date)
                         or (not period.is_current and payment_date >= ?::date and payment_date <= ?::date)) keyed
                group by 1, 2""".formatted(key);
        final LocalDate pFrom = previousFrom;
        final LocalDate pTo = previousTo;
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = db.getConnection(); PreparedStatement report = c.prepareStatement(sql)) {
                java.sql.Array array = c.createArrayOf("text", scope.toArray());
                LocalDate start = from == null ? LocalDate.of(1900, 1, 1) : from;
                LocalDate end = to == null ? LocalDate.of(9999, 12, 31) : to;
                int i = 1;
                report.setDate(i++, Date.valueOf(pFrom != null && pFrom.isBefore(start) ? pFrom : start));
                report.setDate(i++, Date.valueOf(end));
                report.setArray(i++, array);
                report.setArray(i++, array);
                report.setDate(i++, Date.valueOf(start));
                report.setDate(i++, Date.valueOf(end));
                // No period before: a range nothing is in
                report.setDate(i++, Date.valueOf(pFrom != null ? pFrom : LocalDate.of(9999, 12, 31)));
                report.setDate(i++, Date.valueOf(pTo != null ? pTo : LocalDate.of(1900, 1, 1)));
                java.util.Map<String, Figures[]> byKey = new java.util.LinkedHashMap<>();
                try (ResultSet row = report.executeQuery()) {
                    while (row.next()) {
                        BigDecimal total = money(row, 3);
                        BigDecimal inBorough = money(row, 4);
                        Figures figures = new Figures(total, inBorough, share(inBorough, total), money(row, 5),
                                money(row, 6), row.getLong(7), row.getLong(8));
                        Figures[] pair = byKey.computeIfAbsent(row.getString(1), k -> new Figures[2]);
                        pair[row.getBoolean(2) ? 0 : 1] = figures;
                    }
                }
                Figures none = new Figures(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                        BigDecimal.ZERO.setScale(1), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), 0, 0);
                java.util.Map<String, String> anchorNames = new java.util.HashMap<>();
                if (dimension == Dimension.ANCHOR) {
                    try (PreparedStatement names = c.prepareStatement("select anchor_id, name from known_anchor");
                            ResultSet row = names.executeQuery()) {
                        while (row.next()) {
                            anchorNames.put(row.getString(1), row.getString(2));
                        }
                    }
                }
                List<Row> rows = byKey.entrySet().stream()
                        .filter(e -> e.getValue()[0] != null) // keys only the period before had are left out
                        .map(e -> new Row(e.getKey(), label(dimension, e.getKey(), anchorNames), e.getValue()[0],
                                pFrom == null ? null : e.getValue()[1] == null ? none : e.getValue()[1]))
                        .sorted(dimension.time ? java.util.Comparator.comparing(Row::key)
                                : java.util.Comparator.comparing((Row r) -> r.current().totalSpend()).reversed()
                                        .thenComparing(Row::key))
                        .toList();
                return new Breakdown(dimension, from, to, pFrom, pTo, scope, rows);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    public LocalSpend localSpend(SpendUploads.Caller caller, LocalDate from, LocalDate to, List<String> anchors) {
        checkPeriod(from, to);
        List<String> scope = scope(caller, anchors);
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = db.getConnection(); PreparedStatement report = c.prepareStatement(REPORT)) {
                report.setDate(1, Date.valueOf(from == null ? LocalDate.of(1900, 1, 1) : from));
                report.setDate(2, Date.valueOf(to == null ? LocalDate.of(9999, 12, 31) : to));
                java.sql.Array array = c.createArrayOf("text", scope.toArray());
                report.setArray(3, array);
                report.setArray(4, array);
                try (ResultSet row = report.executeQuery()) {
                    row.next();
                    BigDecimal total = money(row, 1);
                    BigDecimal inBorough = money(row, 2);
                    return new LocalSpend(from, to, scope, total, inBorough, share(inBorough, total), money(row, 3),
                            money(row, 4), money(row, 5), row.getLong(6), row.getLong(7), row.getLong(8),
                            money(row, 9), money(row, 10), BigDecimal.ZERO.setScale(2), row.getLong(11));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    private static BigDecimal money(ResultSet row, int column) throws SQLException {
        return row.getBigDecimal(column).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** {@code part} as a percentage of {@code whole} to 0.1 (half up); 0 when nothing was paid. */
    static BigDecimal share(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }
}
