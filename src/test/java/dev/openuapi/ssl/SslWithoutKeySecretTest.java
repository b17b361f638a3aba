package dev.openuapi.ssl;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.TestCertificates;
import dev.openuapi.support.TestConfig;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Without {@code openuapi.ssl.key-secret} no private key can be stored: an install is refused and stores nothing. */
@QuarkusTest
@TestProfile(SslWithoutKeySecretTest.NoKeySecret.class)
class SslWithoutKeySecretTest {

    /** OpenUAPI's own wording, not cPanel's (cPanel has no such setting). */
    static final String OPENUAPI_CHOICE_NO_SECRET =
            "This server cannot store private keys: the operator has not set OPENUAPI_SSL_KEY_SECRET.";

    public static class NoKeySecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // An empty value unsets the property; both spellings, so the %test one cannot win.
            return Map.of("openuapi.ssl.key-secret", "", "%test.openuapi.ssl.key-secret", "");
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void installIsRefusedAndNothingIsStored() throws Exception {
        assertTrue(TestConfig.sslKeySecret().isEmpty(), "this profile has no key secret");
        TestAccount alice = newAccount();
        String token = alice.newToken();
        TestCertificates.Pair pair = TestCertificates.selfSigned(TestCertificates.KeyFormat.PKCS8_RSA, alice.domain());
        Uapi.failure(SslModuleTest.install(alice, token, alice.domain(), pair), OPENUAPI_CHOICE_NO_SECRET);

        assertEquals(0, Uapi.success(alice.withToken(token).get("/execute/SSL/list_certs").asString()).get("data").size(),
                "no certificate listed");
        assertEquals(0, Uapi.success(alice.withToken(token).get("/execute/SSL/installed_hosts").asString()).get("data").size(),
                "nothing installed");
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM ssl_certificate c JOIN account a ON a.id = c.account_id"
                        + " WHERE a.username = ?")) {
            s.setString(1, alice.username());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no row stored");
            }
        }
    }
}
