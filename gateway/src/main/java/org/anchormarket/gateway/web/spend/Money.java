package org.anchormarket.gateway.web.spend;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** Money, shares and counts as people read them: "£1,234,567.89", "£1.2m", "37.9%", "16,793". */
@TemplateExtension(namespace = "money")
public final class Money {

    private Money() {
    }

    /** A file's size as people read it: "820 bytes", "14 KB", "2.4 MB". */
    public static String size(Long bytes) {
        if (bytes == null) {
            return "–";
        }
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return new BigDecimal(bytes).divide(new BigDecimal(1024 * 1024), 1, RoundingMode.HALF_UP) + " MB";
    }

    /** To the penny: "£1,234.50", "-£75.00". */
    public static String pounds(BigDecimal amount) {
        if (amount == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        return format.format(amount);
    }

    /** Rounded for a headline: "£175.3m", "£12.4k", "£950". */
    public static String brief(BigDecimal amount) {
        if (amount == null) {
            return "–";
        }
        BigDecimal abs = amount.abs();
        String sign = amount.signum() < 0 ? "-" : "";
        // by what it rounds to: £999,950 is "£1.0m", not "£1000.0k"
        if (abs.compareTo(new BigDecimal("999950")) >= 0) {
            return sign + "£" + oneDecimal(abs.movePointLeft(6)) + "m";
        }
        if (abs.compareTo(new BigDecimal("999.5")) >= 0) {
            return sign + "£" + abs.movePointLeft(3).setScale(1, RoundingMode.HALF_UP).toPlainString() + "k";
        }
        return sign + "£" + abs.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    /** "15,437.4": one decimal, thousands separated. */
    private static String oneDecimal(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.UK);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value.setScale(1, RoundingMode.HALF_UP));
    }

    /** A count and what it counts: "1 supplier", "16,793 payments". */
    public static String counted(Number n, String noun) {
        return count(n) + " " + (n != null && n.longValue() == 1 ? noun : noun + "s");
    }

    /** {@code part} of {@code whole} as "37.9%"; "–" when nothing was spent. */
    public static String share(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return "–";
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A share the service worked out already: "37.9%". */
    public static String percent(BigDecimal share) {
        return share == null ? "–" : share.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A count as people read it: "16,793". */
    public static String count(Number n) {
        return n == null ? "–" : NumberFormat.getIntegerInstance(Locale.UK).format(n);
    }

    /** A plain number for a chart to read (no £ or commas). */
    public static String plain(BigDecimal amount) {
        return amount == null ? "0" : amount.toPlainString();
    }
}
