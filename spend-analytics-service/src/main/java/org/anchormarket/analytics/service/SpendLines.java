package org.anchormarket.analytics.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.anchormarket.analytics.domain.PayeeNames;

/**
 * Writes payment lines, a batch at a time in one statement: a line whose key (anchor, fingerprint, occurrence) the
 * anchor's spend already holds is left as it is, and counted as a duplicate. Two loads racing over the same lines
 * store each once (the key is the primary key).
 */
final class SpendLines {

    /** A payment line ready to store; texts already cut to their columns' sizes. */
    record Pending(UUID fingerprint, int occurrence, Long line, LocalDate date, BigDecimal amount, String payeeName,
            String payeeKey, String supplierRef, String transactionRef, String serviceArea, String category,
            BigDecimal irrecoverableVat, String companyNumber, String charityNumber) {
    }

    /** What storing a batch did: how many lines were new, and their sum. */
    record Stored(int inserted, BigDecimal amount) {
    }

    private static final String INSERT = """
            with inserted as (
                insert into spend_line (anchor_id, fingerprint, occurrence, upload_id, line, payment_date, amount,
                    payee_name, payee_key, supplier_ref, transaction_ref, service_area, category, irrecoverable_vat,
                    company_number, charity_number)
                select ?, f, o, ?, l, d::date, a::numeric, pn, pk, sr, tr, sa, c, v::numeric, cn, ch
                from unnest(?::uuid[], ?::int[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    as t(f, o, l, d, a, pn, pk, sr, tr, sa, c, v, cn, ch)
                on conflict do nothing
                returning amount)
            select count(*), coalesce(sum(amount), 0) from inserted""";

    private SpendLines() {
    }

    static Stored insert(Connection connection, String anchorId, UUID uploadId, List<Pending> lines)
            throws SQLException {
        if (lines.isEmpty()) {
            return new Stored(0, BigDecimal.ZERO.setScale(2));
        }
        int n = lines.size();
        UUID[] fingerprints = new UUID[n];
        Integer[] occurrences = new Integer[n];
        Long[] numbers = new Long[n];
        String[][] texts = new String[11][n];
        for (int i = 0; i < n; i++) {
            Pending p = lines.get(i);
            fingerprints[i] = p.fingerprint();
            occurrences[i] = p.occurrence();
            numbers[i] = p.line();
            texts[0][i] = p.date().toString();
            texts[1][i] = p.amount().toPlainString();
            texts[2][i] = p.payeeName();
            texts[3][i] = p.payeeKey();
            texts[4][i] = p.supplierRef();
            texts[5][i] = p.transactionRef();
            texts[6][i] = p.serviceArea();
            texts[7][i] = p.category();
            texts[8][i] = p.irrecoverableVat() == null ? null : p.irrecoverableVat().toPlainString();
            texts[9][i] = p.companyNumber();
            texts[10][i] = p.charityNumber();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, anchorId);
            insert.setObject(2, uploadId);
            insert.setArray(3, connection.createArrayOf("uuid", fingerprints));
            insert.setArray(4, connection.createArrayOf("int4", occurrences));
            insert.setArray(5, connection.createArrayOf("int8", numbers));
            for (int column = 0; column < texts.length; column++) {
                insert.setArray(6 + column, connection.createArrayOf("text", texts[column]));
            }
            Stored stored;
            try (ResultSet result = insert.executeQuery()) {
                result.next();
                stored = new Stored(result.getInt(1), result.getBigDecimal(2).setScale(2));
            }
            keepPayees(connection, lines);
            return stored;
        }
    }

    private static final String PAYEES = """
            insert into payee (payee_key, display_name, owner_key, trading_key, company_number, charity_number)
            select distinct on (k) k, n, o, t, cn, ch
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as x(k, n, o, t, cn, ch)
            where k is not null
            order by k, cn nulls last, ch nulls last
            on conflict (payee_key) do update
                set company_number = coalesce(payee.company_number, excluded.company_number),
                    charity_number = coalesce(payee.charity_number, excluded.charity_number)
                where payee.company_number is null and excluded.company_number is not null
                   or payee.charity_number is null and excluded.charity_number is not null""";

    /** Every payee named in the lines is kept once; those not matched yet are matched now. */
    private static void keepPayees(Connection connection, List<Pending> lines) throws SQLException {
        int n = lines.size();
        String[][] columns = new String[6][n];
        for (int i = 0; i < n; i++) {
            Pending p = lines.get(i);
            columns[0][i] = p.payeeKey();
            columns[1][i] = p.payeeName();
            columns[2][i] = cut(PayeeNames.ownerKey(p.payeeName()));
            columns[3][i] = cut(PayeeNames.tradingKey(p.payeeName()));
            columns[4][i] = PayeeNames.companyNumber(p.companyNumber());
            columns[5][i] = PayeeNames.charityNumber(p.charityNumber());
        }
        try (PreparedStatement payees = connection.prepareStatement(PAYEES)) {
            for (int column = 0; column < columns.length; column++) {
                payees.setArray(1 + column, connection.createArrayOf("text", columns[column]));
            }
            payees.executeUpdate();
        }
        PayeeMatcher.match(connection, java.util.Arrays.stream(columns[0]).filter(java.util.Objects::nonNull)
                .distinct().toArray(String[]::new));
    }

    private static String cut(String key) {
        return key == null || key.length() <= 300 ? key : key.substring(0, 300);
    }
}
