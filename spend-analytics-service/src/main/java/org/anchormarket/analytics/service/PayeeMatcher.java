package org.anchormarket.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Matches payees to registered suppliers: by Companies House number, then charity number, then name (the payee's
 * whole name, or either part of "X t/a Y", against a supplier's legal or trading name, as {@code PayeeNames} keys
 * them). A name or number that fits two suppliers matches neither (an admin maps it). A match, once made, stays; an
 * admin's mapping is never replaced. Runs in the caller's transaction: for the payees of a batch of lines as they
 * arrive, and for a supplier's payees when it registers or changes, so payments loaded before a supplier registered
 * are matched to it too.
 */
@ApplicationScoped
public class PayeeMatcher {

    /** Each rule: how it matches, and which supplier (the only one) fits the payee {@code p2}. */
    private static final List<String[]> RULES = List.of(
            new String[] { "COMPANY_NUMBER", """
                    select case when count(distinct s.supplier_id) = 1 then (array_agg(s.supplier_id))[1] end
                    from known_supplier s where s.company_number = p2.company_number""" },
            new String[] { "CHARITY_NUMBER", """
                    select case when count(distinct s.supplier_id) = 1 then (array_agg(s.supplier_id))[1] end
                    from known_supplier s where s.charity_number = p2.charity_number""" },
            new String[] { "NAME", """
                    select case when count(distinct s.supplier_id) = 1 then (array_agg(s.supplier_id))[1] end
                    from known_supplier s where s.erased_at is null
                    and (s.name_key in (p2.payee_key, p2.owner_key, p2.trading_key)
                         or s.trading_key in (p2.payee_key, p2.owner_key, p2.trading_key))""" });

    private final DataSource db;

    PayeeMatcher(DataSource db) {
        this.db = db;
    }

    /** Matches those of {@code payeeKeys} not matched yet. */
    static void match(Connection c, String[] payeeKeys) throws SQLException {
        if (payeeKeys.length == 0) {
            return;
        }
        for (String[] rule : RULES) {
            try (PreparedStatement update = c.prepareStatement("""
                    update payee p set supplier_id = m.supplier_id, matched_by = ?
                    from (select p2.payee_key, (%s) as supplier_id from payee p2
                          where p2.supplier_id is null and p2.payee_key = any(?)) m
                    where p.payee_key = m.payee_key and m.supplier_id is not null""".formatted(rule[1]))) {
                update.setString(1, rule[0]);
                update.setArray(2, c.createArrayOf("text", payeeKeys));
                update.executeUpdate();
            }
        }
    }

    /** Matches the unmatched payees that could be {@code supplierId} (its names or numbers), in this transaction. */
    public void matchSupplier(UUID supplierId) {
        try (Connection c = db.getConnection()) {
            List<String> candidates = new ArrayList<>();
            try (PreparedStatement find = c.prepareStatement("""
                    select p.payee_key from payee p, known_supplier s
                    where s.supplier_id = ? and p.supplier_id is null
                    and (p.payee_key in (s.name_key, s.trading_key) or p.owner_key in (s.name_key, s.trading_key)
                         or p.trading_key in (s.name_key, s.trading_key) or p.company_number = s.company_number
                         or p.charity_number = s.charity_number)""")) {
                find.setObject(1, supplierId);
                try (ResultSet rows = find.executeQuery()) {
                    while (rows.next()) {
                        candidates.add(rows.getString(1));
                    }
                }
            }
            match(c, candidates.toArray(String[]::new));
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
