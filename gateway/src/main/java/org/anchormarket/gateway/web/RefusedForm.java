package org.anchormarket.gateway.web;

import java.util.Map;

/**
 * On a page of several forms, the one refused: which ({@code form}: "question", "amend", "answer-{id}"), what it held
 * as typed and why it was refused. The page shows each form's values and errors only in that form; its fields' ids
 * start with the form's name, and so do the error summary's links ({@link #prefix()}).
 */
public record RefusedForm(String form, Map<String, String> values, ServiceRefusal refusal) {

    public static final RefusedForm NONE = new RefusedForm(null, Map.of(), null);

    /** The refusal, for the form named. */
    public ServiceRefusal refusal(String name) {
        return name.equals(form) ? refusal : null;
    }

    /** What the form named held, as typed. */
    public String value(String name, String field) {
        return value(name, field, null);
    }

    /** What the form named held as typed, else {@code otherwise} (what the service holds). */
    public String value(String name, String field, Object otherwise) {
        return name.equals(form) ? values.getOrDefault(field, "") : otherwise == null ? "" : otherwise.toString();
    }

    public String prefix() {
        return form == null ? "" : form + "-";
    }

    /** The name of one of a list's forms: "answer-{questionId}". */
    public String form(String kind, Object id) {
        return kind + "-" + id;
    }

    public String fieldId(String name, String field) {
        return name + "-" + field;
    }
}
