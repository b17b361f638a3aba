package dev.openuapi.session;

import static dev.openuapi.support.Fixtures.asRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Sessions;
import dev.openuapi.support.Sessions.Session;
import dev.openuapi.support.Whm;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a session leaves in the database and costs it (issue 14 §1): only the SHA-256 of each secret is stored (the
 * cookie's, create_user_session's one-time string), and a session in use costs no statement in the steady state
 * (counted from Hibernate's statistics, as TokenCostTest counts tokens).
 */
@QuarkusTest
class SessionStorageTest {

    @Inject
    DataSource dataSource;

    @Inject
    EntityManagerFactory factory;

    @Test
    void onlyTheSha256OfEachSecretIsStored() throws Exception {
        TestAccount alice = Fixtures.newAccount();
        Session session = Sessions.login(alice.username(), alice.password());
        String cookie = URLDecoder.decode(session.cookieValue(), StandardCharsets.UTF_8);
        JsonNode created = Whm.json(asRoot(), "create_user_session", Map.of("user", alice.username(), "service", "cpaneld")).get("data");
        String loginString = created.get("session").textValue();

        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT s.* FROM login_session s WHERE s.username = ? ORDER BY s.id")) {
            select.setString(1, alice.username());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                    }
                    rows.add(row.toString());
                }
            }
        }
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.get(0).contains("secret_hash=" + sha256(cookie) + " "), rows.get(0));
        assertTrue(rows.get(0).contains("service=cpaneld ") && rows.get(0).contains("origin=login ") && rows.get(0).matches(".*pending=(0|false) .*"),
                rows.get(0));
        assertTrue(rows.get(0).contains("security_token=" + Sessions.digits(session.securityToken()) + " "), rows.get(0));
        assertTrue(rows.get(1).contains("secret_hash=" + sha256(loginString) + " "), rows.get(1));
        assertTrue(rows.get(1).contains("origin=create_user_session ") && rows.get(1).matches(".*pending=(1|true) .*"), rows.get(1));
        String secret = cookie.substring(cookie.indexOf(':') + 1);
        for (String row : rows) {
            assertFalse(row.contains(secret), "the cookie's secret is not stored");
            assertFalse(row.contains(loginString.substring(alice.username().length() + 1, alice.username().length() + 20)),
                    "nor the login string");
        }
    }

    @Test
    void aSessionInUseCostsNoStatementInTheSteadyState() {
        TestAccount alice = Fixtures.newAccount();
        Session session = Sessions.login(alice.username(), alice.password());
        String path = session.under(SessionLoginTest.UAPI);
        session.withCookie().get(path).then().statusCode(200); // the first use reads the session and its account
        int calls = 500;
        long before = statements();
        for (int i = 0; i < calls; i++) {
            session.withCookie().get(path).then().statusCode(200);
        }
        long cost = statements() - before;
        System.out.printf("[session] %d calls: %d statements (%.4f per call)%n", calls, cost, cost / (double) calls);
        assertTrue(cost <= 0.05 * calls, cost + " statements for " + calls + " calls");
    }

    private long statements() {
        return factory.unwrap(SessionFactory.class).getStatistics().getPrepareStatementCount();
    }

    static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
