package org.anchormarket.analytics.domain.spendfile;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Payment dates as UK spend files write them: day first ({@code 03/01/2019}, {@code 3.1.2019}, {@code 03-01-19}),
 * ISO ({@code 2019-01-03}), with month names ({@code 03-Jan-2019}, {@code 3 January 2019}), and any of these followed
 * by a time ({@code 03/01/2019 00:00:00}, {@code 2019-01-03T00:00:00}). Never month first: a UK file's 03/01 is the
 * 3rd of January. Impossible dates (31/02/2019) are refused.
 */
public final class PaymentDates {

    private static final List<DateTimeFormatter> FORMATS = List.of(
            pattern("uuuu-M-d"), pattern("d/M/uuuu"), pattern("d.M.uuuu"), pattern("d-M-uuuu"),
            pattern("d/M/uu"), pattern("d.M.uu"), pattern("d-M-uu"), pattern("d-MMM-uuuu"), pattern("d-MMM-uu"),
            pattern("d MMM uuuu"), pattern("d MMMM uuuu"), pattern("d-MMMM-uuuu"), pattern("uuuu/M/d"),
            pattern("uuuuMMdd"));

    private PaymentDates() {
    }

    private static DateTimeFormatter pattern(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** The date, or empty when the text is none of the forms above. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        // Month names in English; "Sept" as some write September (and as Java's UK locale does) read as "Sep"
        String date = withoutTime(text.strip().replace("\"", "")).replaceFirst("(?i)\\bsept\\b", "Sep");
        for (DateTimeFormatter format : FORMATS) {
            try {
                return Optional.of(LocalDate.parse(date, format));
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return Optional.empty();
    }

    /** The date part of a date and time ({@code 2019-01-03T10:00:00}, {@code 03/01/2019 00:00}). */
    private static String withoutTime(String text) {
        int t = text.indexOf('T');
        if (t == 10 && text.length() > 11 && Character.isDigit(text.charAt(11))) {
            return text.substring(0, 10);
        }
        java.util.regex.Matcher time = java.util.regex.Pattern.compile("\\s+\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$")
                .matcher(text);
        return time.find() ? text.substring(0, time.start()) : text;
    }
}
