package dev.openuapi.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The credentials in an {@code Authorization} header. The scheme word is matched case-insensitively,
 * surrounding spaces are trimmed and the rest is split on the first colon (spec §2.1): everything after
 * it belongs to the token or password.
 */
public record AuthorizationHeader(Scheme scheme, String user, String secret) {

    public enum Scheme {
        /** {@code cpanel USER:TOKEN}: a cPanel API token. */
        CPANEL,
        /** {@code whm USER:TOKEN}: a WHM API token (the operator side). */
        WHM,
        /** {@code Basic base64(USER:PASSWORD)}. */
        BASIC
    }

    /** Empty when the header is absent, of another scheme or malformed. */
    public static Optional<AuthorizationHeader> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.trim();
        int space = value.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        Scheme scheme = schemeOf(value.substring(0, space));
        if (scheme == null) {
            return Optional.empty();
        }
        String detail = value.substring(space + 1).trim();
        if (scheme == Scheme.BASIC) {
            try {
                detail = new String(Base64.getDecoder().decode(detail), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        int colon = detail.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String user = detail.substring(0, colon).trim();
        String secret = scheme == Scheme.BASIC ? detail.substring(colon + 1) : detail.substring(colon + 1).trim();
        if (user.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AuthorizationHeader(scheme, user, secret));
    }

    /** Just the scheme, without decoding: enough to decide where a token may go. */
    public static Scheme schemeOf(String word) {
        return switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "cpanel" -> Scheme.CPANEL;
            case "whm" -> Scheme.WHM;
            case "basic" -> Scheme.BASIC;
            default -> null;
        };
    }

    public static Scheme schemeOfHeader(String header) {
        if (header == null) {
            return null;
        }
        String value = header.trim();
        int space = value.indexOf(' ');
        return space < 0 ? null : schemeOf(value.substring(0, space));
    }

    @Override
    public String toString() {
        return "AuthorizationHeader[" + scheme + " " + user + ":***]"; // never print the secret
    }
}
