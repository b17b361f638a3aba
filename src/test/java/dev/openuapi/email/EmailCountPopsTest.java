package dev.openuapi.email;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.JsonShapes;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/** UAPI {@code Email::count_pops}: the number of the account's email accounts, an integer. */
@QuarkusTest
class EmailCountPopsTest {

    // UAPI Email::count_pops's response sample (api.docs.cpanel.net). The sample's metadata says "transformed":1;
    // OpenUAPI marks only list results so (as cPanel 11.120 does), so the comparison leaves metadata out.
    static final String COUNT_POPS_EXAMPLE = """
            {"status":1,"errors":null,"warnings":null,"messages":null,"metadata":{},"data":1}""";

    static String call(TestAccount account, String token, String function, Map<String, String> args) {
        return account.withToken(token).queryParams(args).get("/execute/Email/" + function).then().statusCode(200).extract().asString();
    }

    @Test
    void countsTheMailboxesNotTheMainAccount() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode none = Uapi.success(call(alice, token, "count_pops", Map.of()));
        assertEquals(0, none.get("data").intValue());
        assertEquals(1 + 0, Uapi.success(call(alice, token, "list_pops", Map.of())).get("data").size(), "list_pops has the main account");
        Uapi.success(call(alice, token, "add_pop", Map.of("email", "info", "password", "long-enough")));
        Uapi.success(call(alice, token, "add_pop", Map.of("email", "sales", "password", "long-enough")));
        JsonNode two = Uapi.success(call(alice, token, "count_pops", Map.of()));
        JsonShapes.assertSameShape(COUNT_POPS_EXAMPLE, two);
        assertEquals(2, two.get("data").intValue());
        assertEquals(true, two.get("data").isInt(), "a JSON number, as cPanel's 1");
        Uapi.success(call(alice, token, "delete_pop", Map.of("email", "info")));
        assertEquals(1, Uapi.success(call(alice, token, "count_pops", Map.of())).get("data").intValue());
        // another account's mailboxes are not counted
        TestAccount bob = newAccount();
        assertEquals(0, Uapi.success(call(bob, bob.newToken(), "count_pops", Map.of())).get("data").intValue());
        // the Email module's feature, as for every Email function
        Fixtures.patchAccount(alice.username(), Map.of("features", List.of("apitokens")));
        Uapi.failure(call(alice, token, "count_pops", Map.of()), "You do not have the feature “popaccts”.");
    }
}
