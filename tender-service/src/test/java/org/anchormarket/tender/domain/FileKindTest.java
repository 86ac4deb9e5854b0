package org.anchormarket.tender.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.anchormarket.tender.support.Files;
import org.junit.jupiter.api.Test;

/** A file's contents must be what its type says; odd and broken files are refused, never thrown on. */
class FileKindTest {

    @Test
    void shouldTakeEachKindByItsContents() {
        assertEquals(Optional.of(FileKind.CSV), FileKind.of("text/csv; charset=UTF-8"));
        assertEquals(Optional.empty(), FileKind.of("application/x-msdownload"));
        assertEquals(Optional.empty(), FileKind.PDF.refuses(Files.pdf("spec")));
        assertEquals(Optional.empty(), FileKind.DOCX.refuses(Files.docx()));
        assertEquals(Optional.empty(), FileKind.ODT.refuses(Files.odt()));
        assertEquals(Optional.empty(), FileKind.PNG.refuses(Files.png()));
        assertEquals(Optional.empty(), FileKind.CSV.refuses("Item,Price\nMeals,£4.50\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldRefuseFilesThatAreNotWhatTheySay() {
        assertTrue(FileKind.PDF.refuses(Files.png()).isPresent());
        assertTrue(FileKind.PDF.refuses(new byte[0]).orElseThrow().contains("empty"));
        // a zip, but not a Word document; an OpenDocument whose mimetype names another kind
        assertTrue(FileKind.DOCX.refuses(Files.zip(false, "readme.txt", "hello")).isPresent());
        assertTrue(FileKind.ODS.refuses(Files.odt()).isPresent());
        assertTrue(FileKind.ODT.refuses(Files.zip(true, "mimetype", "application/vnd.oasis.opendocument.text-template"))
                .isPresent(), "an ODT template is not an ODT");
        assertTrue(FileKind.XLSX.refuses(Files.docx()).isPresent());
        // Windows-1252 "£" and a NUL are not UTF-8 text
        assertTrue(FileKind.CSV.refuses(new byte[] { 'a', ',', (byte) 0xa3, '1' }).isPresent());
        assertTrue(FileKind.TEXT.refuses(new byte[] { 'a', 0, 'b' }).isPresent());
    }

    @Test
    void shouldSaveFilesUnderNamesThatSayWhatTheyAre() {
        assertEquals(Optional.of("Specification.pdf"), FileKind.PDF.safeName("C:\\fakepath\\Specification.pdf"));
        assertEquals(Optional.of("setup.cmd.txt"), FileKind.TEXT.safeName("setup.cmd"), "text stays text");
        // a right-to-left override would show "invoice\u202Efdp.exe" as "invoiceexe.pdf"
        assertEquals(Optional.of("invoicefdp.exe.pdf"), FileKind.PDF.safeName("invoice\u202Efdp.exe"));
        assertEquals(Optional.of("photo.JPEG"), FileKind.JPEG.safeName("photo.JPEG"));
        assertEquals(Optional.empty(), FileKind.PDF.safeName(" \u0007 "));
        assertEquals(Optional.empty(), FileKind.PDF.safeName("../.."));
        assertEquals(200, FileKind.PDF.safeName("a".repeat(300) + ".pdf").orElseThrow().length());
        assertTrue(FileKind.PDF.safeName("a".repeat(300)).orElseThrow().endsWith(".pdf"));
    }

    @Test
    void shouldReadAZipWhoseCommentLooksLikeTheEndOfADirectory() throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            // a look-alike end-of-directory record, 22 bytes and more before the real comment's end
            zip.setComment("PK\u0005\u0006" + "x".repeat(40));
        }
        assertEquals(Optional.empty(), FileKind.DOCX.refuses(bytes.toByteArray()));
    }

    @Test
    void shouldRefuseBrokenZipsWithoutThrowing() {
        byte[] docx = Files.docx();
        // cut short, central directory pointing past the end, garbage after the signature
        assertTrue(FileKind.DOCX.refuses(Arrays.copyOf(docx, docx.length / 2)).isPresent());
        byte[] lying = docx.clone();
        for (int i = lying.length - 22; i >= 0; i--) {
            if (lying[i] == 'P' && lying[i + 1] == 'K' && lying[i + 2] == 5 && lying[i + 3] == 6) {
                lying[i + 16] = (byte) 0xff; // the directory's offset, now far past the end
                lying[i + 17] = (byte) 0xff;
                lying[i + 18] = (byte) 0xff;
                lying[i + 19] = (byte) 0x7f;
                break;
            }
        }
        assertTrue(FileKind.DOCX.refuses(lying).isPresent());
        byte[] junk = new byte[1000];
        junk[0] = 'P';
        junk[1] = 'K';
        junk[2] = 3;
        junk[3] = 4;
        assertTrue(FileKind.DOCX.refuses(junk).isPresent());
    }
}
