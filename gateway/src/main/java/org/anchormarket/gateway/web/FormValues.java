package org.anchormarket.gateway.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reading what people type into forms: blanks as nothing, "£1,200.50" as an amount, "12" as a number, codes
 * separated by spaces or commas as a list. A value that cannot be read is added to the form's errors in people's
 * words and read as nothing, so the page shows the form again with the field marked.
 */
public final class FormValues {

    private FormValues() {
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A web address as people type it: "hedges.example" is read as https://hedges.example. */
    public static String webAddress(String value) {
        String v = text(value);
        return v == null || v.matches("(?i)^https?://.*") ? v : "https://" + v;
    }

    public static Integer wholeNumber(String value, String field, List<ServiceRefusal.FieldError> errors) {
        try {
            return text(value) == null ? null : Integer.valueOf(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(new ServiceRefusal.FieldError(field, "must be a whole number, like 12"));
            return null;
        }
    }

    /** An amount in pounds as people write it ("£1,200.50"); only digits, with pence: never "1e9". */
    public static BigDecimal pounds(String value, String field, List<ServiceRefusal.FieldError> errors) {
        if (text(value) == null) {
            return null;
        }
        String amount = value.strip().replace(",", "").replaceFirst("^£", "");
        if (!amount.matches("\\d{1,15}(\\.\\d{1,2})?")) {
            errors.add(new ServiceRefusal.FieldError(field, "must be an amount in pounds, like 250000"));
            return null;
        }
        return new BigDecimal(amount);
    }

    public static Boolean yesNo(String value, String field, List<ServiceRefusal.FieldError> errors) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.valueOf(v);
        }
        errors.add(new ServiceRefusal.FieldError(field, "must be yes or no"));
        return null;
    }

    /** One of an enum's values by its code, else nothing and an error. */
    public static <E> E choice(String value, Function<String, E> fromValue, String field,
            List<ServiceRefusal.FieldError> errors) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        try {
            return fromValue.apply(v);
        } catch (IllegalArgumentException e) {
            errors.add(new ServiceRefusal.FieldError(field, "must be one of the choices listed"));
            return null;
        }
    }

    public static List<String> list(String text, String separator) {
        return text == null ? null
                : Arrays.stream(text.split(separator)).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /**
     * A time in the UK as people type it ("15/01/2027 12:00", "2027-01-15 12:00", a browser's "2027-01-15T12:00",
     * seconds optional), read in Europe/London whatever the season; a day without a time means noon.
     */
    public static java.time.OffsetDateTime londonTime(String value, String field,
            List<ServiceRefusal.FieldError> errors) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        var m = java.util.regex.Pattern.compile(
                "(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?:[ T]+(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?)?"
                + "|(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T]+(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?)?").matcher(v);
        if (m.matches()) {
            boolean dayFirst = m.group(1) != null;
            int o = dayFirst ? 0 : 6;
            try {
                int day = Integer.parseInt(m.group(dayFirst ? 1 : 9));
                int month = Integer.parseInt(m.group(2 + o));
                int year = Integer.parseInt(m.group(dayFirst ? 3 : 7));
                String h = m.group(4 + o);
                String min = m.group(5 + o);
                String sec = m.group(6 + o);
                var local = java.time.LocalDateTime.of(year, month, day, h == null ? 12 : Integer.parseInt(h),
                        min == null ? 0 : Integer.parseInt(min), sec == null ? 0 : Integer.parseInt(sec));
                return local.atZone(Times.LONDON).toOffsetDateTime();
            } catch (java.time.DateTimeException | NumberFormatException e) {
                // falls through to the error
            }
        }
        errors.add(new ServiceRefusal.FieldError(field, "must be a real date and time, like 15/01/2027 12:00"));
        return null;
    }

    /** A day as people type it: "01/04/2027" or "2027-04-01". */
    public static java.time.LocalDate day(String value, String field, List<ServiceRefusal.FieldError> errors) {
        var at = londonTime(value, field, new java.util.ArrayList<>());
        if (text(value) != null && (at == null || value.strip().matches(".*\\d[:.]\\d{2}(:\\d{2})?$"))) {
            errors.add(new ServiceRefusal.FieldError(field, "must be a real date, like 01/04/2027"));
            return null;
        }
        return at == null ? null : at.atZoneSameInstant(Times.LONDON).toLocalDate();
    }

    public static boolean checked(String value) {
        return "on".equals(value) || "true".equals(value);
    }
}
