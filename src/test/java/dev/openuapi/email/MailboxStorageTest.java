package dev.openuapi.email;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.openuapi.common.CryptPasswords;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What Email::add_pop and passwd_pop store: a SHA512-CRYPT hash of the password (what Dovecot's SQL passdb
 * checks), never the password. Reads the application's own database, so it runs in-process only (no *IT).
 */
@QuarkusTest
class MailboxStorageTest {

    @Inject
    DataSource dataSource;

    @Test
    void passwdPopReplacesTheStoredHash() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String address = "box@" + alice.domain();
        Uapi.success(EmailModuleTest.call(alice, token, "add_pop", Map.of("email", "box", "password", "mail-pass-1")));
        String first = hashOf(address);
        assertTrue(first.startsWith("$6$") && CryptPasswords.matches("mail-pass-1", first), "SHA512-CRYPT of the password");
        assertFalse(first.contains("mail-pass-1"));

        Uapi.success(EmailModuleTest.call(alice, token, "passwd_pop", Map.of("email", address, "password", "mail-pass-2")));
        String second = hashOf(address);
        assertTrue(CryptPasswords.matches("mail-pass-2", second), "the new password is the one checked");
        assertFalse(CryptPasswords.matches("mail-pass-1", second), "the old one no longer works");

        Uapi.failure(EmailModuleTest.call(alice, token, "passwd_pop", Map.of("email", address, "password", "short")),
                "The password must be at least 8 characters long."); // OpenUAPI's own wording
        assertTrue(CryptPasswords.matches("mail-pass-2", hashOf(address)), "a refused change stores nothing");
    }

    private String hashOf(String address) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT password_hash FROM mailbox WHERE email = ?")) {
            s.setString(1, address);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "no mailbox " + address);
                return rs.getString(1);
            }
        }
    }
}
