package org.anchormarket.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Sends a body of no declared length (Transfer-Encoding: chunked) as a client would, on its own thread, while the
 * answer is read: a server that refuses part-way answers and closes, and the answer is still seen.
 */
public final class ChunkedUpload {

    private ChunkedUpload() {
    }

    /**
     * POSTs {@code bytes} of spaces (JSON's whitespace, so a parser reads on) in 64 KiB chunks to {@code path} on
     * 127.0.0.1:{@code port}, with {@code headers} (each "Name: value"), and returns the start of the answer (status line, headers and up to 4 KiB).
     */
    public static String post(int port, String path, long bytes, String... headers) throws IOException,
            InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            head.append("Transfer-Encoding: chunked\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            Thread sender = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) ' ');
                try {
                    for (long sent = 0; sent < bytes; sent += chunk.length) {
                        int size = (int) Math.min(chunk.length, bytes - sent);
                        out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk, 0, size);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closed) {
                    // the server stopped reading and closed the connection
                }
            }, "chunked-upload");
            sender.start();
            byte[] answer = new byte[4096];
            int read = 0;
            InputStream in = socket.getInputStream();
            try {
                for (int n; read < answer.length && (n = in.read(answer, read, answer.length - read)) > 0;) {
                    read += n;
                    String text = new String(answer, 0, read, StandardCharsets.UTF_8);
                    int end = text.indexOf("\r\n\r\n");
                    if (end >= 0 && complete(text, end)) {
                        break;
                    }
                }
            } catch (IOException reset) {
                // what was read before the reset is the answer
            }
            sender.join(30_000);
            return new String(answer, 0, read, StandardCharsets.UTF_8);
        }
    }

    /** The answer's body is all there (by its Content-Length), so no more need be read. */
    private static boolean complete(String text, int headEnd) {
        for (String line : text.substring(0, headEnd).split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                int length = Integer.parseInt(line.substring("content-length:".length()).strip());
                return text.length() - headEnd - 4 >= length;
            }
        }
        return false;
    }
}
