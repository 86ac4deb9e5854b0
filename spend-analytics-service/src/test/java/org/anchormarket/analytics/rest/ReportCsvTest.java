package org.anchormarket.analytics.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Names from spend files go into spreadsheets: none may run as a formula. */
class ReportCsvTest {

    @Test
    void shouldDisarmTextThatASpreadsheetWouldRun() {
        assertEquals("'=HYPERLINK(\"x\")", ReportCsv.text("=HYPERLINK(\"x\")"));
        assertEquals("'+1", ReportCsv.text("+1"));
        assertEquals("'-cmd", ReportCsv.text("-cmd"));
        assertEquals("'@SUM(A1)", ReportCsv.text("@SUM(A1)"));
        assertEquals("Acme Ltd", ReportCsv.text("Acme Ltd"));
        assertNull(ReportCsv.text(null));
    }
}
