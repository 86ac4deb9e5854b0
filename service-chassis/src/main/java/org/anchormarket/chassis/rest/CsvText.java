package org.anchormarket.chassis.rest;

/** Cells of the CSV files the services give out. */
public final class CsvText {

    private CsvText() {
    }

    /**
     * Free text as a spreadsheet will not run it: a cell starting with {@code = + - @}, tab or carriage return is
     * prefixed with an apostrophe (OWASP, CSV injection).
     */
    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
