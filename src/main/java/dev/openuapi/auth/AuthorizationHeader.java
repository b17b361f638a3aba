package dev.openuapi.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The credentials in an {@code Authorization} header. The scheme word is matched case-insensitively,
 * surrounding spaces are trimmed and the rest is split on the first colon (spec §2.1): everything after
 * it belongs to the token or password. A header of a known scheme whose rest cannot be read keeps its
 * scheme (which decides where it may go) without a user or secret.
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

    /** {@code null} when the header is absent or of another scheme. */
    public static AuthorizationHeader read(String header) {
        if (header == null) {
            return null;
        }
        String value = header.trim();
        int space = value.indexOf(' ');
        if (space < 0) {
            return null;
        }
        Scheme scheme = switch (value.substring(0, space).trim().toLowerCase(Locale.ROOT)) {
            case "cpanel" -> Scheme.CPANEL;
            case "whm" -> Scheme.WHM;
            case "basic" -> Scheme.BASIC;
            default -> null;
        };
        if (scheme == null) {
            return null;
        }
        String detail = value.substring(space + 1).trim();
        if (scheme == Scheme.BASIC) {
            try {
                detail = new String(Base64.getDecoder().decode(detail), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new AuthorizationHeader(scheme, null, null);
            }
        }
        int colon = detail.indexOf(':');
        if (colon <= 0) {
            return new AuthorizationHeader(scheme, null, null);
        }
        String user = detail.substring(0, colon).trim();
        String secret = scheme == Scheme.BASIC ? detail.substring(colon + 1) : detail.substring(colon + 1).trim();
        if (user.isEmpty() || secret.isEmpty()) {
            return new AuthorizationHeader(scheme, null, null);
        }
        return new AuthorizationHeader(scheme, user, secret);
    }

    /** The header's credentials; empty when it is absent, of another scheme or malformed. */
    public static Optional<AuthorizationHeader> parse(String header) {
        return Optional.ofNullable(read(header)).filter(AuthorizationHeader::isComplete);
    }

    /** Whether a user and a secret could be read. */
    public boolean isComplete() {
        return user != null;
    }

    @Override
    public String toString() {
        return "AuthorizationHeader[" + scheme + " " + user + ":***]"; // never print the secret
    }
}
