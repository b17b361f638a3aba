package dev.openuapi.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.restassured.RestAssured;

/**
 * Raw HTTP/1.1 requests from a chosen local address: 127.0.0.1 (a client on the machine) or 127.0.0.2, which
 * the test profile trusts as a reverse proxy, so its {@code X-Forwarded-For} names the client (any address,
 * IPv4 or IPv6). Brute-force tests use it to attack from addresses that are not loopback.
 */
public final class FromAddress {

    public static final String DIRECT = "127.0.0.1";
    public static final String PROXY = "127.0.0.2";

    /** Status, headers (lower-case names) and the de-chunked body. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private FromAddress() {
    }

    /** A GET from {@code client} through the trusted proxy, with these extra headers (e.g. Authorization). */
    public static Answer get(String client, String path, Map<String, String> headers) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("X-Forwarded-For", client);
        return send(PROXY, "GET", path, all, null);
    }

    public static Answer get(String client, String path, String authorization) throws IOException {
        return get(client, path, authorization == null ? Map.of() : Map.of("Authorization", authorization));
    }

    public static Answer send(String source, String method, String path, Map<String, String> headers, String body) throws IOException {
        return send(RestAssured.port, source, method, path, headers, body);
    }

    /**
     * Many GETs on one kept-alive connection from the trusted proxy, pipelined (all written, then all read), each
     * {@code {client, Authorization}}: a fast flood. Returns each answer's status, in order.
     */
    public static java.util.List<Integer> pipeline(String path, java.util.List<String[]> requests) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), RestAssured.port, InetAddress.getByName(PROXY), 0)) {
            StringBuilder all = new StringBuilder();
            for (String[] r : requests) {
                all.append("GET ").append(path).append(" HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: ").append(r[0])
                        .append("\r\nAuthorization: ").append(r[1]).append("\r\n\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(all.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                String status = line(in);
                Map<String, String> head = new LinkedHashMap<>();
                for (String h; !(h = line(in)).isEmpty();) {
                    int colon = h.indexOf(':');
                    head.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                }
                if ("chunked".equalsIgnoreCase(head.get("transfer-encoding"))) {
                    for (int size; (size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0;) {
                        in.skipNBytes(size + 2);
                    }
                    line(in);
                } else {
                    in.skipNBytes(Long.parseLong(head.getOrDefault("content-length", "0")));
                }
                statuses.add(Integer.parseInt(status.substring(9, 12)));
            }
            return statuses;
        }
    }

    private static String line(java.io.DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != '\n';) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** A GET from {@code client} through the trusted proxy to the application on {@code port}. */
    public static Answer get(int port, String client, String path, String authorization) throws IOException {
        return send(port, PROXY, "GET", path, Map.of("Authorization", authorization, "X-Forwarded-For", client), null);
    }

    public static Answer send(int port, String source, String method, String path, Map<String, String> headers, String body)
            throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(source), 0)) {
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                request.append("Content-Length: ").append(payload.length).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1); // byte offsets for chunk sizes
            int split = raw.indexOf("\r\n\r\n");
            String head = raw.substring(0, split);
            String rest = raw.substring(split + 4);
            Map<String, String> parsed = new LinkedHashMap<>();
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    parsed.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
            }
            if ("chunked".equalsIgnoreCase(parsed.get("transfer-encoding"))) {
                StringBuilder joined = new StringBuilder();
                int at = 0;
                while (true) {
                    int eol = rest.indexOf("\r\n", at);
                    int size = Integer.parseInt(rest.substring(at, eol).split(";")[0].trim(), 16);
                    if (size == 0) {
                        break;
                    }
                    joined.append(rest, eol + 2, eol + 2 + size);
                    at = eol + 2 + size + 2;
                }
                rest = joined.toString();
            }
            return new Answer(Integer.parseInt(raw.substring(9, 12)), parsed,
                    new String(rest.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
    }
}
