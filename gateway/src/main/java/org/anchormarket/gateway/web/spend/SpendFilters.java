package org.anchormarket.gateway.web.spend;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.anchormarket.gateway.web.ServiceRefusal;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The dashboard's filters as the query string gives them: a financial year ({@code year}, "2019" for 2019/20) or
 * else a period ({@code from}, {@code to}, yyyy-mm-dd), and an anchor (none: all the caller may see).
 */
public record SpendFilters(@RestQuery String year, @RestQuery String from, @RestQuery String to,
        @RestQuery String anchor) {

    /** The period and anchors read for the service; what cannot be read is named in {@code errors}. */
    record Read(LocalDate from, LocalDate to, List<String> anchors) {
    }

    Read read(List<ServiceRefusal.FieldError> errors) {
        LocalDate start = null;
        LocalDate end = null;
        if (year != null && !year.isBlank()) {
            try {
                int y = Integer.parseInt(year.strip());
                if (y < 2000 || y > 2100) {
                    throw new NumberFormatException();
                }
                start = LocalDate.of(y, 4, 1);
                end = LocalDate.of(y + 1, 3, 31);
            } catch (NumberFormatException e) {
                errors.add(new ServiceRefusal.FieldError("year", "must be a financial year such as 2019"));
            }
        } else {
            start = date(from, "from", errors);
            end = date(to, "to", errors);
        }
        List<String> anchors = anchor == null || anchor.isBlank() ? List.of() : List.of(anchor.strip());
        return new Read(start, end, anchors);
    }

    private static LocalDate date(String value, String field, List<ServiceRefusal.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            // The form offers years only; a period comes from the address, so the error goes by the year's field
            errors.add(new ServiceRefusal.FieldError("year", "must be chosen here: the period in the address ("
                    + field + ") is not a date as yyyy-mm-dd"));
            return null;
        }
    }

    /** The filters as a query string, for the CSV links. */
    public String query() {
        List<String> parts = new ArrayList<>();
        add(parts, "year", year);
        if (year == null || year.isBlank()) {
            add(parts, "from", from);
            add(parts, "to", to);
        }
        add(parts, "anchor", anchor);
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }
}
