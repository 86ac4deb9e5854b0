package org.anchormarket.analytics.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.anchormarket.analytics.domain.PayeeNames;
import org.anchormarket.chassis.domain.DomainException;

/** The payees the anchors paid by name: listed by amount, and mapped by hand to a registered supplier. */
@ApplicationScoped
public class Payees {

    /** A payee with what it was paid. */
    public record Payee(String payeeKey, String name, UUID supplierId, String supplierName, String matchedBy,
            String companyNumber, String charityNumber, BigDecimal amount, long lines) {
    }

    public record Page(List<Payee> items, int page, int pageSize, long total) {
    }

    private static final String SELECT = """
            select p.payee_key, p.display_name, p.supplier_id, s.legal_name, p.matched_by, p.company_number,
                   p.charity_number, coalesce(t.amount, 0), coalesce(t.lines, 0)
            from payee p
            left join known_supplier s on s.supplier_id = p.supplier_id
            left join lateral (select sum(l.amount) amount, count(*) lines from spend_line l
                               where l.payee_key = p.payee_key) t on true
            """;

    private final DataSource db;

    Payees(DataSource db) {
        this.db = db;
    }

    /** Payees, the most paid first; {@code matched} null for all; {@code q} part of the name. */
    public Page list(Boolean matched, String q, int page, int pageSize) {
        String part = q == null ? null : PayeeNames.key(q);
        String where = "where true " + (matched == null ? "" : matched ? "and p.supplier_id is not null "
                : "and p.supplier_id is null ") + (part == null ? "" : "and strpos(p.payee_key, ?) > 0 ");
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = db.getConnection();
                    PreparedStatement list = c.prepareStatement(SELECT + where
                            + "order by 8 desc, p.payee_key limit ? offset ?");
                    PreparedStatement count = c.prepareStatement("select count(*) from payee p " + where)) {
                int next = 1;
                if (part != null) {
                    list.setString(next++, part);
                    count.setString(1, part);
                }
                list.setInt(next++, pageSize);
                list.setLong(next, (long) page * pageSize);
                List<Payee> items = new ArrayList<>();
                try (ResultSet rows = list.executeQuery()) {
                    while (rows.next()) {
                        items.add(payee(rows));
                    }
                }
                try (ResultSet total = count.executeQuery()) {
                    total.next();
                    return new Page(items, page, pageSize, total.getLong(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /**
     * Maps {@code payeeKey} to {@code supplierId} for all its payments, past and future; matching never replaces
     * it. An unknown payee is a 404, a supplier not known here a 400.
     */
    public Payee map(String payeeKey, UUID supplierId, String by) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = db.getConnection()) {
                try (PreparedStatement supplier = c.prepareStatement(
                        "select 1 from known_supplier where supplier_id = ?")) {
                    supplier.setObject(1, supplierId);
                    try (ResultSet row = supplier.executeQuery()) {
                        if (!row.next()) {
                            throw DomainException.Invalid.field("supplierId",
                                    "is not a supplier registered on the platform");
                        }
                    }
                }
                try (PreparedStatement map = c.prepareStatement("""
                        update payee set supplier_id = ?, matched_by = 'MANUAL', mapped_by = ?, mapped_at = now()
                        where payee_key = ?""")) {
                    map.setObject(1, supplierId);
                    map.setString(2, by);
                    map.setString(3, payeeKey);
                    if (map.executeUpdate() == 0) {
                        throw new DomainException.NotFound("payee " + UploadReader.cut(payeeKey, 80));
                    }
                }
                try (PreparedStatement one = c.prepareStatement(SELECT + "where p.payee_key = ?")) {
                    one.setString(1, payeeKey);
                    try (ResultSet row = one.executeQuery()) {
                        row.next();
                        return payee(row);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    private static Payee payee(ResultSet row) throws SQLException {
        return new Payee(row.getString(1), row.getString(2), row.getObject(3, UUID.class), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), row.getBigDecimal(8).setScale(2),
                row.getLong(9));
    }
}
