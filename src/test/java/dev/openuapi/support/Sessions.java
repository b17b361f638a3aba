package dev.openuapi.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * cPanel's session login for tests: {@code POST /login/?login_only=1} on a cPanel port (cpaneld) or, with the
 * {@code Host} header of WHM's port 2087, on a WHM port (whostmgrd), and requests that present the session.
 */
public final class Sessions {

    /** The port a client addresses for WHM (openuapi.sessions.whm-ports). */
    public static final String WHM_HOST = "localhost:2087";
    private static final Pattern TOKEN = Pattern.compile("/cpsess(\\d{10})");

    /**
     * A session as a client holds it: the cookie (name and value as sent by the server) and the security token
     * ({@code /cpsessNNNNNNNNNN}), with the raw {@code Set-Cookie} header.
     */
    public record Session(String cookieName, String cookieValue, String securityToken, String setCookie) {

        /** A request that presents the cookie (and nothing else). */
        public RequestSpecification withCookie() {
            return given().header("Cookie", cookieName + "=" + cookieValue);
        }

        /** {@code /cpsessNNNNNNNNNN} + path. */
        public String under(String path) {
            return securityToken + path;
        }
    }

    private Sessions() {
    }

    public static Response postLogin(String host, String user, String password, boolean loginOnly) {
        RequestSpecification request = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("user", user).formParam("pass", password);
        if (host != null) {
            request.header("Host", host);
        }
        return request.post(loginOnly ? "/login/?login_only=1" : "/login/");
    }

    /** A cpaneld session of an account (cPanel's port). */
    public static Session login(String user, String password) {
        return fromLoginOnly(postLogin(null, user, password, true), "cpsession");
    }

    /** A whostmgrd session of root or a reseller (WHM's port). */
    public static Session loginWhm(String user, String password) {
        return fromLoginOnly(postLogin(WHM_HOST, user, password, true), "whostmgrsession");
    }

    /** Reads a successful login_only answer: cPanel's JSON and the session's cookie. */
    public static Session fromLoginOnly(Response response, String cookieName) {
        assertEquals(200, response.statusCode(), response.asString());
        JsonNode body = Fixtures.json(response.asString());
        assertEquals(1, body.get("status").intValue(), body.toString());
        String token = body.get("security_token").textValue();
        assertTrue(TOKEN.matcher(token).matches(), token);
        assertEquals(token + "/", body.get("redirect").textValue());
        return new Session(cookieName, cookieValue(response, cookieName), token, setCookie(response, cookieName));
    }

    /** The {@code Set-Cookie} header that sets {@code name}. */
    public static String setCookie(Response response, String name) {
        List<String> headers = response.headers().getValues("Set-Cookie");
        return headers.stream().filter(h -> h.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + headers));
    }

    public static String cookieValue(Response response, String name) {
        String header = setCookie(response, name);
        String value = header.substring(name.length() + 1, header.indexOf(';'));
        assertNotNull(value);
        return value;
    }

    /** The secret part of the session's cookie (after {@code USER%3A}). */
    public static String cookieValueSecret(Session session) {
        String value = session.cookieValue();
        return value.substring(value.indexOf("%3A") + 3);
    }

    /** The ten digits of a security token path. */
    public static String digits(String securityToken) {
        Matcher m = TOKEN.matcher(securityToken);
        assertTrue(m.matches(), securityToken);
        return m.group(1);
    }
}
