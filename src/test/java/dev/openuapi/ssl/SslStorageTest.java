package dev.openuapi.ssl;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.TestCertificates;
import dev.openuapi.support.TestConfig;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A private key is only ever at rest encrypted, and decrypts back to what was uploaded. The test decrypts
 * on its own, from the documented format, not with the application's cipher.
 */
@QuarkusTest
class SslStorageTest {

    /**
     * OpenUAPI's own at-rest format (src/docs/configuration.md, {@code openuapi.ssl.key-secret}; cPanel keeps keys in files):
     * {@code v1:} + base64(12-byte nonce | AES-256-GCM ciphertext with its 128-bit tag), the AES key being
     * SHA-256 of the UTF-8 secret.
     */
    static final String OPENUAPI_CHOICE_PREFIX = "v1:";
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;

    @Inject
    DataSource dataSource;

    /** Decrypts a stored key with the JDK only. */
    static String decrypt(String stored, String secret) throws GeneralSecurityException {
        assertTrue(stored.startsWith(OPENUAPI_CHOICE_PREFIX), "format " + OPENUAPI_CHOICE_PREFIX);
        byte[] in = Base64.getDecoder().decode(stored.substring(OPENUAPI_CHOICE_PREFIX.length()));
        SecretKeySpec key = new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)), "AES");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, in, 0, NONCE_BYTES));
        return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    }

    static byte[] nonce(String stored) {
        return Arrays.copyOf(Base64.getDecoder().decode(stored.substring(OPENUAPI_CHOICE_PREFIX.length())), NONCE_BYTES);
    }

    @Test
    void theKeyIsEncryptedAtRest() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        TestCertificates.Pair pair = TestCertificates.selfSigned(TestCertificates.KeyFormat.PKCS8_RSA, alice.domain());
        Uapi.success(SslModuleTest.install(alice, token, alice.domain(), pair));
        String stored = storedKey(alice.username());
        StringBuilder everything = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM ssl_certificate")) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    everything.append(rs.getString(i)).append('\n');
                }
            }
        }
        assertTrue(stored.startsWith(OPENUAPI_CHOICE_PREFIX), stored.substring(0, 10));
        assertFalse(everything.toString().contains("PRIVATE KEY"));
        String keyBody = pair.key().lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertFalse(everything.toString().contains(keyBody), "no line of the key's base64 is stored");

        String secret = TestConfig.sslKeySecret().orElseThrow(() -> new AssertionError("the %test profile sets openuapi.ssl.key-secret"));
        String expected = pair.key().trim() + "\n";
        assertEquals(expected, decrypt(stored, secret));
        int sealed = Base64.getDecoder().decode(stored.substring(OPENUAPI_CHOICE_PREFIX.length())).length;
        assertEquals(NONCE_BYTES + expected.getBytes(StandardCharsets.UTF_8).length + TAG_BYTES, sealed,
                "nonce, ciphertext as long as the key, 128-bit tag");
        assertThrows(AEADBadTagException.class, () -> decrypt(stored, secret + "-wrong"), "another secret fails the GCM tag");
    }

    @Test
    void theSameKeyEncryptsDifferentlyEachTime() throws Exception {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        // One certificate for both accounts' domains, so each account stores the same key once.
        TestCertificates.Pair pair = TestCertificates.selfSigned(TestCertificates.KeyFormat.PKCS8_RSA, alice.domain(), bob.domain());
        Uapi.success(SslModuleTest.install(alice, alice.newToken(), alice.domain(), pair));
        Uapi.success(SslModuleTest.install(bob, bob.newToken(), bob.domain(), pair));
        String first = storedKey(alice.username());
        String second = storedKey(bob.username());
        assertNotEquals(first, second, "two encryptions of one key differ");
        assertFalse(Arrays.equals(nonce(first), nonce(second)), "a fresh nonce each time");
        String secret = TestConfig.sslKeySecret().orElseThrow();
        assertEquals(pair.key().trim() + "\n", decrypt(first, secret));
        assertEquals(pair.key().trim() + "\n", decrypt(second, secret));
    }

    private String storedKey(String username) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT key_encrypted FROM ssl_certificate c JOIN account a ON a.id = c.account_id"
                        + " WHERE a.username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "a stored certificate for " + username);
                String stored = rs.getString(1);
                assertFalse(rs.next(), "one stored certificate for " + username);
                return stored;
            }
        }
    }
}
