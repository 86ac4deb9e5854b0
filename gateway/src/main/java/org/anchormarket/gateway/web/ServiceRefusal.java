package org.anchormarket.gateway.web;

import java.util.List;

/**
 * A service's refusal as the pages handle it: its status, its detail and each field's reason (from the RFC 9457
 * problem it answered, read by {@link ServiceRefusals}). Pages show it in the error summary and next to the fields.
 */
public class ServiceRefusal extends RuntimeException {

    /** One field's reason. */
    public record FieldError(String field, String reason) {

        /** The form field this error belongs to: "cpvCodes" for "cpvCodes[2]". */
        public String input() {
            int bracket = field.indexOf('[');
            return bracket < 0 ? field : field.substring(0, bracket);
        }

        /** The reason as a sentence naming the field: "Postcode is not a UK postcode". */
        public String message() {
            String path = field.replace(".<list element>", "").replace("<list element>", "");
            java.util.regex.Matcher lot = java.util.regex.Pattern.compile("^lots\\[(\\d+)\\]\\.?(.*)$").matcher(path);
            // the API's lots count from 0, people's from 1
            String name = lot.matches() ? "lot " + (Integer.parseInt(lot.group(1)) + 1) + " "
                    + words(lot.group(2).replaceAll("\\[\\d+\\]", "")) : words(path.replaceAll("\\[\\d+\\]", ""));
            // a list's own size (cpvCodes), not one of its entries' (cpvCodes[2])
            String last = path.substring(path.lastIndexOf('.') + 1);
            boolean list = last.matches("cpvCodes|lots|addressLines|members");
            String said = reason == null ? "is not valid" : reason.startsWith("must match \"")
                    ? "is not in the form expected" : said(reason, list);
            String sentence = (name.strip() + " " + said).strip();
            return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
        }

        private static String words(String path) {
            String w = path.replaceAll("([a-z])([A-Z])", "$1 $2").replace('.', ' ').toLowerCase(java.util.Locale.ROOT);
            return w.replace("cpv codes", "CPV codes").replace("cpv", "CPV");
        }

        /** Bean Validation's words as a person would say them. */
        private static String said(String reason, boolean list) {
            java.util.regex.Matcher size = java.util.regex.Pattern.compile("size must be between (\\d+) and (\\d+)")
                    .matcher(reason);
            if (size.matches()) {
                return list ? "must have between " + size.group(1) + " and " + size.group(2) + " entries"
                        : "must be between " + size.group(1) + " and " + size.group(2) + " characters long";
            }
            return reason.replace("must be greater than or equal to", "must be at least")
                    .replace("must be less than or equal to", "must be at most")
                    .replace("must not be null", "must be given");
        }
    }

    private final int status;
    private final String detail;
    private final List<FieldError> errors;

    public ServiceRefusal(int status, String detail, List<FieldError> errors) {
        super(status + " " + detail, null, false, false);
        this.status = status;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    /** A refusal of the page's own, before any service was asked (a form field it could not read). */
    public static ServiceRefusal ofFields(List<FieldError> errors) {
        return new ServiceRefusal(400, "There is a problem", errors);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field) || e.field().startsWith(field + "["));
    }

    /** The message for a field ("" when none); a field's list entries ("cpvCodes[2]") count as the field. */
    public String message(String field) {
        return errors.stream().filter(e -> e.field().equals(field) || e.field().startsWith(field + "["))
                .map(FieldError::message).findFirst().orElse("");
    }

    /** Whether the caller is not allowed (not signed in any more, or without the role): a refusal page, not a form. */
    public boolean forbidden() {
        return status == 401 || status == 403;
    }
}
