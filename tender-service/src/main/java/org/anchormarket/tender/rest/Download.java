package org.anchormarket.tender.rest;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.anchormarket.tender.service.Documents;

/**
 * A file to download, held in memory (never written to disk: a bid's file is sealed everywhere but in the answer).
 * The generated interfaces return {@link File} for binary answers; this is one, and {@link Writer} sends its bytes
 * with its own type, a download name, its SHA-256 as ETag, and nosniff.
 */
public final class Download extends File {

    private static final long serialVersionUID = 1L;
    private final transient Documents.File file;

    Download(Documents.File file) {
        super("/nonexistent/download"); // never a path: only Writer sends it
        this.file = file;
    }

    @Provider
    @Produces(MediaType.WILDCARD)
    public static class Writer implements MessageBodyWriter<Download> {

        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return Download.class.isAssignableFrom(type);
        }

        @Override
        public long getSize(Download d, Class<?> type, Type genericType, Annotation[] annotations,
                MediaType mediaType) {
            return d.file.bytes().length;
        }

        @Override
        public void writeTo(Download d, Class<?> type, Type genericType, Annotation[] annotations,
                MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
            headers.putSingle(HttpHeaders.CONTENT_TYPE, d.file.contentType());
            headers.putSingle("Content-Disposition", "attachment; filename=\"" + d.file.name()
                    .replaceAll("[^A-Za-z0-9._ -]", "_") + "\"; filename*=UTF-8''"
                    + URLEncoder.encode(d.file.name(), StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A"));
            headers.putSingle(HttpHeaders.ETAG, "\"" + d.file.sha256() + "\"");
            headers.putSingle("X-Content-Type-Options", "nosniff");
            // a draft's document or a bid's file is for its readers only: no shared cache keeps it
            headers.putSingle(HttpHeaders.CACHE_CONTROL, d.file.shared() ? "public, max-age=300" : "private, no-store");
            headers.putSingle(HttpHeaders.CONTENT_LENGTH, d.file.bytes().length);
            out.write(d.file.bytes());
        }
    }
}
