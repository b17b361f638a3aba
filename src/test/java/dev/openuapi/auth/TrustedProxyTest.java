package dev.openuapi.auth;

import static dev.openuapi.support.Fixtures.asRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openuapi.support.FromAddress;
import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Whm;
import io.quarkus.test.junit.QuarkusTest;

/**
 * IP allow-lists for both kinds of token, and {@code X-Forwarded-For}: believed only from a trusted proxy
 * (the test profile trusts 127.0.0.2), and read from the right so a client cannot write its own address.
 * Requests go over raw sockets bound to 127.0.0.1 or 127.0.0.2 to choose the peer address.
 */
@QuarkusTest
class TrustedProxyTest {

    private static final String DIRECT = "127.0.0.1";
    private static final String PROXY = "127.0.0.2";

    /** The HTTP status of a GET and its body (de-chunked). */
    record Reply(int status, String raw) {
        /** A served call: HTTP 200 and, in the JSON, the API's own success flag. */
        void assertServed(String successFlag, String message) {
            assertEquals(200, status, message);
            assertTrue(raw.contains(successFlag), message + ": " + raw);
        }
    }

    /** A GET sent from {@code source}, with an optional X-Forwarded-For. */
    static Reply request(String source, String path, String authorization, String forwardedFor) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization);
        if (forwardedFor != null) {
            headers.put("X-Forwarded-For", forwardedFor);
        }
        FromAddress.Answer answer = FromAddress.send(source, "GET", path, headers, null);
        return new Reply(answer.status(), answer.body());
    }

    static int status(String source, String path, String authorization, String forwardedFor) throws IOException {
        return request(source, path, authorization, forwardedFor).status();
    }

    /** WHM API 1 success (spec §10.1), UAPI success (spec §6.1). */
    private static final String WHM_OK = "\"result\":1";
    private static final String UAPI_OK = "\"status\":1";

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
        request(DIRECT, path, "whm root:" + whmToken("127.0.0.0/8"), null).assertServed(WHM_OK, "inside the CIDR");
        request(DIRECT, path, "whm root:" + whmToken("10.0.0.0/8", "127.0.0.1"), null).assertServed(WHM_OK, "one of several entries");
        assertEquals(403, status(DIRECT, path, "whm root:" + whmToken("10.0.0.0/8", "2001:db8::/32"), null), "outside every entry");
    }

    @Test
    void forwardedForIsBelievedOnlyFromATrustedProxy() throws IOException {
        String path = "/json-api/listaccts?api.version=1";
        String header = "whm root:" + whmToken("203.0.113.0/24");
        assertEquals(403, status(DIRECT, path, header, "203.0.113.9"), "an untrusted peer cannot claim an address");
        request(PROXY, path, header, "203.0.113.9").assertServed(WHM_OK, "the trusted proxy's word is taken");
        assertEquals(403, status(PROXY, path, header, "203.0.113.9, 198.51.100.7"),
                "the proxy appended the real client; the address the client wrote itself is ignored");
        request(PROXY, path, header, "198.51.100.7, 203.0.113.9, 127.0.0.2").assertServed(WHM_OK, "trusted hops are skipped");
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
        request(PROXY, "/execute/Tokens/list", header, "203.0.113.9").assertServed(UAPI_OK, "from the allowed range, through the proxy");
        assertEquals("OK", Whm.reason(asRoot(), "set_cpanel_token_whitelist", Map.of("user", alice.username(), "token_name", name,
                "whitelist_ip", "any")));
        request(DIRECT, "/execute/Tokens/list", header, null).assertServed(UAPI_OK, "the allow-list was lifted");
    }
}
