package org.anchormarket.tender.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file tenders and bids take, by their media type, and whether a file's contents are what its type
 * says: a PDF starts %PDF-, a Word or Excel file is a zip holding its main part, an OpenDocument file a zip whose
 * {@code mimetype} names it, an image its signature, text and CSV are UTF-8 without NUL characters. Only a zip's
 * central directory is read (and the stored {@code mimetype}), nothing inflated: no zip bomb goes off. (Read by hand:
 * the JDK's ZipInputStream inflates every entry it passes, its ZipFile needs a file.)
 */
public enum FileKind {
    PDF("application/pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ODT("application/vnd.oasis.opendocument.text"),
    ODS("application/vnd.oasis.opendocument.spreadsheet"),
    TEXT("text/plain"),
    CSV("text/csv"),
    PNG("image/png"),
    JPEG("image/jpeg");

    private final String mediaType;

    FileKind(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The extensions a file of this kind is saved with, the usual one first. */
    public java.util.List<String> extensions() {
        return switch (this) {
            case PDF -> java.util.List.of(".pdf");
            case DOCX -> java.util.List.of(".docx");
            case XLSX -> java.util.List.of(".xlsx");
            case ODT -> java.util.List.of(".odt");
            case ODS -> java.util.List.of(".ods");
            case TEXT -> java.util.List.of(".txt");
            case CSV -> java.util.List.of(".csv");
            case PNG -> java.util.List.of(".png");
            case JPEG -> java.util.List.of(".jpg", ".jpeg");
        };
    }

    /**
     * The name a file of this kind is shown and saved with: the last part of a path as browsers send it, without
     * control or formatting characters (no right-to-left override making "exe.pdf" of "fdp.exe"), ending in one of
     * this kind's extensions (added when it does not): a text file named "setup.cmd" is saved as "setup.cmd.txt".
     * Empty when nothing of a name is left.
     */
    public Optional<String> safeName(String given) {
        String name = given == null ? "" : given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\"]", "")
                .strip();
        if (name.isEmpty() || name.matches("\\.+")) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String ext = extensions().stream().filter(lower::endsWith).findFirst().orElse(null);
        String base = ext == null ? name : name.substring(0, name.length() - ext.length());
        String end = ext == null ? extensions().get(0) : name.substring(name.length() - ext.length());
        return Optional.of((base.length() + end.length() > 200 ? base.substring(0, 200 - end.length()) : base) + end);
    }

    /** The kind of a Content-Type as sent ("text/csv; charset=utf-8" is CSV), if it is one taken. */
    public static Optional<FileKind> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.mediaType.equals(type)).findFirst();
    }

    /** Why these contents are not a file of this kind, or empty when they are. */
    public Optional<String> refuses(byte[] bytes) {
        if (bytes.length == 0) {
            return Optional.of("is empty");
        }
        boolean ok = switch (this) {
            case PDF -> startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII));
            case PNG -> startsWith(bytes, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
            case JPEG -> startsWith(bytes, new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff });
            case TEXT, CSV -> utf8WithoutNul(bytes);
            case DOCX -> zip(bytes, "word/document.xml", null);
            case XLSX -> zip(bytes, "xl/workbook.xml", null);
            case ODT, ODS -> zip(bytes, "mimetype", mediaType);
        };
        return ok ? Optional.empty() : Optional.of("is not " + words() + " (its contents say otherwise)");
    }

    private String words() {
        return switch (this) {
            case PDF -> "a PDF";
            case DOCX -> "a Word document (.docx)";
            case XLSX -> "an Excel workbook (.xlsx)";
            case ODT -> "an OpenDocument text";
            case ODS -> "an OpenDocument spreadsheet";
            case TEXT -> "plain text in UTF-8";
            case CSV -> "a CSV file in UTF-8";
            case PNG -> "a PNG image";
            case JPEG -> "a JPEG image";
        };
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean utf8WithoutNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean zip(byte[] bytes, String entryName, String content) {
        try {
            return zipHolds(bytes, entryName, content);
        } catch (IndexOutOfBoundsException malformed) {
            return false;
        }
    }

    /**
     * A zip with an entry of this name (whose stored bytes start with {@code content}, when given), read from the zip's
     * central directory: names only, nothing inflated.
     */
    private static boolean zipHolds(byte[] bytes, String entryName, String content) {
        if (!startsWith(bytes, new byte[] { 'P', 'K', 3, 4 })) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        // the end of central directory record: 22 bytes and a comment of up to 65,535 bytes at the end
        int end = -1;
        for (int i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
            // the record whose comment runs to the end of the file: not a look-alike inside a comment
            if (b.getInt(i) == 0x06054b50 && i + 22 + Short.toUnsignedInt(b.getShort(i + 20)) == bytes.length) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return false;
        }
        int entries = Short.toUnsignedInt(b.getShort(end + 10));
        long at = Integer.toUnsignedLong(b.getInt(end + 16));
        byte[] wanted = entryName.getBytes(StandardCharsets.UTF_8);
        for (int n = 0; n < entries; n++) {
            if (at + 46 > bytes.length || b.getInt((int) at) != 0x02014b50) {
                return false;
            }
            int method = Short.toUnsignedInt(b.getShort((int) at + 10));
            int nameLength = Short.toUnsignedInt(b.getShort((int) at + 28));
            int extraLength = Short.toUnsignedInt(b.getShort((int) at + 30));
            int commentLength = Short.toUnsignedInt(b.getShort((int) at + 32));
            long local = Integer.toUnsignedLong(b.getInt((int) at + 42));
            if (at + 46 + nameLength > bytes.length) {
                return false;
            }
            if (nameLength == wanted.length
                    && Arrays.equals(bytes, (int) at + 46, (int) at + 46 + nameLength, wanted, 0, wanted.length)) {
                if (content == null) {
                    return true;
                }
                // OpenDocument's mimetype is stored (not compressed): its bytes follow its local header
                if (method != 0 || local + 30 > bytes.length) {
                    return false;
                }
                int start = (int) local + 30 + Short.toUnsignedInt(b.getShort((int) local + 26))
                        + Short.toUnsignedInt(b.getShort((int) local + 28));
                byte[] expected = content.getBytes(StandardCharsets.US_ASCII);
                long size = Integer.toUnsignedLong(b.getInt((int) at + 24)); // its uncompressed size
                return size == expected.length && start + expected.length <= bytes.length
                        && Arrays.equals(bytes, start, start + expected.length, expected, 0, expected.length);
            }
            at += 46L + nameLength + extraLength + commentLength;
        }
        return false;
    }
}
