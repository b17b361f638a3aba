package dev.openuapi.session;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The secrets of a session, in cPanel's shapes. A cookie's value is {@code USER:SECRET} (sent percent-encoded, as
 * cpsrvd sends {@code johnny%3a3KCfM88PHoZ4MoUf%2c…}); create_user_session's one-time login string is
 * {@code USER:SECRET:create_user_session,CHECK}, as in cPanel's documented answer. Each carries 192 random bits;
 * only the SHA-256 of the whole string is stored. The security token is ten random digits.
 */
public final class SessionSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LENGTH = 200;

    /** A presented cookie or login string: its user and the whole string, which is what is hashed. */
    public record Presented(String user, String whole) {

        public String hash() {
            return SessionSecrets.hash(whole);
        }
    }

    private SessionSecrets() {
    }

    /** A new cookie value (not encoded): {@code user:} and 32 random characters. */
    static String newCookieSecret(String user) {
        return user + ":" + random(24);
    }

    /** A new one-time login string for create_user_session. */
    static String newLoginString(String user) {
        return user + ":" + random(18) + ":" + LoginSession.ORIGIN_CREATE_USER_SESSION + "," + HexFormat.of().formatHex(bytes(8));
    }

    /** Ten random digits. */
    static String newSecurityToken() {
        return String.format("%010d", RANDOM.nextLong(10_000_000_000L));
    }

    /** The cookie's value on the wire: percent-encoded, as cpsrvd sends it. */
    public static String encode(String secret) {
        return URLEncoder.encode(secret, StandardCharsets.UTF_8);
    }

    /**
     * A cookie value or login string as a client sent it (percent-encoded or not); empty when it cannot be one of
     * ours (no user before a colon, too long, undecodable).
     */
    public static Optional<Presented> parse(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = value.indexOf('%') < 0 ? value : URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Presented(decoded.substring(0, colon), decoded));
    }

    /** Lowercase hex SHA-256. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether two security tokens are the same, in constant time. */
    public static boolean sameToken(String stored, String presented) {
        return presented != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static String random(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(bytes));
    }

    private static byte[] bytes(int count) {
        byte[] out = new byte[count];
        RANDOM.nextBytes(out);
        return out;
    }
}
