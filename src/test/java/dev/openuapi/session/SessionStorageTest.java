package dev.openuapi.session;

import static dev.openuapi.support.Fixtures.asRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
import io.restassured.RestAssured;

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
    void aSessionInUseCostsNoStatementInTheSteadyState() throws Exception {
        TestAccount alice = Fixtures.newAccount();
        Session session = Sessions.login(alice.username(), alice.password());
        String path = session.under(SessionLoginTest.UAPI);
        String cookie = session.cookieName() + "=" + session.cookieValue();
        pipeline(path, cookie, 1); // the first use reads the session and its account
        int calls = 2000;
        long before = statements();
        List<Integer> statuses = pipeline(path, cookie, calls);
        long cost = statements() - before;
        assertEquals(Collections.nCopies(calls, 200), statuses);
        System.out.printf("[session] %d calls: %d statements (%.4f per call)%n", calls, cost, cost / (double) calls);
        assertTrue(cost <= 0.05 * calls, cost + " statements for " + calls + " calls");
    }

    /** {@code count} GETs of {@code path} with the cookie, pipelined on one connection from 127.0.0.1; their statuses. */
    private static List<Integer> pipeline(String path, String cookie, int count) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookie + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.repeat(count).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String status = line(in);
                long length = 0;
                boolean chunked = false;
                for (String header; !(header = line(in)).isEmpty();) {
                    String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(Locale.ROOT);
                    String value = header.substring(header.indexOf(':') + 1).trim();
                    if (name.equals("content-length")) {
                        length = Long.parseLong(value);
                    } else if (name.equals("transfer-encoding")) {
                        chunked = value.equalsIgnoreCase("chunked");
                    }
                }
                if (chunked) {
                    for (int size; (size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0;) {
                        in.skipNBytes(size + 2);
                    }
                    line(in);
                } else {
                    in.skipNBytes(length);
                }
                statuses.add(Integer.parseInt(status.substring(9, 12)));
            }
            return statuses;
        }
    }

    private static String line(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != '\n';) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private long statements() {
        return factory.unwrap(SessionFactory.class).getStatistics().getPrepareStatementCount();
    }

    static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
