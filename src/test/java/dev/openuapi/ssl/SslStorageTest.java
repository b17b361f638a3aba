package dev.openuapi.ssl;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.TestCertificates;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/** A private key is only ever at rest encrypted, and decrypts back to what was uploaded. */
@QuarkusTest
class SslStorageTest {

    @Inject
    DataSource dataSource;

    @Inject
    SslKeyCipher cipher;

    @Test
    void theKeyIsEncryptedAtRest() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        TestCertificates.Pair pair = TestCertificates.selfSigned(TestCertificates.KeyFormat.PKCS8_RSA, alice.domain());
        Uapi.success(SslModuleTest.install(alice, token, alice.domain(), pair));
        String stored;
        StringBuilder everything = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT key_encrypted FROM ssl_certificate c JOIN account a ON a.id = c.account_id "
                    + "WHERE a.username = '" + alice.username() + "'")) {
                assertTrue(rs.next());
                stored = rs.getString(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM ssl_certificate")) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        everything.append(rs.getString(i)).append('\n');
                    }
                }
            }
        }
        assertTrue(stored.startsWith("v1:"), stored.substring(0, 10));
        assertFalse(everything.toString().contains("PRIVATE KEY"));
        String keyBody = pair.key().lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertFalse(everything.toString().contains(keyBody), "no line of the key's base64 is stored");
        assertEquals(pair.key().trim() + "\n", cipher.decrypt(stored));
    }
}
