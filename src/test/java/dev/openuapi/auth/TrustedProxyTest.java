package dev.openuapi.auth;

import static dev.openuapi.support.Fixtures.asRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Whm;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * IP allow-lists for both kinds of token, and {@code X-Forwarded-For}: believed only from a trusted proxy
 * (the test profile trusts 127.0.0.2), and read from the right so a client cannot write its own address.
 * Requests go over raw sockets bound to 127.0.0.1 or 127.0.0.2 to choose the peer address.
 */
@QuarkusTest
class TrustedProxyTest {

    private static final String DIRECT = "127.0.0.1";
    private static final String PROXY = "127.0.0.2";

    /** The HTTP status of a GET sent from {@code source}, with an optional X-Forwarded-For. */
    static int status(String source, String path, String authorization, String forwardedFor) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), RestAssured.port, InetAddress.getByName(source), 0)) {
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization + "\r\n"
                    + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n") + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII); // "HTTP/1.1 200"
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    private static String whmToken(String... whitelist) {
        StringBuilder ips = new StringBuilder();
        for (int i = 0; i < whitelist.length; i++) {
            ips.append("&whitelist_ip-").append(i).append('=').append(whitelist[i]);
        }
        return Fixtures.json(asRoot().get("/json-api/api_token_create?api.version=1&token_name=p" + Fixtures.randomSuffix(10) + ips)
                .then().statusCode(200).extract().asString()).get("data").get("token").textValue();
    }

    @Test
    void aWhmTokenWorksOnlyFromItsAllowedAddressesAndRanges() throws IOException {
        String path = "/json-api/listaccts?api.version=1";
        assertEquals(200, status(DIRECT, path, "whm root:" + whmToken("127.0.0.0/8"), null), "inside the CIDR");
        assertEquals(200, status(DIRECT, path, "whm root:" + whmToken("10.0.0.0/8", "127.0.0.1"), null), "one of several entries");
        assertEquals(403, status(DIRECT, path, "whm root:" + whmToken("10.0.0.0/8", "2001:db8::/32"), null), "outside every entry");
    }

    @Test
    void forwardedForIsBelievedOnlyFromATrustedProxy() throws IOException {
        String path = "/json-api/listaccts?api.version=1";
        String header = "whm root:" + whmToken("203.0.113.0/24");
        assertEquals(403, status(DIRECT, path, header, "203.0.113.9"), "an untrusted peer cannot claim an address");
        assertEquals(200, status(PROXY, path, header, "203.0.113.9"), "the trusted proxy's word is taken");
        assertEquals(403, status(PROXY, path, header, "203.0.113.9, 198.51.100.7"),
                "the proxy appended the real client; the address the client wrote itself is ignored");
        assertEquals(200, status(PROXY, path, header, "198.51.100.7, 203.0.113.9, 127.0.0.2"), "trusted hops are skipped");
        assertEquals(403, status(PROXY, path, header, null), "no header: the proxy's own address");
    }

    @Test
    void aCpanelTokensAllowListFollowsTheSameRules() throws IOException {
        TestAccount alice = Fixtures.newAccount();
        alice.newToken("ci");
        String token = alice.newToken();
        String name = Fixtures.json(alice.withToken(token).get("/execute/Tokens/list").then().extract().asString()).get("data")
                .findValuesAsText("name").stream().filter(n -> !n.equals("ci")).findFirst().orElseThrow();
        assertEquals("OK", Whm.reason(asRoot(), "set_cpanel_token_whitelist", Map.of("user", alice.username(), "token_name", name,
                "whitelist_ip", "203.0.113.0/24")));
        String header = "cpanel " + alice.username() + ":" + token;
        assertEquals(401, status(DIRECT, "/execute/Tokens/list", header, null));
        assertEquals(401, status(DIRECT, "/execute/Tokens/list", header, "203.0.113.9"));
        assertEquals(200, status(PROXY, "/execute/Tokens/list", header, "203.0.113.9"));
        assertEquals("OK", Whm.reason(asRoot(), "set_cpanel_token_whitelist", Map.of("user", alice.username(), "token_name", name,
                "whitelist_ip", "any")));
        assertEquals(200, status(DIRECT, "/execute/Tokens/list", header, null));
    }
}
