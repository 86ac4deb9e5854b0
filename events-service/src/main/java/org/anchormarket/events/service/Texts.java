package org.anchormarket.events.service;

import java.text.Normalizer;
import org.anchormarket.chassis.domain.DomainException;

/** Text as kept and shown: NFC, no invisible format characters, spaces trimmed; one-line fields have no line breaks. */
final class Texts {

    private Texts() {
    }

    /** One line of at least {@code min} visible characters. */
    static String line(String field, String value, int min) {
        String clean = clean(value);
        if (clean.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.Invalid.field(field, "must be one line of text (no line breaks or control characters)");
        }
        if (clean.length() < min) {
            throw DomainException.Invalid.field(field, "must have at least " + min + " visible characters");
        }
        return clean;
    }

    /** Free text (line breaks and tabs kept); {@code null} or blank is none. */
    static String block(String field, String value) {
        if (value == null) {
            return null;
        }
        String clean = clean(value).replace("\r\n", "\n");
        if (clean.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw DomainException.Invalid.field(field, "must be text (no control characters)");
        }
        return clean.isEmpty() ? null : clean;
    }

    /** An optional line: {@code null} or blank is none. */
    static String optionalLine(String field, String value) {
        return value == null || clean(value).isEmpty() ? null : line(field, value, 1);
    }

    private static String clean(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFC).replaceAll("\\p{Cf}", "").replaceAll("\\p{Zs}", " ")
                .strip();
    }
}
