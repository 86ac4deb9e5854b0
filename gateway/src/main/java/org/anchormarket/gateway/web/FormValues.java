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

    public static boolean checked(String value) {
        return "on".equals(value) || "true".equals(value);
    }
}
