package dev.openuapi.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Token values and their stored form.
 *
 * <p>A value is 32 characters from {@code [0-9A-Z]}: 26 drawn from {@link SecureRandom} (about 134 bits) and a
 * six-character keyed check ({@link TokenChecks}). Only
 * {@code sha512_hex(value)} is stored, exactly as cPanel keys its {@code api_tokens_v2} files. We chose the
 * plain SHA-512 over an HMAC with a server-side pepper because the value has far too much entropy to be
 * brute-forced from a leaked hash, a pepper would be one more secret to lose, and the same hash lets an
 * operator import token files from a cPanel server unchanged. A fast hash is right here: a slow one would
 * be paid on every API request.
 */
public final class TokenValues {

    public static final int LENGTH = 32;
    static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    private TokenValues() {
    }

    /** {@code length} random characters of the alphabet. */
    static String random(int length) {
        // A fresh instance per token (creation is rare): no generator state is ever built into a native image.
        SecureRandom random = new SecureRandom();
        char[] value = new char[length];
        for (int i = 0; i < length; i++) {
            value[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(value);
    }

    /**
     * Gives a new token its name, a fresh value with its check ({@link TokenChecks}; stored only as its hash,
     * with the check key's fingerprint) and its times; returns the value.
     */
    public static String issue(TokenRecord token, TokenChecks checks, String name, long now, Long expiresAt) {
        TokenChecks.Issued issued = checks.issue();
        token.name = name;
        token.tokenHash = hash(issued.value());
        token.checkKey = issued.checkKey();
        token.createTime = now;
        token.expiresAt = expiresAt;
        return issued.value();
    }

    /** Lowercase hex SHA-512, 128 characters. */
    public static String hash(String value) {
        MessageDigest sha512 = SHA512.get();
        return HEX.formatHex(sha512.digest(value.getBytes(StandardCharsets.UTF_8))); // digest() resets it for the next use
    }

    /** One digest per thread: looking one up costs more than using it, on every token call. */
    private static final ThreadLocal<MessageDigest> SHA512 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required by every Java runtime", e);
        }
    });
    private static final HexFormat HEX = HexFormat.of();

    /** Compares two hashes in time independent of where they differ. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
