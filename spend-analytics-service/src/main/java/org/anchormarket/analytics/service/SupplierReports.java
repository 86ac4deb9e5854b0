package org.anchormarket.analytics.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.anchormarket.chassis.domain.DomainException;

/** Who is paid: the top suppliers, where spend leaves the borough though local suppliers could take it, the funnel. */
@ApplicationScoped
public class SupplierReports {

    public record Scope(LocalDate from, LocalDate to, List<String> anchors) {
    }

    public record Top(String name, UUID supplierId, String payeeKey, String locality, String localityLabel,
            String town, String sizeBand, Boolean vcfse, BigDecimal amount, BigDecimal share, long lines) {
    }

    public record TopSuppliers(Scope scope, BigDecimal totalSpend, List<Top> items) {
    }

    public record Lead(UUID supplierId, String name, String town, List<String> cpvCodes) {
    }

    public record LeakingCategory(String category, BigDecimal totalSpend, BigDecimal matchedSpend,
            BigDecimal leavingSpend, BigDecimal leavingShare, List<String> cpvDivisions, List<Lead> leads) {
    }

    public record Leakage(Scope scope, List<LeakingCategory> items) {
    }

    /**
     * A funnel stage; {@code organisations} null while the stage is not counted yet. {@code attended}: how many of its
     * organisations came to an event of the anchors in scope in the period (the attendees followed through).
     */
    public record Stage(String stage, String label, boolean available, Long organisations, Long local, Long vcfse,
            Long attended) {
    }

    public record Funnel(Scope scope, List<Stage> stages) {
    }

    /** A supplier's classification now (parameter: the supplier id column). */
    private static final String NOW = """
            left join lateral (select c.locality, c.town, c.size_band, c.vcfse from supplier_classification c
                               where c.supplier_id = %s order by c.valid_from desc limit 1) c on true""";

    private final DataSource db;

    SupplierReports(DataSource db) {
        this.db = db;
    }

    private static Scope scope(SpendUploads.Caller caller, LocalDate from, LocalDate to, List<String> anchors) {
        LocalSpendReports.checkPeriod(from, to);
        return new Scope(from, to, LocalSpendReports.scope(caller, anchors));
    }

    /** The {@code limit} suppliers paid most: registered ones once each, payees not matched by name. */
    public TopSuppliers top(SpendUploads.Caller caller, int limit, LocalDate from, LocalDate to,
            List<String> anchors) {
        Scope scope = scope(caller, from, to, anchors);
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = SpendCube.oneSnapshot(db);
                    PreparedStatement top = c.prepareStatement("""
                            with dirty as (
                                select distinct anchor_id, month from spend_cube_dirty
                                where month >= ? and month <= ? and %1$s
                            ), parts as (
                                select payee_key, amount, lines from spend_payee_total
                                where ? and cardinality(?::text[]) > 0 and anchor_id = any(?)
                                union all
                                select payee_key, amount, lines from spend_payee_total_all
                                where ? and cardinality(?::text[]) = 0
                                union all
                                select payee_key, amount, lines from spend_payee_year
                                where financial_year >= ? and financial_year <= ? and cardinality(?::text[]) > 0
                                  and anchor_id = any(?)
                                union all
                                select payee_key, amount, lines from spend_payee_year_all
                                where financial_year >= ? and financial_year <= ? and cardinality(?::text[]) = 0
                                union all
                                select payee_key, amount, lines from spend_payee_month
                                where (month >= ? and month <= ? or month >= ? and month <= ?) and %1$s
                                union all
                                select payee_key, amount, 1 from spend_line
                                where payee_key is not null and %1$s
                                  and (payment_date >= ? and payment_date <= ? or payment_date >= ? and payment_date <= ?)
                                union all
                                -- slices marked since the worker last summed them: their month rows out, their lines in
                                select m.payee_key, -m.amount, -m.lines from dirty d
                                join spend_payee_month m on m.anchor_id = d.anchor_id and m.month = d.month
                                union all
                                select l.payee_key, l.amount, 1 from dirty d
                                join spend_line l on l.anchor_id = d.anchor_id and l.payment_date >= d.month
                                                 and l.payment_date < (d.month + interval '1 month')::date
                                where l.payee_key is not null
                            ), payees as (
                                select payee_key, sum(amount) as amount, sum(lines) as lines from parts
                                group by 1 having sum(lines) <> 0
                            ), top as (
                                select p.supplier_id, case when p.supplier_id is null then x.payee_key end as payee_key,
                                       sum(x.amount) as amount, sum(x.lines) as lines
                                from payees x join payee p on p.payee_key = x.payee_key
                                group by 1, 2 order by 3 desc, 1, 2 limit ?)
                            select t.supplier_id, t.payee_key, coalesce(s.legal_name, py.display_name), c.locality,
                                   c.town, c.size_band, c.vcfse, t.amount, t.lines
                            from top t left join known_supplier s on s.supplier_id = t.supplier_id
                            left join payee py on py.payee_key = t.payee_key
                            %2$s
                            order by t.amount desc, 1, 2""".formatted(
                            "(cardinality(?::text[]) = 0 or anchor_id = any(?))", NOW.formatted("t.supplier_id")))) {
                BigDecimal all = BigDecimal.ZERO.setScale(2);
                for (SpendCube.Row row : SpendCube.rows(c, scope.from(), scope.to(), scope.anchors())) {
                    all = all.add(row.amount());
                }
                PayeeSums parts = PayeeSums.of(scope.from(), scope.to());
                Array anchorsIn = c.createArrayOf("text", scope.anchors().toArray());
                int next = 1;
                top.setDate(next++, Date.valueOf(parts.whole()[0]));
                top.setDate(next++, Date.valueOf(parts.whole()[1]));
                top.setArray(next++, anchorsIn);
                top.setArray(next++, anchorsIn);
                top.setBoolean(next++, parts.allTime());
                top.setArray(next++, anchorsIn);
                top.setArray(next++, anchorsIn);
                top.setBoolean(next++, parts.allTime());
                top.setArray(next++, anchorsIn);
                top.setInt(next++, parts.firstYear());
                top.setInt(next++, parts.lastYear());
                top.setArray(next++, anchorsIn);
                top.setArray(next++, anchorsIn);
                top.setInt(next++, parts.firstYear());
                top.setInt(next++, parts.lastYear());
                top.setArray(next++, anchorsIn);
                for (LocalDate[] months : parts.months()) {
                    top.setDate(next++, Date.valueOf(months[0]));
                    top.setDate(next++, Date.valueOf(months[1]));
                }
                top.setArray(next++, anchorsIn);
                top.setArray(next++, anchorsIn);
                top.setArray(next++, anchorsIn);
                top.setArray(next++, anchorsIn);
                for (LocalDate[] days : parts.days()) {
                    top.setDate(next++, Date.valueOf(days[0]));
                    top.setDate(next++, Date.valueOf(days[1]));
                }
                top.setInt(next, limit);
                List<Top> items = new ArrayList<>();
                try (ResultSet row = top.executeQuery()) {
                    while (row.next()) {
                        BigDecimal amount = row.getBigDecimal(8).setScale(2);
                        String locality = row.getString(4);
                        items.add(new Top(row.getString(3), row.getObject(1, UUID.class), row.getString(2),
                                locality, locality == null ? null : LocalSpendReports.label(
                                        LocalSpendReports.Dimension.LOCALITY, locality, java.util.Map.of()),
                                row.getString(5), row.getString(6),
                                (Boolean) row.getObject(7), amount, LocalSpendReports.share(amount, all),
                                row.getLong(9)));
                    }
                }
                return new TopSuppliers(scope, all, items);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /**
     * Categories where more than half the spend with registered suppliers goes outside the borough, with what they
     * buy (the CPV divisions of those outside suppliers) and the borough's registered suppliers in those divisions.
     */
    public Leakage leakage(SpendUploads.Caller caller, int limit, LocalDate from, LocalDate to,
            List<String> anchors) {
        Scope scope = scope(caller, from, to, anchors);
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = SpendCube.oneSnapshot(db);
                    PreparedStatement divisionsOf = c.prepareStatement("""
                            select coalesce(array_agg(distinct substr(code, 1, 2) order by substr(code, 1, 2)),
                                            '{}'::text[])
                            from known_supplier s cross join unnest(s.cpv_codes) as code where s.num = any(?)""");
                    PreparedStatement leads = c.prepareStatement("""
                            select s.supplier_id, s.legal_name, c.town, s.cpv_codes
                            from known_supplier s %s
                            where s.erased_at is null and c.locality = 'IN_BOROUGH'
                              and exists (select 1 from unnest(s.cpv_codes) code where substr(code, 1, 2) = any(?))
                            order by s.legal_name limit 10""".formatted(NOW.formatted("s.supplier_id")))) {
                // by category: all spend, spend with registered suppliers, and with those outside the borough
                java.util.Map<String, Category> byCategory = new java.util.HashMap<>();
                for (SpendCube.Row row : SpendCube.rows(c, scope.from(), scope.to(), scope.anchors())) {
                    Category k = byCategory.computeIfAbsent(row.category(), Category::new);
                    k.total = k.total.add(row.amount());
                    if (row.matched()) {
                        k.matched = k.matched.add(row.amount());
                        if (row.locality() != null && !row.inBorough()) {
                            k.leaving = k.leaving.add(row.amount());
                            k.outside.or(row.suppliers());
                        }
                    }
                }
                List<Category> leaking = byCategory.values().stream()
                        .filter(k -> k.matched.signum() > 0 && k.leaving.add(k.leaving).compareTo(k.matched) > 0)
                        .sorted(java.util.Comparator.comparing((Category k) -> k.leaving).reversed()
                                .thenComparing(k -> k.name))
                        .toList();
                List<LeakingCategory> items = new ArrayList<>();
                for (Category k : leaking) {
                    if (items.size() >= limit) {
                        break;
                    }
                    divisionsOf.setArray(1, c.createArrayOf("int4",
                            java.util.Arrays.stream(k.outside.toArray()).boxed().toArray()));
                    Array divisions;
                    try (ResultSet row = divisionsOf.executeQuery()) {
                        row.next();
                        divisions = row.getArray(1);
                    }
                    String[] codes = (String[]) divisions.getArray();
                    if (codes.length == 0) {
                        continue; // what those suppliers do is not known
                    }
                    leads.setArray(1, divisions);
                    List<Lead> found = new ArrayList<>();
                    try (ResultSet lead = leads.executeQuery()) {
                        while (lead.next()) {
                            found.add(new Lead(lead.getObject(1, UUID.class), lead.getString(2), lead.getString(3),
                                    Arrays.asList((String[]) lead.getArray(4).getArray())));
                        }
                    }
                    if (found.isEmpty()) {
                        continue;
                    }
                    items.add(new LeakingCategory(k.name, k.total, k.matched, k.leaving,
                            LocalSpendReports.share(k.leaving, k.matched), Arrays.asList(codes), found));
                }
                return new Leakage(scope, items);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** A category's spend, tallied for the leakage report. */
    private static final class Category {
        final String name;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        BigDecimal matched = BigDecimal.ZERO.setScale(2);
        BigDecimal leaving = BigDecimal.ZERO.setScale(2);
        final org.roaringbitmap.RoaringBitmap outside = new org.roaringbitmap.RoaringBitmap();

        Category(String name) {
            this.name = name;
        }
    }

    /**
     * A period as the payee sums (V9__spend_cube.sql) hold it: all time; else the whole financial years in it, the
     * whole months outside those (two ranges at most), and the days at its ends outside whole months, read from the
     * lines (two ranges at most). An empty range starts after it ends.
     */
    record PayeeSums(boolean allTime, int firstYear, int lastYear, List<LocalDate[]> months, List<LocalDate[]> days,
            LocalDate[] whole) {

        private static final LocalDate[] NONE = { LocalDate.of(2999, 12, 31), LocalDate.of(1900, 1, 1) };

        static PayeeSums of(LocalDate from, LocalDate to) {
            List<LocalDate[]> months = new ArrayList<>(List.of(NONE, NONE));
            List<LocalDate[]> days = new ArrayList<>(List.of(NONE, NONE));
            if (from == null && to == null) {
                return new PayeeSums(true, 1, 0, months, days,
                        new LocalDate[] { LocalSpendReports.EARLIEST, LocalSpendReports.LATEST.withDayOfMonth(1) });
            }
            LocalDate start = from == null ? LocalSpendReports.EARLIEST : from;
            LocalDate end = to == null ? LocalSpendReports.LATEST : to;
            LocalDate[] whole = SpendCube.wholeMonths(start, end);
            LocalDate firstWhole = whole[0];
            LocalDate lastWhole = whole[1];
            if (firstWhole.isAfter(lastWhole)) {
                days.set(0, new LocalDate[] { start, end });
                return new PayeeSums(false, 1, 0, months, days, NONE);
            }
            if (start.isBefore(firstWhole)) {
                days.set(0, new LocalDate[] { start, firstWhole.minusDays(1) });
            }
            LocalDate afterWhole = lastWhole.plusMonths(1);
            if (!end.isBefore(afterWhole)) {
                days.set(1, new LocalDate[] { afterWhole, end });
            }
            // financial years run April to March: the first April on or after the first whole month, the last March
            // on or before the last
            int firstYear = firstWhole.getMonthValue() <= 4 ? firstWhole.getYear() : firstWhole.getYear() + 1;
            int lastYear = (lastWhole.getMonthValue() >= 3 ? lastWhole.getYear() : lastWhole.getYear() - 1) - 1;
            if (firstYear > lastYear) {
                months.set(0, new LocalDate[] { firstWhole, lastWhole });
                return new PayeeSums(false, 1, 0, months, days, new LocalDate[] { firstWhole, lastWhole });
            }
            LocalDate firstApril = LocalDate.of(firstYear, 4, 1);
            if (firstWhole.isBefore(firstApril)) {
                months.set(0, new LocalDate[] { firstWhole, firstApril.minusMonths(1) });
            }
            LocalDate afterLastMarch = LocalDate.of(lastYear + 1, 4, 1);
            if (!lastWhole.isBefore(afterLastMarch)) {
                months.set(1, new LocalDate[] { afterLastMarch, lastWhole });
            }
            return new PayeeSums(false, firstYear, lastYear, months, days, new LocalDate[] { firstWhole, lastWhole });
        }
    }

    /** The registered suppliers paid in scope, by number ({@code known_supplier.num}). */
    private static Integer[] paidSuppliers(Connection c, Scope scope) throws SQLException {
        org.roaringbitmap.RoaringBitmap paid = new org.roaringbitmap.RoaringBitmap();
        for (SpendCube.Row row : SpendCube.rows(c, scope.from(), scope.to(), scope.anchors())) {
            paid.or(row.suppliers());
        }
        return java.util.Arrays.stream(paid.toArray()).boxed().toArray(Integer[]::new);
    }

    /**
     * The organisations in {@code table} (tender_bidder, awarded_contract, event_attendance) whose {@code at} falls in
     * the period (in Europe/London) for the anchors in scope.
     */
    private static UUID[] inScope(Connection c, String table, String at, Scope scope) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("""
                select distinct supplier_id from %1$s
                where (cardinality(?::text[]) = 0 or anchor_id = any(?))
                  and (?::date is null or %2$s >= (?::date)::timestamp at time zone 'Europe/London')
                  and (?::date is null or %2$s < ((?::date) + 1)::timestamp at time zone 'Europe/London')"""
                .formatted(table, at))) {
            java.sql.Array anchors = c.createArrayOf("text", scope.anchors().toArray());
            q.setArray(1, anchors);
            q.setArray(2, anchors);
            q.setObject(3, scope.from());
            q.setObject(4, scope.from());
            q.setObject(5, scope.to());
            q.setObject(6, scope.to());
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids.toArray(UUID[]::new);
        }
    }

    /**
     * A stage of the organisations in {@code source} (aliased {@code o}, with {@code supplier_id}; its parameters set
     * by {@code sourceParameters} from the first): how many, how many are local and VCFSE
     * as they stand now, and how many attended (a hash join with the attendees, not a search of their array per row).
     */
    private static Stage stage(Connection c, String stage, String label, String source,
            SourceParameters sourceParameters, UUID[] attendees) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("""
                select count(*), count(*) filter (where c.locality = 'IN_BOROUGH'), count(*) filter (where c.vcfse),
                       count(a.supplier_id)
                from %s
                %s
                left join (select distinct unnest(?::uuid[]) as supplier_id) a on a.supplier_id = o.supplier_id"""
                .formatted(source, NOW.formatted("o.supplier_id")))) {
            int next = sourceParameters.set(q);
            q.setArray(next, c.createArrayOf("uuid", attendees));
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return new Stage(stage, label, true, row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4));
            }
        }
    }

    /** Sets a stage's source parameters; returns the index of the next. */
    private interface SourceParameters {
        int set(PreparedStatement q) throws SQLException;
    }

    /** A stage of these organisations. */
    private static Stage stage(Connection c, String stage, String label, UUID[] organisations, UUID[] attendees)
            throws SQLException {
        return stage(c, stage, label, "unnest(?::uuid[]) o(supplier_id)", q -> {
            q.setArray(1, c.createArrayOf("uuid", organisations));
            return 2;
        }, attendees);
    }

    /**
     * Registered (now), attended (came to an event: checked in), bid, won and paid in the period for the anchors in
     * scope; each stage says how many of its organisations attended.
     */
    public Funnel funnel(SpendUploads.Caller caller, LocalDate from, LocalDate to, List<String> anchors) {
        Scope scope = scope(caller, from, to, anchors);
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = SpendCube.oneSnapshot(db)) {
                UUID[] attendees = inScope(c,
                        "(select supplier_id, anchor_id, recorded_at from event_attendance where attended) a",
                        "recorded_at", scope);
                Integer[] paid = paidSuppliers(c, scope);
                List<Stage> stages = new ArrayList<>();
                stages.add(stage(c, "REGISTERED", "Registered on Anchor Market",
                        "(select supplier_id from known_supplier where erased_at is null) o", q -> 1, attendees));
                stages.add(stage(c, "ATTENDED", "Came to a meet-the-buyer event or training (checked in)", attendees,
                        attendees));
                stages.add(stage(c, "BID", "Bid for a tender", inScope(c, "tender_bidder", "closed_at", scope),
                        attendees));
                stages.add(stage(c, "WON", "Won a contract", inScope(c, "awarded_contract", "awarded_at", scope),
                        attendees));
                stages.add(stage(c, "PAID", "Paid by an anchor",
                        "(select supplier_id from known_supplier where num = any(?)) o", q -> {
                    q.setArray(1, c.createArrayOf("int4", paid));
                    return 2;
                }, attendees));
                return new Funnel(scope, stages);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }
}
