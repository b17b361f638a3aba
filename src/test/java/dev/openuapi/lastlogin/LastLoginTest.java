package dev.openuapi.lastlogin;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.FromAddress;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * UAPI LastLogin::get_last_or_current_logged_in_ip. cPanel's reference: api.docs.cpanel.net (and
 * openapi/cpanel-lastlogin-api-openapi.yml) shows {@code data} as an array of one IPv4 string ("192.168.0.1"), but
 * cPanel's code (Cpanel::API::LastLogin, Cpanel::LastLogin::Tiny::lastlogin) sets a plain string, and spec §9.1
 * row 43 says so too: we follow the code. The behaviour is Cpanel::LastLogin::Tiny's: the address seen before
 * this one, else the current one; each call records the caller's IPv4 address. Requests come through the test
 * profile's trusted proxy, so X-Forwarded-For chooses the caller's address.
 */
@QuarkusTest
class LastLoginTest {

    static String lastLogin(TestAccount account, String token, String from) throws IOException {
        FromAddress.Answer answer = FromAddress.get(from, "/execute/LastLogin/get_last_or_current_logged_in_ip",
                "cpanel " + account.username() + ":" + token);
        assertEquals(200, answer.status(), answer.body());
        JsonNode data = Uapi.success(answer.body()).get("data");
        assertTrue(data.isTextual(), "data is a string: " + data);
        return data.textValue();
    }

    @Test
    void thePreviousAddressElseTheCurrentOne() throws IOException {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        assertEquals("203.0.113.5", lastLogin(alice, token, "203.0.113.5"), "nothing seen yet: the current address");
        assertEquals("203.0.113.5", lastLogin(alice, token, "203.0.113.5"), "the same address again");
        assertEquals("203.0.113.5", lastLogin(alice, token, "198.51.100.7"), "from elsewhere: the previous address");
        assertEquals("203.0.113.5", lastLogin(alice, token, "198.51.100.7"),
                "again from there: still the address before it (a repeat only refreshes the newest entry)");
        assertEquals("198.51.100.7", lastLogin(alice, token, "2001:db8::1"), "an IPv6 caller is answered ...");
        assertEquals("198.51.100.7", lastLogin(alice, token, "192.0.2.44"), "... but not recorded, as cPanel records IPv4 only");
        assertEquals("192.0.2.44", lastLogin(alice, token, "203.0.113.5"));

        TestAccount bob = newAccount();
        assertEquals("192.0.2.200", lastLogin(bob, bob.newToken(), "192.0.2.200"), "each account has its own history");
    }
}
