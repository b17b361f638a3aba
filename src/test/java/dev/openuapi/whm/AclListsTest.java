package dev.openuapi.whm;

import static dev.openuapi.support.Fixtures.asRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Whm;
import dev.openuapi.support.WhmChecks;
import io.quarkus.test.junit.QuarkusTest;

/**
 * WHM API 1 {@code saveacllist}, {@code listacls} and {@code setacls acllist=} (issue 15 §2), compared with cPanel's
 * reference (api.docs.cpanel.net): saveacllist "For each acl-* parameter, a value of 1 adds that privilege to the ACL
 * list and a value of 0 removes that privilege from the ACL list", "acllist ... To modify an existing ACL, set this value
 * to that ACL's name"; listacls' response sample
 * {@code {"data":{"acl":[{"name":"acl1","privileges":{"acct-summary":1,"add-pkg":1,...}}]}}}; setacls' {@code acllist}
 * ("Functions should either use this parameter, or a combination of the acl-* parameters ... Do not include both"),
 * {@code user} ("an alias for reseller") and its answer {@code data.acl} ({@code ["all"]}).
 */
@QuarkusTest
class AclListsTest {

    static String listName() {
        return "hd_list_" + Fixtures.randomSuffix(8);
    }

    /** A new reseller (created by createacct reseller=1) with no privileges yet. */
    static String reseller() {
        Map.Entry<String, JsonNode> created = ResellerCreateTest.createacct(asRoot(), Map.of("reseller", "1", "ownerself", "1"));
        assertEquals(1, created.getValue().get("metadata").get("result").intValue(), created.getValue().toString());
        return created.getKey();
    }

    /** listacls' privileges of the list, or null when it is not listed. */
    static JsonNode listed(String name) {
        JsonNode answer = WhmChecks.ok(asRoot(), "listacls", Map.of());
        for (JsonNode list : answer.get("data").get("acl")) {
            if (list.get("name").textValue().equals(name)) {
                return list.get("privileges");
            }
        }
        return null;
    }

    /** What the reseller itself sees of its privileges: only those set to 1. */
    static Map<String, Integer> granted(String reseller) {
        Map<String, Integer> on = new TreeMap<>();
        WhmChecks.ok(ResellerCreateTest.as(reseller), "myprivs", Map.of()).get("data").get("privileges").get(0).fields()
                .forEachRemaining(e -> {
                    if (e.getValue().intValue() == 1) {
                        on.put(e.getKey(), 1);
                    }
                });
        return on;
    }

    @Test
    void aSavedListIsListedAndChangedByName() {
        String name = listName();
        assertEquals("OK", Whm.reason(asRoot(), "saveacllist", Map.of("acllist", name, "acl-list-accts", "1", "acl-acct-summary", "1",
                "acl-create-acct", "0")));
        JsonNode privileges = listed(name);
        assertEquals(1, privileges.get("list-accts").intValue());
        assertEquals(1, privileges.get("acct-summary").intValue());
        assertEquals(0, privileges.get("create-acct").intValue());
        assertEquals(0, privileges.get("all").intValue());
        assertTrue(privileges.get("list-accts").isInt(), "1 and 0 are integers, as in cPanel's sample");
        privileges.fields().forEachRemaining(e -> assertTrue(e.getValue().intValue() == 0 || e.getValue().intValue() == 1, e.getKey()));

        // saving again under the same name changes only what is given: list-accts goes, create-acct comes, acct-summary stays
        assertEquals("OK", Whm.reason(asRoot(), "saveacllist", Map.of("acllist", name, "acl-list-accts", "0", "acl-create-acct", "1")));
        privileges = listed(name);
        assertEquals(0, privileges.get("list-accts").intValue());
        assertEquals(1, privileges.get("create-acct").intValue());
        assertEquals(1, privileges.get("acct-summary").intValue());

        // a list with all grants every privilege, as cPanel's sample shows
        String root = listName();
        assertEquals("OK", Whm.reason(asRoot(), "saveacllist", Map.of("acllist", root, "acl-all", "1")));
        listed(root).fields().forEachRemaining(e -> assertEquals(1, e.getValue().intValue(), e.getKey()));
    }

    @Test
    void setaclsAcllistGivesTheResellerACopyOfTheList() {
        String name = listName();
        assertEquals("OK", Whm.reason(asRoot(), "saveacllist", Map.of("acllist", name, "acl-list-accts", "1", "acl-acct-summary", "1")));
        String reseller = reseller();
        assertEquals("OK", Whm.reason(asRoot(), "setacls", Map.of("reseller", reseller, "acl-create-acct", "1")));

        JsonNode answer = WhmChecks.ok(asRoot(), "setacls", Map.of("reseller", reseller, "acllist", name));
        assertEquals("[\"acct-summary\",\"list-accts\"]", answer.get("data").get("acl").toString());
        assertEquals(Map.of("acct-summary", 1, "list-accts", 1), granted(reseller), "the list replaces what it had (create-acct)");
        WhmChecks.ok(ResellerCreateTest.as(reseller), "listaccts", Map.of());

        // saving the list again later does not change the reseller (a copy) until the list is applied again
        assertEquals("OK", Whm.reason(asRoot(), "saveacllist", Map.of("acllist", name, "acl-list-accts", "0", "acl-passwd", "1")));
        assertEquals(Map.of("acct-summary", 1, "list-accts", 1), granted(reseller));
        // user= is setacls' alias of reseller=
        assertEquals("[\"acct-summary\",\"passwd\"]",
                WhmChecks.ok(asRoot(), "setacls", Map.of("user", reseller, "acllist", name)).get("data").get("acl").toString());
        assertEquals(Map.of("acct-summary", 1, "passwd", 1), granted(reseller));
    }

    @Test
    void refusalsChangeNothing() {
        String name = listName();
        assertEquals("OK", Whm.reason(asRoot(), "saveacllist", Map.of("acllist", name, "acl-list-accts", "1")));
        String reseller = reseller();
        assertEquals("OK", Whm.reason(asRoot(), "setacls", Map.of("reseller", reseller, "acl-acct-summary", "1")));

        Map<Map<String, String>, String> setacls = Map.of(
                Map.of("reseller", reseller, "acllist", "hd_no_such_list"), "The ACL list “hd_no_such_list” does not exist.",
                Map.of("reseller", reseller, "acllist", name, "acl-passwd", "1"), "Give either acllist or acl-* arguments, not both.",
                Map.of("acllist", name), "Provide the “reseller” argument.",
                Map.of("reseller", "hdnosuchuser", "acllist", name), "The account “hdnosuchuser” does not exist.");
        setacls.forEach((args, reason) -> assertEquals(reason, Whm.reason(asRoot(), "setacls", args), args.toString()));
        assertEquals(Map.of("acct-summary", 1), granted(reseller), "no refused setacls changed the reseller");

        Map<Map<String, String>, String> saves = Map.of(
                Map.of("acllist", name, "acl-bogus", "1"), "Unknown ACLs: bogus.",
                Map.of("acllist", name, "acl-passwd", "yes"), "“yes” is not a valid value for “acl-passwd”: use 1 or 0.",
                Map.of("acllist", "bad name", "acl-passwd", "1"), "“bad name” is not a valid ACL list name: use 1 to 64 letters, digits, “_” or “-”.",
                Map.of("acl-passwd", "1"), "Provide the “acllist” argument.");
        saves.forEach((args, reason) -> assertEquals(reason, Whm.reason(asRoot(), "saveacllist", args), args.toString()));
        JsonNode privileges = listed(name);
        assertEquals(1, privileges.get("list-accts").intValue());
        assertEquals(0, privileges.get("passwd").intValue(), "no refused saveacllist changed the list");

        // root-level only, like setacls: a reseller with every other privilege is refused
        assertEquals("OK", Whm.reason(asRoot(), "setacls", Map.of("reseller", reseller, "acl-acct-summary", "1", "acl-list-accts", "1",
                "acl-create-acct", "1", "acl-edit-account", "1")));
        for (String function : new String[] {"saveacllist", "listacls"}) {
            assertEquals("Permission denied: “" + function + "” needs the “all” privilege.",
                    Whm.reason(ResellerCreateTest.as(reseller), function, Map.of("acllist", name, "acl-all", "1")));
        }
        assertEquals(0, listed(name).get("all").intValue(), "the reseller could not raise the list to all");
    }
}
