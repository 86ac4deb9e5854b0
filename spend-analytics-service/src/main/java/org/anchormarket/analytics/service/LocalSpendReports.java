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
    private static final String REPORT = """
            with scoped as (
                select l.amount, l.payment_date, l.payee_key, p.supplier_id
                from spend_line l left join payee p on p.payee_key = l.payee_key
                where l.payment_date >= ? and l.payment_date <= ?
                  and (cardinality(?::text[]) = 0 or l.anchor_id = any(?))
            ), classified as (
                select s.*, c.locality, c.sme, c.vcfse
                from scoped s left join lateral (
                    select c.locality, c.sme, c.vcfse from supplier_classification c
                    where c.supplier_id = s.supplier_id
                    order by c.valid_from < (s.payment_date + 1)::timestamp at time zone 'Europe/London' desc,
                             case when c.valid_from < (s.payment_date + 1)::timestamp at time zone 'Europe/London'
                                  then c.valid_from end desc nulls last,
                             c.valid_from
                    limit 1) c on s.supplier_id is not null
            )
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

    public LocalSpend localSpend(SpendUploads.Caller caller, LocalDate from, LocalDate to, List<String> anchors) {
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainException.Invalid.field("to", "is before from");
        }
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
