package dev.openuapi.whm;

import static dev.openuapi.support.Fixtures.asRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.JsonShapes;
import dev.openuapi.support.Uapi;
import dev.openuapi.support.Whm;
import io.quarkus.test.junit.QuarkusTest;

/** UAPI {@code Resellers::list_accounts}: what a reseller's cPanel account lists, and what an ordinary account gets. */
@QuarkusTest
class UapiResellersTest {

    // UAPI Resellers::list_accounts's response sample (api.docs.cpanel.net): select is the string "1" or "".
    static final String EXAMPLE = """
            {"status":1,"errors":null,"warnings":null,"messages":null,"metadata":{"transformed":1},
            "data":[{"domain":"example.com","select":"1","user":"username"}]}""";

    static String listAccounts(TestAccount account, String token) {
        return account.withToken(token).get("/execute/Resellers/list_accounts").then().statusCode(200).extract().asString();
    }

    @Test
    void aResellerListsItselfAndTheAccountsItOwns() {
        TestAccount reseller = Fixtures.newAccount();
        assertEquals("OK", Whm.reason(asRoot(), "setupreseller", Map.of("user", reseller.username())));
        TestAccount b = ResellerTest.account("owner", reseller.username());
        TestAccount a = ResellerTest.account("owner", reseller.username());
        TestAccount foreign = Fixtures.newAccount();
        String token = reseller.newToken();

        JsonNode answer = Uapi.success(listAccounts(reseller, token));
        JsonShapes.assertSameShape(EXAMPLE, answer);
        JsonNode data = answer.get("data");
        List<String> users = Whm.names(data, "user");
        List<String> expected = new java.util.ArrayList<>(List.of(reseller.username(), a.username(), b.username()));
        java.util.Collections.sort(expected);
        assertEquals(expected, users, "its own account and those it owns, by username; not " + foreign.username());
        for (JsonNode row : data) {
            boolean self = row.get("user").textValue().equals(reseller.username());
            assertEquals(self ? "1" : "", row.get("select").textValue(), row.toString());
        }
        assertEquals(a.domain(), WhmServerTest.row(data, "user", a.username()).get("domain").textValue());
    }

    @Test
    void anOrdinaryAccountGetsNoList() {
        TestAccount alice = Fixtures.newAccount();
        JsonNode answer = Uapi.success(listAccounts(alice, alice.newToken()));
        // cPanel's Cpanel::API::Resellers::list_accounts: the reseller lookup returns nothing, data stays undef
        assertTrue(answer.get("data").isNull(), answer.toString());
    }
}
