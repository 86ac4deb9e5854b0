package org.anchormarket.gateway.web.tenders;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.anchormarket.gateway.web.ServiceRefusal;

/** A file from tender-service passed on to the browser: its bytes, type and download name, nothing else. */
final class Downloads {

    private Downloads() {
    }

    /** The types tender-service takes, by extension. */
    private static final java.util.Map<String, String> TYPES = java.util.Map.of(
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "odt", "application/vnd.oasis.opendocument.text",
            "ods", "application/vnd.oasis.opendocument.spreadsheet",
            "txt", "text/plain", "csv", "text/csv", "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg");

    /**
     * A file's type as the service should hear it: the browser's when it is one taken, else the one its extension
     * says (browsers on Windows send a .docx as application/octet-stream and a .csv as application/vnd.ms-excel);
     * the service checks the contents either way.
     */
    static String typeOf(String fileName, String browserType) {
        String sent = browserType == null ? "" : browserType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (TYPES.containsValue(sent)) {
            return sent;
        }
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        return TYPES.getOrDefault(ext, sent.isEmpty() ? "application/octet-stream" : sent);
    }

    static Response passOn(Supplier<Response> fetch) {
        Response upstream = fetch.get();
        try {
            if (upstream.getStatus() != 200) {
                throw new ServiceRefusal(upstream.getStatus(), "The file could not be read", java.util.List.of());
            }
            byte[] bytes = upstream.readEntity(byte[].class);
            return Response.ok(bytes)
                    .header(HttpHeaders.CONTENT_TYPE, upstream.getHeaderString(HttpHeaders.CONTENT_TYPE))
                    .header("Content-Disposition", upstream.getHeaderString("Content-Disposition"))
                    .header("X-Content-Type-Options", "nosniff")
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
        } finally {
            upstream.close();
        }
    }
}
