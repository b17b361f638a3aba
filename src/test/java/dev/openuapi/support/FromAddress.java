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
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), RestAssured.port, InetAddress.getByName(source), 0)) {
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
