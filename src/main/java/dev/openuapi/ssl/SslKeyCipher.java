package dev.openuapi.ssl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.config.OpenUapiConfig;

/**
 * Encrypts private keys at rest: AES-256-GCM under a key derived (SHA-256) from
 * {@code openuapi.ssl.key-secret}, a fresh 12-byte nonce per key, stored as {@code v1:base64(nonce|ciphertext)}.
 */
@ApplicationScoped
public class SslKeyCipher {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;

    private final Optional<SecretKeySpec> key;

    SslKeyCipher(OpenUapiConfig config) {
        this.key = config.ssl().keySecret().filter(s -> !s.isEmpty()).map(SslKeyCipher::derive);
    }

    public String encrypt(String plaintext) {
        SecretKeySpec secret = key.orElseThrow(() -> ApiException.invalid(
                "This server cannot store private keys: the operator has not set OPENUAPI_SSL_KEY_SECRET."));
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            new SecureRandom().nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, secret, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java runtime", e);
        }
    }

    public String decrypt(String stored) {
        SecretKeySpec secret = key.orElseThrow(() -> new IllegalStateException("OPENUAPI_SSL_KEY_SECRET is not set"));
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("Unknown key encryption format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, secret, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored private key could not be decrypted (was the secret changed?)", e);
        }
    }

    private static SecretKeySpec derive(String secret) {
        try {
            return new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
