package dev.openuapi.usermanager;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.ShapeCheck;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * UAPI UserManager::list_users and lookup_service_account. The record's keys are those of cPanel's
 * Cpanel::UserManager::Record::as_hashref (the list_users item of openapi/cpanel-usermanager-api-openapi.yml,
 * plus team_owner, which the code adds); the types follow that document, except the optional strings, which the
 * code leaves undef (null) when unset. The grouping (a hypothetical subaccount for service accounts that share a
 * name, unless flat=1; the cPanel account last) and the refusals' wording are Cpanel::UserManager's and
 * Cpanel::API::UserManager's.
 */
@QuarkusTest
class UserManagerTest {

    /** A service account, as the reference describes one (values are examples). */
    static final String SERVICE = "{\"alternate_email\":null,\"avatar_url\":null,\"can_delete\":1,\"can_set_password\":1,\"can_set_quota\":1,"
            + "\"dismissed\":0,\"dismissed_merge_candidates\":[],\"domain\":\"example.com\",\"full_username\":\"user@example.com\","
            + "\"guid\":\"N4641:EXAMPLE.COM:564CC8A7:A82EA007D8348AC631C0170F9418EC1DEB0D164CC5A722A87C55EF5DD2AD98D4\","
            + "\"has_expired_invite\":0,\"has_invite\":0,\"has_siblings\":0,\"invite_expiration\":null,\"issues\":[],"
            + "\"merge_candidates\":[],\"parent_type\":null,\"phone_number\":null,\"real_name\":null,"
            + "\"services\":{\"email\":{\"enabled\":1,\"quota\":100},\"ftp\":{\"enabled\":0},\"webdisk\":{\"enabled\":0}},"
            + "\"special\":0,\"sub_account_exists\":0,\"synced_password\":0,\"team_owner\":null,\"type\":\"service\",\"username\":\"example\"}";

    /** A hypothetical subaccount: the same keys, every service off (cPanel's defaults). */
    static final String HYPOTHETICAL = SERVICE.replace("{\"email\":{\"enabled\":1,\"quota\":100}", "{\"email\":{\"enabled\":0}");

    /** A merge candidate: a service account whose parent_type (a string or null in the reference) is "hypothetical". */
    static final String CANDIDATE = SERVICE.replace("\"parent_type\":null", "\"parent_type\":\"hypothetical\"");

    static String call(TestAccount account, String token, String module, String function, Map<String, String> args) {
        return account.withToken(token).formParams(args).post("/execute/" + module + "/" + function).then().statusCode(200).extract()
                .asString();
    }

    static JsonNode byFullUsername(JsonNode rows, String fullUsername) {
        for (JsonNode row : rows) {
            if (row.get("full_username").textValue().equals(fullUsername)) {
                return row;
            }
        }
        throw new AssertionError(fullUsername + " is not in " + rows);
    }

    @Test
    void listUsers() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String d = alice.domain();
        Uapi.success(call(alice, token, "Email", "add_pop", Map.of("email", "sales", "password", "mail-pass-1", "quota", "100")));
        Uapi.success(call(alice, token, "Email", "add_pop", Map.of("email", "info", "password", "mail-pass-2")));
        Uapi.success(call(alice, token, "Ftp", "add_ftp", Map.of("user", "info", "pass", "ftp-password-1", "quota", "50")));

        JsonNode rows = Uapi.success(call(alice, token, "UserManager", "list_users", Map.of())).get("data");
        assertEquals(3, rows.size(), rows.toString());
        JsonNode sales = byFullUsername(rows, "sales@" + d);
        ShapeCheck.sameShape(SERVICE, sales);
        assertEquals("service", sales.get("type").textValue());
        assertEquals("sales", sales.get("username").textValue());
        assertEquals("{\"email\":{\"enabled\":1,\"quota\":100},\"ftp\":{\"enabled\":0},\"webdisk\":{\"enabled\":0}}", sales.get("services").toString());
        assertEquals(1, sales.get("can_delete").intValue());
        assertTrue(sales.get("guid").textValue().startsWith("SALES:" + d.toUpperCase() + ":"), sales.get("guid").textValue());

        // the mailbox and the FTP login named info@ share a name: a hypothetical subaccount holds them
        JsonNode info = byFullUsername(rows, "info@" + d);
        ShapeCheck.sameShape(HYPOTHETICAL, info);
        assertEquals("hypothetical", info.get("type").textValue());
        assertEquals(0, info.get("can_delete").intValue());
        assertEquals(2, info.get("merge_candidates").size());
        JsonNode mail = info.get("merge_candidates").get(0);
        JsonNode ftp = info.get("merge_candidates").get(1);
        ShapeCheck.sameShape(CANDIDATE, mail);
        assertEquals("hypothetical", mail.get("parent_type").textValue());
        assertEquals(1, mail.get("has_siblings").intValue());
        assertEquals(0, mail.get("services").get("email").get("quota").intValue(), "0: unlimited");
        assertEquals("{\"enabled\":1,\"quota\":50,\"homedir\":\"/public_html/info\"}", ftp.get("services").get("ftp").toString());

        // the cPanel account itself, last
        JsonNode own = rows.get(rows.size() - 1);
        assertEquals("cpanel", own.get("type").textValue());
        assertEquals(alice.username(), own.get("username").textValue());
        assertEquals(alice.username(), own.get("full_username").textValue());
        assertTrue(own.get("domain").isNull());
        assertEquals(1, own.get("special").intValue());
        assertEquals(0, own.get("can_delete").intValue());
        assertEquals("{\"email\":{\"enabled\":1},\"ftp\":{\"enabled\":1},\"webdisk\":{\"enabled\":1}}", own.get("services").toString());

        // flat=1: every service account on its own row
        JsonNode flat = Uapi.success(call(alice, token, "UserManager", "list_users", Map.of("flat", "1"))).get("data");
        assertEquals(4, flat.size(), flat.toString());
        assertEquals(List.of("info@" + d, "info@" + d, "sales@" + d, alice.username()),
                List.of(flat.get(0).get("full_username").textValue(), flat.get(1).get("full_username").textValue(),
                        flat.get(2).get("full_username").textValue(), flat.get(3).get("full_username").textValue()));
        assertEquals(1, flat.get(0).get("has_siblings").intValue());
        assertTrue(flat.get(0).get("parent_type").isNull());

        // the guid stays the same from call to call
        assertEquals(sales.get("guid"), byFullUsername(Uapi.success(call(alice, token, "UserManager", "list_users", Map.of())).get("data"),
                "sales@" + d).get("guid"));
    }

    @Test
    void anAccountWithNothingListsOnlyItself() {
        TestAccount alice = newAccount();
        JsonNode rows = Uapi.success(call(alice, alice.newToken(), "UserManager", "list_users", Map.of())).get("data");
        assertEquals(1, rows.size());
        assertEquals("cpanel", rows.get(0).get("type").textValue());
    }

    @Test
    void lookupServiceAccount() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String d = alice.domain();
        Uapi.success(call(alice, token, "Email", "add_pop", Map.of("email", "info", "password", "mail-pass-2", "quota", "20")));
        Uapi.success(call(alice, token, "Ftp", "add_ftp", Map.of("user", "info", "pass", "ftp-password-1")));

        JsonNode mail = Uapi.success(call(alice, token, "UserManager", "lookup_service_account",
                Map.of("full_username", "info@" + d, "type", "email"))).get("data");
        ShapeCheck.sameShape(SERVICE, mail);
        assertEquals("{\"email\":{\"enabled\":1,\"quota\":20},\"ftp\":{\"enabled\":0},\"webdisk\":{\"enabled\":0}}", mail.get("services").toString());
        assertEquals(1, mail.get("has_siblings").intValue());
        assertEquals(0, mail.get("sub_account_exists").intValue());
        JsonNode ftp = Uapi.success(call(alice, token, "UserManager", "lookup_service_account",
                Map.of("full_username", "INFO@" + d.toUpperCase(), "type", "ftp"))).get("data");
        assertEquals(1, ftp.get("services").get("ftp").get("enabled").intValue());

        // cPanel's wording for each refusal (Cpanel::API::UserManager::lookup_service_account)
        Uapi.failure(call(alice, token, "UserManager", "lookup_service_account", Map.of("type", "email")),
                "You must specify the full_username attribute.");
        Uapi.failure(call(alice, token, "UserManager", "lookup_service_account", Map.of("full_username", "info@" + d)),
                "You must specify a service type.");
        Uapi.failure(call(alice, token, "UserManager", "lookup_service_account", Map.of("full_username", "info@" + d, "type", "ssh")),
                "Unsupported service type. You must specify email, ftp, or webdisk.");
        Uapi.failure(call(alice, token, "UserManager", "lookup_service_account", Map.of("full_username", "info@" + d, "type", "webdisk")),
                "The specified service account does not exist.");
        Uapi.failure(call(alice, token, "UserManager", "lookup_service_account", Map.of("full_username", "nobody@" + d, "type", "email")),
                "The specified service account does not exist.");
        TestAccount bob = newAccount();
        Uapi.failure(call(bob, bob.newToken(), "UserManager", "lookup_service_account", Map.of("full_username", "info@" + d, "type", "email")),
                "The specified service account does not exist.");
    }

    /** cPanel gates the module on the user_manager feature. */
    @Test
    void theFeatureIsNeeded() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        Fixtures.patchAccount(alice.username(), Map.of("features", List.of("apitokens", "popaccts")));
        Uapi.failure(call(alice, token, "UserManager", "list_users", Map.of()), "You do not have the feature “user_manager”.");
    }
}
