package dev.openuapi.whm;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Whm;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every WHM API 1 function OpenUAPI implements, with the ACL cPanel documents for it, pinned by hand below (not read
 * from the code). The registry (seen through the OpenAPI document) and the table in src/docs/whm-api-1.md must say
 * the same, and every function is refused without its ACL and reachable with only it.
 */
@QuarkusTest
class AclMatrixTest {

    /** Where a row's ACL comes from. */
    enum Source {
        /**
         * cPanel's "Guide to WHM Plugins - ACL Reference Chart"
         * (https://api.docs.cpanel.net/guides/guide-to-whm-plugins/guide-to-whm-plugins-acl-reference-chart/): its column
         * "Associated WHM API 1 functions" names the function under the ACL.
         */
        CPANEL_ACL_CHART,
        /**
         * cPanel's list of privileges, with each one's "API value" and what it allows
         * (https://docs.cpanel.net/whm/resellers/edit-reseller-nameservers-and-privileges/): the description names what
         * the function does. (The function pages on api.docs.cpanel.net name no ACL.)
         */
        CPANEL_PRIVILEGES,
        /**
         * cPanel's WHM API 0 dispatch table, {@code Whostmgr/XMLUI/Meta.pm} (cPanel 11.110's source, "FROZEN"): each
         * function's {@code check} names its ACL. Used where the chart and the privileges page name none.
         */
        CPANEL_API0_TABLE,
        /** cPanel documents no ACL for the function, or the function is OpenUAPI's own: OpenUAPI's own choice. */
        OPENUAPI_CHOICE
    }

    record Row(String function, String acl, Source source) {
    }

    /** "any": every WHM user may call the function (OpenUAPI's notation; cPanel has no such ACL). */
    static final String ANY = "any";

    /** The pinned table: one row per WHM API 1 function in src/main/java/dev/openuapi/whm/*Module.java. */
    static final List<Row> PINNED = List.of(
            // ACL Reference Chart, "Basic privileges": | `acct-summary` | Initial Privileges | Account Summary |
            // accountsummary acctcounts domainuserdata get_domain_info | View an account's summary. |
            new Row("accountsummary", "acct-summary", Source.CPANEL_ACL_CHART),
            new Row("domainuserdata", "acct-summary", Source.CPANEL_ACL_CHART),
            new Row("get_domain_info", "acct-summary", Source.CPANEL_ACL_CHART),
            // cPanel's WHM API 0 dispatch table (Whostmgr/XMLUI/Meta.pm, frozen), whose checks WHM API 1 kept:
            // version and gethostname: checkacl('basic-system-info') (or 'clustering', which OpenUAPI has not);
            new Row("version", "basic-system-info", Source.CPANEL_API0_TABLE),
            new Row("gethostname", "basic-system-info", Source.CPANEL_API0_TABLE),
            // listips: hasroot(); listsuspended: xml_checkacl('suspend-acct'); showbw: xml_checkacl('show-bandwidth').
            new Row("listips", "all", Source.CPANEL_API0_TABLE),
            new Row("listsuspended", "suspend-acct", Source.CPANEL_API0_TABLE),
            new Row("showbw", "show-bandwidth", Source.CPANEL_API0_TABLE),
            // Edit Reseller Nameservers and Privileges, Standard Privileges > Packages:
            // | Add/Remove Packages | Allows resellers to add and remove cPanel user packages. | `add-pkg` |
            new Row("addpkg", "add-pkg", Source.CPANEL_PRIVILEGES),
            new Row("killpkg", "add-pkg", Source.CPANEL_PRIVILEGES),
            // same page, Packages: | Edit Packages | Allows resellers to edit existing cPanel user packages. | `edit-pkg` |
            new Row("editpkg", "edit-pkg", Source.CPANEL_PRIVILEGES),
            // same page, Initial Privileges: | List Packages | Allows resellers to view existing packages. | `list-pkgs` |
            new Row("listpkgs", "list-pkgs", Source.CPANEL_PRIVILEGES),
            // same page, Initial Privileges:
            // | Manage API Tokens | Allows resellers to create, list, update, and revoke API tokens. | `manage-api-tokens` |
            new Row("api_token_create", "manage-api-tokens", Source.CPANEL_PRIVILEGES),
            new Row("api_token_list", "manage-api-tokens", Source.CPANEL_PRIVILEGES),
            new Row("api_token_update", "manage-api-tokens", Source.CPANEL_PRIVILEGES),
            new Row("api_token_revoke", "manage-api-tokens", Source.CPANEL_PRIVILEGES),
            // The privilege's description does not name looking a token up; OpenUAPI puts it with the other token functions.
            new Row("api_token_get_details", "manage-api-tokens", Source.OPENUAPI_CHOICE),
            // same page, Standard Privileges > Account Information:
            // | List Accounts | Provides access to WHM's List Accounts interface | `list-accts` |
            new Row("listaccts", "list-accts", Source.CPANEL_PRIVILEGES),
            // same page, Account Management: | Create Accounts | Allows resellers to create new cPanel accounts. | `create-acct` |
            new Row("createacct", "create-acct", Source.CPANEL_PRIVILEGES),
            // | Terminate Accounts | Allows resellers to terminate cPanel accounts that they own. | `kill-acct` |
            new Row("removeacct", "kill-acct", Source.CPANEL_PRIVILEGES),
            // | Suspend/Unsuspend Accounts | Allows resellers to suspend and unsuspend cPanel accounts that they own. | `suspend-acct` |
            new Row("suspendacct", "suspend-acct", Source.CPANEL_PRIVILEGES),
            new Row("unsuspendacct", "suspend-acct", Source.CPANEL_PRIVILEGES),
            // | Upgrade/Downgrade Accounts | Allows resellers to upgrade or downgrade cPanel accounts that they own. | `upgrade-account` |
            new Row("changepackage", "upgrade-account", Source.CPANEL_PRIVILEGES),
            // | Change Passwords | Allows resellers to change passwords for cPanel accounts that they own. | `passwd` |
            new Row("passwd", "passwd", Source.CPANEL_PRIVILEGES),
            // Super Privileges > Account Management: | Account Modification | Allows resellers to change an existing cPanel
            // account in WHM's Modify an Account interface | `edit-account` |
            new Row("modifyacct", "edit-account", Source.CPANEL_PRIVILEGES),
            // Initial Privileges: | Perform cPanel API and UAPI functions through the WHM API | Allow resellers to execute
            // cPanel API 1, cPanel API 2, and UAPI functions via WHM. | `cpanel-api` |
            new Row("uapi_cpanel", "cpanel-api", Source.CPANEL_PRIVILEGES),
            // Load an ACL List: "Only root or resellers with root-level access can modify ACLs for other resellers."
            new Row("setacls", "all", Source.CPANEL_PRIVILEGES),
            // cPanel's pages for these name no ACL: root-level is OpenUAPI's choice.
            new Row("setupreseller", "all", Source.OPENUAPI_CHOICE),
            new Row("unsetupreseller", "all", Source.OPENUAPI_CHOICE),
            new Row("listresellers", "all", Source.OPENUAPI_CHOICE),
            // Saving an ACL list changes what setacls acllist= gives resellers: root-level, as setacls (the quote above).
            new Row("saveacllist", "all", Source.CPANEL_PRIVILEGES),
            new Row("listacls", "all", Source.OPENUAPI_CHOICE),
            // Changing a site's IP address moves DNS for the whole server's address plan: root-level, OpenUAPI's choice.
            new Row("setsiteip", "all", Source.OPENUAPI_CHOICE),
            // Edit Reseller Nameservers and Privileges: the privilege "Create User Session", API value `create-user-session`
            // (operator.Acl.CREATE_USER_SESSION), named after the function it allows.
            new Row("create_user_session", "create-user-session", Source.CPANEL_PRIVILEGES),
            // OpenUAPI extensions (src/docs/whm-api-1.md): no cPanel counterpart.
            new Row("listresellerowned", "all", Source.OPENUAPI_CHOICE),
            new Row("set_cpanel_token_whitelist", "edit-account", Source.OPENUAPI_CHOICE),
            // cPHulk (api.docs.cpanel.net, Login Security): the function pages name no ACL, and the ACL Reference Chart lists
            // none of them under any privilege; they change server-wide login security, so root-level is OpenUAPI's choice.
            new Row("batch_create_cphulk_records", "all", Source.OPENUAPI_CHOICE),
            new Row("cphulk_status", "all", Source.OPENUAPI_CHOICE),
            new Row("create_cphulk_record", "all", Source.OPENUAPI_CHOICE),
            new Row("delete_cphulk_record", "all", Source.OPENUAPI_CHOICE),
            new Row("disable_cphulk", "all", Source.OPENUAPI_CHOICE),
            new Row("enable_cphulk", "all", Source.OPENUAPI_CHOICE),
            new Row("flush_cphulk_login_history", "all", Source.OPENUAPI_CHOICE),
            new Row("flush_cphulk_login_history_for_ips", "all", Source.OPENUAPI_CHOICE),
            new Row("get_cphulk_brutes", "all", Source.OPENUAPI_CHOICE),
            new Row("get_cphulk_excessive_brutes", "all", Source.OPENUAPI_CHOICE),
            new Row("get_cphulk_failed_logins", "all", Source.OPENUAPI_CHOICE),
            new Row("get_cphulk_user_brutes", "all", Source.OPENUAPI_CHOICE),
            new Row("read_cphulk_records", "all", Source.OPENUAPI_CHOICE),
            new Row("set_cphulk_config_key", "all", Source.OPENUAPI_CHOICE),
            // cPanel's myprivs page names no ACL: every WHM user may read its own privileges, OpenUAPI's choice.
            new Row("myprivs", ANY, Source.OPENUAPI_CHOICE));

    /**
     * Acting as an account through {@code /json-api/cpanel?cpanel_jsonapi_user=}: the same cPanel privilege as
     * {@code uapi_cpanel} ("Perform cPanel API and UAPI functions through the WHM API", Edit Reseller Nameservers and
     * Privileges).
     */
    static final String ACTING_ACL = "cpanel-api";

    private static final Pattern DECLARED = Pattern.compile("Needs the WHM privilege \\(ACL\\): (?:`([a-z-]+)`|none)");
    private static final Pattern DOCUMENTED_ROW = Pattern.compile("^\\| `([a-z_]+)` \\| (?:`([a-z-]+)`|none) \\|", Pattern.MULTILINE);
    private static final Pattern DOCUMENTED_ACTING_ROW = Pattern.compile(
            "^\\| `/json-api/cpanel\\?cpanel_jsonapi_user=` \\(acting as a user\\) \\| `([a-z-]+)` \\|", Pattern.MULTILINE);
    /** A real ACL that gates nothing in OpenUAPI: a token holding only it may call no ACL-gated function. */
    private static final String UNRELATED = "ssl-info";

    static Map<String, String> pinned() {
        Map<String, String> acls = new TreeMap<>();
        for (Row row : PINNED) {
            assertTrue(acls.put(row.function(), row.acl()) == null, "listed twice: " + row.function());
        }
        return acls;
    }

    /** The function-to-ACL table the running server's registry declares, read from its OpenAPI document. */
    static Map<String, String> aclsFromOpenApi() {
        JsonNode paths = Fixtures.json(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString())
                .get("paths");
        Map<String, String> acls = new TreeMap<>();
        paths.fieldNames().forEachRemaining(path -> {
            // A WHM API 0 operation (/json-api/<function>;api=0) is the same function, with the same ACL: counted once.
            if (path.startsWith("/json-api/") && !path.startsWith("/json-api/cpanel") && !path.contains(";")) {
                Matcher m = DECLARED.matcher(paths.get(path).get("get").get("description").textValue());
                assertTrue(m.find(), path + " documents no ACL");
                acls.put(path.substring("/json-api/".length()), m.group(1) == null ? ANY : m.group(1));
            }
        });
        return acls;
    }

    @Test
    void theRegistryDeclaresThePinnedAcls() {
        assertEquals(pinned(), aclsFromOpenApi());
    }

    @Test
    void theDocumentedTableMatchesThePinnedTable() throws IOException {
        String page = Files.readString(Path.of("src/docs/whm-api-1.md"));
        String table = page.substring(page.indexOf("<!-- acl-table -->"), page.indexOf("<!-- /acl-table -->"));
        Map<String, String> documented = new TreeMap<>();
        Matcher row = DOCUMENTED_ROW.matcher(table);
        while (row.find()) {
            documented.put(row.group(1), row.group(2) == null ? ANY : row.group(2));
        }
        assertEquals(pinned(), documented);
        Matcher acting = DOCUMENTED_ACTING_ROW.matcher(table);
        assertTrue(acting.find(), table);
        assertEquals(ACTING_ACL, acting.group(1));
    }

    @Test
    void everyFunctionIsRefusedWithoutItsAclAndReachableWithIt() {
        Set<String> gating = new TreeSet<>(pinned().values());
        gating.remove(ANY);
        gating.remove("all");
        String unrelated = Whm.rootToken(UNRELATED);
        Map<String, String> withOnly = new HashMap<>();
        Map<String, String> withAllBut = new HashMap<>();
        for (Row row : PINNED) {
            String function = row.function();
            String acl = row.acl();
            if (acl.equals(ANY)) {
                String reason = Whm.reason(Whm.withToken("root", unrelated), function, Map.of());
                assertFalse(reason.startsWith("Permission denied"), function + ": " + reason);
                continue;
            }
            // Without it: a token holding every other ACL of the table (never all) is refused.
            String without = withAllBut.computeIfAbsent(acl, a -> Whm.rootToken(gating.stream().filter(g -> !g.equals(a))
                    .toArray(String[]::new)));
            assertEquals("Permission denied: “" + function + "” needs the “" + acl + "” privilege.", // OpenUAPI's own wording
                    Whm.reason(Whm.withToken("root", without), function, Map.of()), function);
            // With only it: past the check (the call may still fail on its arguments).
            String with = withOnly.computeIfAbsent(acl, Whm::rootToken);
            String reason = Whm.reason(Whm.withToken("root", with), function, Map.of());
            assertFalse(reason.startsWith("Permission denied"), function + " with " + acl + ": " + reason);
        }
    }

    @Test
    void actingAsAUserThroughJsonApiCpanelNeedsItsAcl() {
        TestAccount alice = Fixtures.newAccount();
        Set<String> others = new TreeSet<>(pinned().values());
        others.remove(ANY);
        others.remove("all");
        others.remove(ACTING_ACL);
        Map<String, String> args = Map.of("cpanel_jsonapi_user", alice.username(), "cpanel_jsonapi_apiversion", "2",
                "cpanel_jsonapi_module", "CustInfo", "cpanel_jsonapi_func", "displaycontactinfo");
        String refused = Whm.withToken("root", Whm.rootToken(others.toArray(String[]::new))).queryParams(args).get("/json-api/cpanel")
                .then().statusCode(200).extract().asString();
        // OpenUAPI's own wording, in API 2's error field
        assertTrue(refused.contains("\"error\":\"Permission denied: acting as a cPanel user needs the “" + ACTING_ACL + "” privilege.\""),
                refused);
        assertFalse(refused.contains("owner@" + alice.domain()), refused);
        String acted = Whm.withToken("root", Whm.rootToken(ACTING_ACL)).queryParams(args).get("/json-api/cpanel").then().statusCode(200)
                .extract().asString();
        assertTrue(acted.contains("owner@" + alice.domain()), acted);
    }
}
