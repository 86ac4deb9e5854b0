package org.anchormarket.analytics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a period is cut into the payee sums the top suppliers read: every day in it once, none outside it. */
class PayeeSumsTest {

    @Test
    void shouldReadAllTimeFromTheTotals() {
        SupplierReports.PayeeSums parts = SupplierReports.PayeeSums.of(null, null);
        assertEquals(true, parts.allTime());
        assertEquals(List.of(), days(parts));
    }

    @Test
    void shouldCutAPeriodIntoYearsMonthsAndDays() {
        SupplierReports.PayeeSums parts = SupplierReports.PayeeSums.of(LocalDate.of(2018, 2, 15),
                LocalDate.of(2021, 5, 3));
        assertEquals(2018, parts.firstYear());
        assertEquals(2020, parts.lastYear(), "April 2018 to March 2021");
        assertEquals(List.of(LocalDate.of(2018, 3, 1), LocalDate.of(2018, 3, 1)), List.of(parts.months().get(0)));
        assertEquals(List.of(LocalDate.of(2021, 4, 1), LocalDate.of(2021, 4, 1)), List.of(parts.months().get(1)));
        assertEquals(List.of(LocalDate.of(2018, 2, 15), LocalDate.of(2018, 2, 28)), List.of(parts.days().get(0)));
        assertEquals(List.of(LocalDate.of(2021, 5, 1), LocalDate.of(2021, 5, 3)), List.of(parts.days().get(1)));
    }

    /** Each period's days, counted through its parts, are exactly its own. */
    @ParameterizedTest
    @CsvSource({ "2019-04-01,2020-03-31", "2019-04-02,2020-03-30", "2019-06-03,2019-06-03", "2019-06-01,2019-06-30",
            "2019-05-15,2019-07-14", "2019-03-01,2019-04-30", "2016-01-31,2023-02-01", "2019-01-01,2019-12-31",
            "2020-02-29,2020-03-01", ",2019-07-14", "2019-07-14," })
    void shouldCoverEveryDayOnce(LocalDate from, LocalDate to) {
        SupplierReports.PayeeSums parts = SupplierReports.PayeeSums.of(from, to);
        List<LocalDate> covered = days(parts);
        LocalDate start = from == null ? LocalSpendReports.EARLIEST : from;
        LocalDate end = to == null ? LocalSpendReports.LATEST : to;
        List<LocalDate> expected = start.datesUntil(end.plusDays(1)).toList();
        assertEquals(expected.size(), covered.size(), "days counted");
        assertEquals(expected, covered.stream().sorted().toList());
    }

    private static List<LocalDate> days(SupplierReports.PayeeSums parts) {
        List<LocalDate> days = new ArrayList<>();
        if (parts.allTime()) {
            return days;
        }
        for (int year = parts.firstYear(); year <= parts.lastYear(); year++) {
            LocalDate.of(year, 4, 1).datesUntil(LocalDate.of(year + 1, 4, 1)).forEach(days::add);
        }
        for (LocalDate[] months : parts.months()) {
            for (LocalDate m = months[0]; !m.isAfter(months[1]); m = m.plusMonths(1)) {
                m.datesUntil(m.plusMonths(1)).forEach(days::add);
            }
        }
        for (LocalDate[] range : parts.days()) {
            if (!range[0].isAfter(range[1])) {
                range[0].datesUntil(range[1].plusDays(1)).forEach(days::add);
            }
        }
        return days;
    }
}
