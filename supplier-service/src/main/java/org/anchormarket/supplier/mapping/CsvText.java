package org.anchormarket.supplier.mapping;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anchormarket.chassis.problem.ProblemException;

/**
 * The text of an uploaded CSV file: UTF-8 when it starts with a byte-order mark (Excel's "CSV UTF-8"; the mark is
 * dropped); else in the charset its Content-Type declares; else UTF-8, and a file that is not valid UTF-8 is
 * Windows-1252, as Excel's plain "CSV" writes on Windows. Never decoded with replacement characters: a declared charset that does not fit is a 400.
 */
public final class CsvText {

    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)\"?");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvText() {
    }

    public static String decode(byte[] bytes, String contentType) {
        // A byte-order mark says more than a header (as browsers read it): Excel's "CSV UTF-8" is UTF-8 whatever
        // the client that sent it declared.
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            String text = strict(bytes, StandardCharsets.UTF_8);
            if (text == null) {
                throw ProblemException.invalid("body", "starts as UTF-8 but is not valid UTF-8");
            }
            return withoutBom(text);
        }
        Matcher declared = CHARSET.matcher(contentType == null ? "" : contentType);
        if (declared.find()) {
            Charset charset = charset(declared.group(1));
            String text = strict(bytes, charset);
            if (text == null) {
                throw ProblemException.invalid("body", "is not valid " + charset.name() + " text, as its "
                        + "Content-Type says");
            }
            return text;
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        return utf8 != null ? utf8 : new String(bytes, WINDOWS_1252);
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name.toLowerCase(Locale.ROOT));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ProblemException.invalid("Content-Type", "names a charset this service does not know: " + name);
        }
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
