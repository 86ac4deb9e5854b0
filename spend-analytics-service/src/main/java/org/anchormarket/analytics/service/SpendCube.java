package org.anchormarket.analytics.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.roaringbitmap.RoaringBitmap;

/**
 * The spend aggregates (V9__spend_cube.sql): per slice (an anchor's payments in one calendar month), the sums and
 * counts of its lines by category and by their payee's classification on the payment date, with the suppliers and
 * unmatched payees paid as bitmaps. {@link #rows} gives a report its period's rows: the cube's for the clean whole
 * months, and the same rows computed from the lines for slices marked dirty and for the partial months at the
 * period's ends, all in one snapshot, so a report is exact whether or not {@link #refresh} has caught up.
 */
@ApplicationScoped
public class SpendCube {

    private static final Logger LOG = Logger.getLogger(SpendCube.class);

    /** One cube row: the lines of a slice with the same category and classification. */
    public record Row(String anchorId, LocalDate month, String category, char status, String locality, String town,
            String ward, String sizeBand, Boolean sme, Boolean vcfse, BigDecimal amount, long lines,
            RoaringBitmap suppliers, RoaringBitmap payees) {

        public boolean matched() {
            return status == 'M';
        }

        public boolean unmatched() {
            return status == 'U';
        }

        public boolean withheld() {
            return status == 'W';
        }

        public boolean inBorough() {
            return matched() && "IN_BOROUGH".equals(locality);
        }
    }

    /**
     * The cube rows of some slices computed from their lines (parameters: anchors and months of the slices, then the
     * first and last payment date counted). Each line with its payee's supplier and the classification that supplier
     * had on the payment date: the newest from before the end of that day, else (paid before it registered) the
     * earliest known.
     */
    private static final String FROM_LINES = """
            with slices as (
                select * from unnest(?::text[], ?::date[]) as s(anchor_id, month)
            ), scoped as (
                select l.anchor_id, s.month, coalesce(l.category, '') as category, l.amount, l.payment_date,
                       l.payee_key, p.supplier_id, p.num as payee_num
                from slices s
                join spend_line l on l.anchor_id = s.anchor_id and l.payment_date >= s.month
                                 and l.payment_date < (s.month + interval '1 month')::date
                left join payee p on p.payee_key = l.payee_key
                where l.payment_date >= ? and l.payment_date <= ?
            ), classified as (
                select s.*, c.locality, c.town, c.ward, c.size_band, c.sme, c.vcfse, k.num as supplier_num
                from scoped s left join lateral (
                    select c.locality, c.town, c.ward, c.size_band, c.sme, c.vcfse from supplier_classification c
                    where c.supplier_id = s.supplier_id
                    order by c.valid_from < (s.payment_date + 1)::timestamp at time zone 'Europe/London' desc,
                             case when c.valid_from < (s.payment_date + 1)::timestamp at time zone 'Europe/London'
                                  then c.valid_from end desc nulls last,
                             c.valid_from
                    limit 1) c on s.supplier_id is not null
                left join known_supplier k on k.supplier_id = s.supplier_id
            )
            select anchor_id, month, category,
                   case when payee_key is null then 'W' when supplier_id is null then 'U' else 'M' end,
                   locality, town, ward, size_band, sme, vcfse, sum(amount), count(*),
                   array_agg(distinct supplier_num) filter (where supplier_num is not null),
                   array_agg(distinct payee_num) filter (where supplier_id is null and payee_num is not null)
            from classified
            group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10""";

    private static final String COLUMNS = "anchor_id, month, category, status, locality, town, ward, size_band, sme, "
            + "vcfse, amount, lines, suppliers, payees";

    private final DataSource db;
    private final java.time.Duration settle;

    SpendCube(DataSource db, org.anchormarket.analytics.config.CubeConfig config) {
        this.db = db;
        this.settle = config.settle();
    }

    /** A slice: one anchor, one month (its first day). */
    record Slice(String anchorId, LocalDate month) {
    }

    /**
     * The rows of the payments dated {@code from}..{@code to} (null: no bound) of {@code anchors} (empty: all), read
     * on {@code c} in its transaction, which must be {@code REPEATABLE READ} (one snapshot of cube, marks and lines).
     */
    static List<Row> rows(Connection c, LocalDate from, LocalDate to, List<String> anchors) throws SQLException {
        LocalDate start = from == null ? LocalSpendReports.EARLIEST : from;
        LocalDate end = to == null ? LocalSpendReports.LATEST : to;
        List<Row> rows = new ArrayList<>();
        if (start.isAfter(end)) {
            return rows;
        }
        LocalDate firstMonth = start.withDayOfMonth(1);
        LocalDate lastMonth = end.withDayOfMonth(1);
        // whole months in the period are read from the cube; a month the period covers only part of, from its lines
        LocalDate[] whole = wholeMonths(start, end);
        LocalDate firstWhole = whole[0];
        LocalDate lastWhole = whole[1];
        Array scope = c.createArrayOf("text", anchors.toArray());

        List<Slice> fromLines = new ArrayList<>();
        try (PreparedStatement dirty = c.prepareStatement("""
                select distinct anchor_id, month from spend_cube_dirty
                where month >= ? and month <= ? and (cardinality(?::text[]) = 0 or anchor_id = any(?))""")) {
            dirty.setDate(1, Date.valueOf(firstWhole));
            dirty.setDate(2, Date.valueOf(lastWhole));
            dirty.setArray(3, scope);
            dirty.setArray(4, scope);
            try (ResultSet row = dirty.executeQuery()) {
                while (row.next()) {
                    fromLines.add(new Slice(row.getString(1), row.getDate(2).toLocalDate()));
                }
            }
        }
        java.util.Set<LocalDate> partial = new java.util.TreeSet<>();
        for (LocalDate month : List.of(firstMonth, lastMonth)) {
            if (month.isBefore(firstWhole) || month.isAfter(lastWhole)) {
                partial.add(month);
            }
        }
        if (!partial.isEmpty()) {
            for (LocalDate month : partial) {
                List<String> edgeAnchors = anchors;
                if (edgeAnchors.isEmpty()) {
                    // every anchor with lines that month: each line's slice is in the cube or marked (its trigger)
                    edgeAnchors = new ArrayList<>();
                    try (PreparedStatement having = c.prepareStatement("""
                            select anchor_id from spend_cube where month = ?
                            union select anchor_id from spend_cube_dirty where month = ?""")) {
                        having.setDate(1, Date.valueOf(month));
                        having.setDate(2, Date.valueOf(month));
                        try (ResultSet row = having.executeQuery()) {
                            while (row.next()) {
                                edgeAnchors.add(row.getString(1));
                            }
                        }
                    }
                }
                for (String anchor : edgeAnchors) {
                    fromLines.add(new Slice(anchor, month));
                }
            }
        }

        if (!firstWhole.isAfter(lastWhole)) {
            try (PreparedStatement cube = c.prepareStatement("select " + COLUMNS + """
                     from spend_cube c
                    where month >= ? and month <= ? and (cardinality(?::text[]) = 0 or anchor_id = any(?))
                      and not exists (select 1 from spend_cube_dirty d
                                      where d.anchor_id = c.anchor_id and d.month = c.month)""")) {
                cube.setDate(1, Date.valueOf(firstWhole));
                cube.setDate(2, Date.valueOf(lastWhole));
                cube.setArray(3, scope);
                cube.setArray(4, scope);
                try (ResultSet row = cube.executeQuery()) {
                    while (row.next()) {
                        rows.add(row(row, deserialize(row.getBytes(13)), deserialize(row.getBytes(14))));
                    }
                }
            }
        }
        rows.addAll(fromLines(c, fromLines, start, end));
        return rows;
    }

    /** The rows of {@code slices} computed from their lines dated {@code start}..{@code end}. */
    private static List<Row> fromLines(Connection c, List<Slice> slices, LocalDate start, LocalDate end)
            throws SQLException {
        List<Row> rows = new ArrayList<>();
        if (slices.isEmpty()) {
            return rows;
        }
        try (PreparedStatement lines = c.prepareStatement(FROM_LINES)) {
            lines.setArray(1, c.createArrayOf("text", slices.stream().map(Slice::anchorId).toArray()));
            lines.setArray(2, c.createArrayOf("date", slices.stream().map(s -> Date.valueOf(s.month())).toArray()));
            lines.setDate(3, Date.valueOf(start));
            lines.setDate(4, Date.valueOf(end));
            try (ResultSet row = lines.executeQuery()) {
                while (row.next()) {
                    rows.add(row(row, bitmap(row.getArray(13)), bitmap(row.getArray(14))));
                }
            }
        }
        return rows;
    }

    private static Row row(ResultSet row, RoaringBitmap suppliers, RoaringBitmap payees) throws SQLException {
        return new Row(row.getString(1), row.getDate(2).toLocalDate(), row.getString(3), row.getString(4).charAt(0),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8), (Boolean) row.getObject(9),
                (Boolean) row.getObject(10), row.getBigDecimal(11).setScale(2), row.getLong(12), suppliers, payees);
    }

    private static RoaringBitmap bitmap(Array numbers) throws SQLException {
        RoaringBitmap bitmap = new RoaringBitmap();
        if (numbers != null) {
            for (Object n : (Object[]) numbers.getArray()) {
                bitmap.add(((Number) n).intValue());
            }
        }
        return bitmap;
    }

    private static RoaringBitmap deserialize(byte[] bytes) {
        RoaringBitmap bitmap = new RoaringBitmap();
        try {
            bitmap.deserialize(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new IllegalStateException("a spend cube bitmap does not read: " + e.getMessage(), e);
        }
        return bitmap;
    }

    private static byte[] serialize(RoaringBitmap bitmap) {
        bitmap.runOptimize();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(bitmap.serializedSizeInBytes());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            bitmap.serialize(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The slice's payee sums for the top suppliers: its month rows computed from its lines and put in place of the
     * old ones, and the difference added to its financial year's and its anchor's all-time rows (in key order), so
     * those stay the sums of the month rows held. Only the worker writes them, under the slice's lock.
     */
    private static void payeeSums(Connection c, Slice slice) throws SQLException {
        java.util.Map<String, Object[]> change = new java.util.TreeMap<>();
        try (PreparedStatement old = c.prepareStatement(
                "select payee_key, amount, lines from spend_payee_month where anchor_id = ? and month = ?")) {
            old.setString(1, slice.anchorId());
            old.setDate(2, Date.valueOf(slice.month()));
            try (ResultSet row = old.executeQuery()) {
                while (row.next()) {
                    change.put(row.getString(1), new Object[] { row.getBigDecimal(2).negate(), -row.getLong(3) });
                }
            }
        }
        List<Object[]> fresh = new ArrayList<>();
        try (PreparedStatement lines = c.prepareStatement("""
                select payee_key, sum(amount), count(*) from spend_line
                where anchor_id = ? and payment_date >= ? and payment_date < ? and payee_key is not null
                group by 1""")) {
            lines.setString(1, slice.anchorId());
            lines.setDate(2, Date.valueOf(slice.month()));
            lines.setDate(3, Date.valueOf(slice.month().plusMonths(1)));
            try (ResultSet row = lines.executeQuery()) {
                while (row.next()) {
                    Object[] sum = { row.getString(1), row.getBigDecimal(2), row.getLong(3) };
                    fresh.add(sum);
                    change.merge((String) sum[0], new Object[] { sum[1], sum[2] }, (a, b) -> new Object[] {
                            ((BigDecimal) a[0]).add((BigDecimal) b[0]), (Long) a[1] + (Long) b[1] });
                }
            }
        }
        change.values().removeIf(d -> ((BigDecimal) d[0]).signum() == 0 && (Long) d[1] == 0);
        try (PreparedStatement delete = c.prepareStatement(
                "delete from spend_payee_month where anchor_id = ? and month = ?")) {
            delete.setString(1, slice.anchorId());
            delete.setDate(2, Date.valueOf(slice.month()));
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("""
                insert into spend_payee_month (anchor_id, month, payee_key, amount, lines)
                select ?, ?, k, a, n from unnest(?::text[], ?::numeric[], ?::bigint[]) as x(k, a, n)""")) {
            insert.setString(1, slice.anchorId());
            insert.setDate(2, Date.valueOf(slice.month()));
            insert.setArray(3, c.createArrayOf("text", fresh.stream().map(f -> f[0]).toArray()));
            insert.setArray(4, c.createArrayOf("numeric", fresh.stream().map(f -> f[1]).toArray()));
            insert.setArray(5, c.createArrayOf("int8", fresh.stream().map(f -> f[2]).toArray()));
            insert.executeUpdate();
        }
        if (change.isEmpty()) {
            return;
        }
        Array keys = c.createArrayOf("text", change.keySet().toArray());
        Array amounts = c.createArrayOf("numeric", change.values().stream().map(d -> d[0]).toArray());
        Array counts = c.createArrayOf("int8", change.values().stream().map(d -> d[1]).toArray());
        try (PreparedStatement year = c.prepareStatement("""
                insert into spend_payee_year as t (anchor_id, financial_year, payee_key, amount, lines)
                select ?, ?, k, a, n from unnest(?::text[], ?::numeric[], ?::bigint[]) as x(k, a, n)
                on conflict (anchor_id, financial_year, payee_key)
                    do update set amount = t.amount + excluded.amount, lines = t.lines + excluded.lines""");
                PreparedStatement total = c.prepareStatement("""
                        insert into spend_payee_total as t (anchor_id, payee_key, amount, lines)
                        select ?, k, a, n from unnest(?::text[], ?::numeric[], ?::bigint[]) as x(k, a, n)
                        on conflict (anchor_id, payee_key)
                            do update set amount = t.amount + excluded.amount, lines = t.lines + excluded.lines""")) {
            year.setString(1, slice.anchorId());
            year.setInt(2, slice.month().minusMonths(3).getYear());
            year.setArray(3, keys);
            year.setArray(4, amounts);
            year.setArray(5, counts);
            year.executeUpdate();
            total.setString(1, slice.anchorId());
            total.setArray(2, keys);
            total.setArray(3, amounts);
            total.setArray(4, counts);
            total.executeUpdate();
        }
        try (PreparedStatement year = c.prepareStatement("""
                insert into spend_payee_year_all as t (financial_year, payee_key, amount, lines)
                select ?, k, a, n from unnest(?::text[], ?::numeric[], ?::bigint[]) as x(k, a, n)
                on conflict (financial_year, payee_key)
                    do update set amount = t.amount + excluded.amount, lines = t.lines + excluded.lines""");
                PreparedStatement total = c.prepareStatement("""
                        insert into spend_payee_total_all as t (payee_key, amount, lines)
                        select k, a, n from unnest(?::text[], ?::numeric[], ?::bigint[]) as x(k, a, n)
                        on conflict (payee_key)
                            do update set amount = t.amount + excluded.amount, lines = t.lines + excluded.lines""")) {
            year.setInt(1, slice.month().minusMonths(3).getYear());
            year.setArray(2, keys);
            year.setArray(3, amounts);
            year.setArray(4, counts);
            year.executeUpdate();
            total.setArray(1, keys);
            total.setArray(2, amounts);
            total.setArray(3, counts);
            total.executeUpdate();
        }
    }

    /**
     * The first and last whole months (their first days) of the days {@code start}..{@code end}; the first after the
     * last when there is none.
     */
    static LocalDate[] wholeMonths(LocalDate start, LocalDate end) {
        LocalDate firstWhole = start.getDayOfMonth() == 1 ? start : start.withDayOfMonth(1).plusMonths(1);
        LocalDate lastWhole = end.plusDays(1).getDayOfMonth() == 1 ? end.withDayOfMonth(1)
                : end.withDayOfMonth(1).minusMonths(1);
        return new LocalDate[] { firstWhole, lastWhole };
    }

    /** A connection of {@code db} whose transaction reads one snapshot (REPEATABLE READ) of cube, marks and lines. */
    static Connection oneSnapshot(DataSource db) throws SQLException {
        Connection c = db.getConnection();
        try (PreparedStatement set = c.prepareStatement("set transaction isolation level repeatable read")) {
            set.execute(); // before any other statement of the transaction
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** Brings dirty slices up to date, a slice a transaction, until none is left (or a round's worth is done). */
    @Scheduled(every = "${analytics.cube.refresh-interval:1s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "spend-cube-refresh")
    void scheduled() {
        refresh();
    }

    /**
     * Brings up to date the slices marked and settled (no mark for {@code analytics.cube.settle}, or the first mark
     * ten times that long ago), a round of at most 500; how many slices are still marked after it.
     */
    public long refresh() {
        List<Slice> dirty = QuarkusTransaction.requiringNew().call(() -> {
            List<Slice> found = new ArrayList<>();
            // a slice still being written to (an upload's month) waits until it has settled, so that it is not
            // computed again after every batch; reports read it from its lines meanwhile
            try (Connection c = db.getConnection(); PreparedStatement select = c.prepareStatement("""
                    select anchor_id, month from spend_cube_dirty group by 1, 2
                    having max(marked_at) < now() - make_interval(secs => ?)
                        or min(marked_at) < now() - make_interval(secs => ?)
                    order by month desc, anchor_id limit 500""")) {
                select.setDouble(1, settle.toMillis() / 1000.0);
                select.setDouble(2, settle.toMillis() * 10 / 1000.0);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.add(new Slice(row.getString(1), row.getDate(2).toLocalDate()));
                    }
                }
            }
            return found;
        });
        for (Slice slice : dirty) {
            try {
                QuarkusTransaction.requiringNew().run(() -> refresh(slice));
            } catch (RuntimeException e) {
                LOG.warnf(e, "The spend cube's slice %s %s was not brought up to date; reports read it from its "
                        + "lines until it is", slice.anchorId(), slice.month());
            }
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = db.getConnection(); PreparedStatement count = c.prepareStatement(
                    "select count(*) from (select distinct anchor_id, month from spend_cube_dirty) d"); ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /**
     * Computes one slice's rows from its lines and clears its marks, in one transaction. The slice's advisory lock
     * keeps two instances from writing it at once; only the marks read before computing are cleared (a change
     * committed later is not in what was computed, and its mark stays).
     */
    void refresh(Slice slice) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement(
                    "select pg_try_advisory_xact_lock(hashtext('spend_cube'), hashtext(? || ?))")) {
                lock.setString(1, slice.anchorId());
                lock.setString(2, slice.month().toString());
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    if (!row.getBoolean(1)) {
                        return; // another instance is at it
                    }
                }
            }
            // A classification in flight is waited for, and none starts while the slice is computed: its trigger
            // marks only the lines it can see, so a slice computed before it commits would otherwise stay stale
            try (PreparedStatement share = c.prepareStatement(
                    "lock table supplier_classification in share mode")) {
                share.execute();
            }
            List<Long> marks = new ArrayList<>();
            try (PreparedStatement mark = c.prepareStatement(
                    "select mark_id from spend_cube_dirty where anchor_id = ? and month = ?")) {
                mark.setString(1, slice.anchorId());
                mark.setDate(2, Date.valueOf(slice.month()));
                try (ResultSet row = mark.executeQuery()) {
                    while (row.next()) {
                        marks.add(row.getLong(1));
                    }
                }
            }
            if (marks.isEmpty()) {
                return; // done meanwhile
            }
            LocalDate end = slice.month().plusMonths(1).minusDays(1);
            List<Row> rows = fromLines(c, List.of(slice), slice.month(), end);
            try (PreparedStatement delete = c.prepareStatement(
                    "delete from spend_cube where anchor_id = ? and month = ?")) {
                delete.setString(1, slice.anchorId());
                delete.setDate(2, Date.valueOf(slice.month()));
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("insert into spend_cube (" + COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Row r : rows) {
                    insert.setString(1, r.anchorId());
                    insert.setDate(2, Date.valueOf(r.month()));
                    insert.setString(3, r.category());
                    insert.setString(4, String.valueOf(r.status()));
                    insert.setString(5, r.locality());
                    insert.setString(6, r.town());
                    insert.setString(7, r.ward());
                    insert.setString(8, r.sizeBand());
                    insert.setObject(9, r.sme());
                    insert.setObject(10, r.vcfse());
                    insert.setBigDecimal(11, r.amount());
                    insert.setLong(12, r.lines());
                    insert.setBytes(13, serialize(r.suppliers()));
                    insert.setBytes(14, serialize(r.payees()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            payeeSums(c, slice);
            // only the marks read before computing: one a change added since stays, and the slice is computed again
            try (PreparedStatement clear = c.prepareStatement(
                    "delete from spend_cube_dirty where mark_id = any(?)")) {
                clear.setArray(1, c.createArrayOf("int8", marks.toArray()));
                clear.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
