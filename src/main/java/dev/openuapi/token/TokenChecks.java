package dev.openuapi.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.openuapi.config.OpenUapiConfig;

/**
 * The check every issued token carries, so that a guessed token is refused from memory, without a database
 * lookup (issue 13 §1). A value is still 32 characters of {@code [0-9A-Z]}, as cPanel's: 26 random characters
 * (about 134 bits) and 6 that are a keyed checksum of them, {@code HMAC-SHA256(key, body)}'s first 64 bits
 * modulo 36⁶ in base 36. A random guess passes with a chance of one in 2.2 billion, and then costs one
 * indexed lookup, as every guess did before.
 *
 * <p>The key ({@code openuapi.tokens.check-key}) is shared by the replicas. Rotation: set a new key and move the
 * old one to {@code previous-check-keys}; tokens issued under any listed key pass. Each token row records the
 * fingerprint of its key ({@code check_key}); a token whose key is listed nowhere (issued before checks
 * existed, imported, or under a retired key) is known by its hash instead ({@code dev.openuapi.auth.UncheckedTokensService}).
 */
@ApplicationScoped
public class TokenChecks {

    static final int BODY_LENGTH = TokenValues.LENGTH - 6;
    private static final long CHECK_SPACE = 36L * 36 * 36 * 36 * 36 * 36;
    private static final char[] ALPHABET = TokenValues.ALPHABET;
    private static final byte[] FINGERPRINT_INPUT = "openuapi-token-check-fingerprint".getBytes(StandardCharsets.US_ASCII);
    /** Fewer characters than this make a key someone could guess. */
    static final int MIN_KEY_LENGTH = 32;

    /** A key, and a {@link Mac} per thread (a Mac is not thread-safe, and getting one costs more than using it). */
    private record Key(SecretKeySpec spec, String fingerprint, ThreadLocal<Mac> macs) {

        byte[] mac(byte[] input) {
            return macs.get().doFinal(input);
        }
    }

    private final List<Key> keys;

    @Inject
    TokenChecks(OpenUapiConfig config) {
        this(config.tokens().checkKey(), config.tokens().previousCheckKeys().orElse(List.of()));
    }

    TokenChecks(String current, List<String> previous) {
        List<Key> all = new ArrayList<>();
        all.add(key(current, "openuapi.tokens.check-key"));
        previous.stream().filter(k -> !k.isBlank()).forEach(k -> all.add(key(k, "openuapi.tokens.previous-check-keys")));
        this.keys = List.copyOf(all);
    }

    private static Key key(String secret, String setting) {
        if (secret == null || secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException(setting + " must be at least " + MIN_KEY_LENGTH + " characters long.");
        }
        SecretKeySpec spec = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        String fingerprint = HexFormat.of().formatHex(newMac(spec).doFinal(FINGERPRINT_INPUT), 0, 8);
        return new Key(spec, fingerprint, ThreadLocal.withInitial(() -> newMac(spec)));
    }

    /** A new value under the current key, and that key's fingerprint, for the token's row. */
    public Issued issue() {
        String body = TokenValues.random(BODY_LENGTH);
        Key current = keys.get(0);
        return new Issued(body + check(current, body), current.fingerprint());
    }

    public record Issued(String value, String checkKey) {
    }

    /** Whether {@code value} carries a check under one of the configured keys. */
    public boolean passes(String value) {
        if (value.length() != TokenValues.LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        String body = value.substring(0, BODY_LENGTH);
        byte[] presented = value.substring(BODY_LENGTH).getBytes(StandardCharsets.US_ASCII);
        boolean passes = false;
        for (Key key : keys) {
            passes |= MessageDigest.isEqual(check(key, body).getBytes(StandardCharsets.US_ASCII), presented);
        }
        return passes;
    }

    /** The fingerprints of the configured keys, current first: tokens with another one are known by hash. */
    public Set<String> fingerprints() {
        Set<String> all = new LinkedHashSet<>();
        keys.forEach(k -> all.add(k.fingerprint()));
        return all;
    }

    private static String check(Key key, String body) {
        byte[] mac = key.mac(body.getBytes(StandardCharsets.US_ASCII));
        long n = 0;
        for (int i = 0; i < 8; i++) {
            n = (n << 8) | (mac[i] & 0xFF);
        }
        long rest = Long.remainderUnsigned(n, CHECK_SPACE);
        char[] digits = new char[6];
        for (int i = 5; i >= 0; i--) {
            digits[i] = ALPHABET[(int) (rest % 36)];
            rest /= 36;
        }
        return new String(digits);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
    }
}
