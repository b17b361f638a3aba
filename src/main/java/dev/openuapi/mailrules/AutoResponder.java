package dev.openuapi.mailrules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An autoresponder as cPanel keeps it in the home: {@code ~/.autorespond/<address>} holds the message (a {@code From:}
 * and a {@code Subject:} line, a {@code Content-Type:} with the charset, a blank line, the body) and
 * {@code ~/.autorespond/<address>.json} its {@code interval} (hours), {@code start} and {@code stop} (epoch seconds;
 * {@code null}: none).
 */
public record AutoResponder(String email, String from, String subject, String body, boolean html, String charset, long interval, Long start,
        Long stop) {

    private static final ObjectMapper JSON = new ObjectMapper();

    byte[] message() {
        String name = from == null ? "" : from.replace("\\", "\\\\").replace("\"", "\\\"");
        String text = "From: \"" + name + "\" <" + email + ">\n" + "Subject: " + subject + "\n" + "Content-Type: "
                + (html ? "text/html" : "text/plain") + "; charset=\"" + charset + "\"\n\n" + body;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    byte[] config() {
        ObjectNode node = JSON.createObjectNode().put("interval", interval);
        if (start == null) {
            node.putNull("start");
        } else {
            node.put("start", start);
        }
        if (stop == null) {
            node.putNull("stop");
        } else {
            node.put("stop", stop);
        }
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the two files back ({@code config} may be {@code null}: cPanel's defaults, 24 hours and no dates). */
    static AutoResponder parse(String email, byte[] message, byte[] config) {
        String text = new String(message, StandardCharsets.UTF_8).replace("\r\n", "\n");
        int split = text.indexOf("\n\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 2);
        String from = "";
        String subject = "";
        String charset = "utf-8";
        boolean html = false;
        for (String line : head.split("\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("from:")) {
                from = displayName(line.substring(5).trim());
            } else if (lower.startsWith("subject:")) {
                subject = line.substring(8).trim();
            } else if (lower.startsWith("content-type:")) {
                html = lower.contains("text/html");
                int at = lower.indexOf("charset=");
                if (at >= 0) {
                    charset = line.substring(at + 8).trim().replace("\"", "").replaceAll("[;\\s].*", "");
                }
            }
        }
        long interval = 24;
        Long start = null;
        Long stop = null;
        if (config != null) {
            try {
                JsonNode node = JSON.readTree(config);
                interval = node.path("interval").asLong(24);
                start = node.path("start").isNumber() ? node.get("start").asLong() : null;
                stop = node.path("stop").isNumber() ? node.get("stop").asLong() : null;
            } catch (IOException e) {
                // a damaged settings file: cPanel's defaults
            }
        }
        return new AutoResponder(email, from, subject, body, html, charset, interval, start, stop);
    }

    /** The name in {@code "Name" <address>}, as cPanel's getarsfrom reads it. */
    private static String displayName(String value) {
        int angle = value.indexOf('<');
        String name = (angle >= 0 ? value.substring(0, angle) : value).trim();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return name;
    }
}
