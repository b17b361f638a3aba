package dev.openuapi.whm;

import static dev.openuapi.whm.AccountArgumentsTest.newAccount;
import static dev.openuapi.whm.AccountArgumentsTest.ok;
import static dev.openuapi.whm.AccountArgumentsTest.refused;
import static dev.openuapi.whm.AccountArgumentsTest.summary;
import static dev.openuapi.whm.AccountArgumentsTest.username;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 15 §2 for WHM API 1's package functions (addpkg, editpkg, killpkg, listpkgs, changepackage): each documented
 * argument is applied, stored and reported back by listpkgs with cPanel's field names, or refused.
 *
 * <p>cPanel's listpkgs answer (api.docs.cpanel.net, WHM API 1 listpkgs; openapi/cpanel-packages-api-openapi.yml of
 * api-evangelist/cpanel, version 11.137), the example of each field compared with:
 * <pre>
 * "pkg": [{ "BWLIMIT": "unlimited", "CGI": "y", "CPMOD": "jupiter", "DIGESTAUTH": "n",
 *   "FEATURELIST": "myfeaturelist", "HASSHELL": "n", "IP": "n", "LANG": "en", "MAXADDON": "unlimited", "MAXFTP": "unlimited",
 *   "MAXLST": "unlimited", "MAXPARK": "unlimited", "MAXPOP": "unlimited", "MAXSQL": "unlimited", "MAXSUB": "unlimited",
 *   "MAX_DEFER_FAIL_PERCENTAGE": "unlimited", "MAX_EMAILACCT_QUOTA": "unlimited", "MAX_EMAIL_PER_HOUR": "unlimited",
 *   "MAX_TEAM_USERS": 7, "QUOTA": "unlimited" }]
 * </pre>
 */
@QuarkusTest
class PackageArgumentsTest {

    static JsonNode pkg(String name) {
        for (JsonNode p : ok("listpkgs", Map.of()).get("data").get("pkg")) {
            if (p.get("name").textValue().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("listpkgs has no " + name);
    }

    static String name() {
        return "hepkg" + Fixtures.randomSuffix(8);
    }

    @Test
    void addpkgStoresEveryCapabilityAndListpkgsReportsIt() {
        String name = name();
        ok("addpkg", Map.ofEntries(Map.entry("name", name), Map.entry("quota", "1024"), Map.entry("bwlimit", "0"),
                Map.entry("maxpop", "10"), Map.entry("maxsql", "2"), Map.entry("maxftp", "3"), Map.entry("maxsub", "4"),
                Map.entry("maxpark", "5"), Map.entry("maxaddon", "6"), Map.entry("maxlst", "7"), Map.entry("hasshell", "1"),
                Map.entry("cgi", "0"), Map.entry("digestauth", "1"), Map.entry("cpmod", "jupiter"), Map.entry("language", "de"),
                Map.entry("MAX_EMAIL_PER_HOUR", "200"), Map.entry("MAX_DEFER_FAIL_PERCENTAGE", "40"),
                Map.entry("max_emailacct_quota", "512"), Map.entry("max_team_users", "3"), Map.entry("featurelist", "default"),
                Map.entry("ip", "n"), Map.entry("frontpage", "1")));
        JsonNode p = pkg(name);
        assertEquals("1024", p.get("QUOTA").textValue());
        assertEquals("unlimited", p.get("BWLIMIT").textValue(), "addpkg: bwlimit 0 is unlimited");
        assertEquals("10", p.get("MAXPOP").textValue());
        assertEquals("2", p.get("MAXSQL").textValue());
        assertEquals("3", p.get("MAXFTP").textValue());
        assertEquals("4", p.get("MAXSUB").textValue());
        assertEquals("5", p.get("MAXPARK").textValue());
        assertEquals("6", p.get("MAXADDON").textValue());
        assertEquals("7", p.get("MAXLST").textValue());
        assertEquals("y", p.get("HASSHELL").textValue());
        assertEquals("n", p.get("CGI").textValue());
        assertEquals("y", p.get("DIGESTAUTH").textValue());
        assertEquals("jupiter", p.get("CPMOD").textValue());
        assertEquals("de", p.get("LANG").textValue());
        assertEquals("200", p.get("MAX_EMAIL_PER_HOUR").textValue());
        assertEquals("40", p.get("MAX_DEFER_FAIL_PERCENTAGE").textValue());
        assertEquals("512", p.get("MAX_EMAILACCT_QUOTA").textValue());
        assertEquals(3, p.get("MAX_TEAM_USERS").intValue());
        assertEquals("default", p.get("FEATURELIST").textValue());
        assertEquals("n", p.get("IP").textValue());
        ok("killpkg", Map.of("pkgname", name));
    }

    @Test
    void aPackagesDefaultsAreCPanels() {
        String name = name();
        ok("addpkg", Map.of("name", name));
        JsonNode p = pkg(name);
        assertEquals("n", p.get("HASSHELL").textValue());
        assertEquals("y", p.get("CGI").textValue());
        assertEquals("n", p.get("DIGESTAUTH").textValue());
        assertEquals("jupiter", p.get("CPMOD").textValue());
        assertEquals("en", p.get("LANG").textValue());
        assertEquals("unlimited", p.get("MAXLST").textValue());
        assertEquals("unlimited", p.get("QUOTA").textValue());
        ok("killpkg", Map.of("pkgname", name));
    }

    @Test
    void addpkgRefusesWhatCannotMeanAnythingHere() {
        Map<String, String> refusals = new HashMap<>();
        refusals.put("_PACKAGE_EXTENSIONS=ext1", "package extensions");
        refusals.put("ip=y", "setsiteip");
        refusals.put("featurelist=gold", "one feature list");
        refusals.put("hasshell=2", "1 or 0");
        refusals.put("cpmod=paper_lantern", "not available");
        refusals.put("language=zz", "locale");
        refusals.put("max_team_users=8", "at most 7");
        refusals.put("MAX_DEFER_FAIL_PERCENTAGE=101", "at most 100");
        refusals.put("maxlst=lots", "number or unlimited");
        String name = name();
        refusals.forEach((arg, words) -> {
            String[] kv = arg.split("=", 2);
            refused("addpkg", Map.of("name", name, kv[0], kv[1]), words);
            refused("editpkg", Map.of("name", name, kv[0], kv[1]), words);
        });
        refused("killpkg", Map.of("pkgname", name), "does not exist"); // nothing was created
        refused("listpkgs", Map.of("want", "mine"), "want");
        ok("listpkgs", Map.of("want", "creatable"));
    }

    @Test
    void editpkgCreatesAMissingPackageAndGivesItsValuesToItsAccounts() {
        String name = name();
        ok("editpkg", Map.of("name", name, "maxpop", "3")); // cPanel: "If the hosting plan does not exist, the system will create it."
        assertEquals("3", pkg(name).get("MAXPOP").textValue());
        String user = username();
        ok("createacct", newAccount(user, "plan", name));
        assertEquals("/usr/local/cpanel/bin/noshell", summary(user).get("shell").textValue());
        ok("editpkg", Map.of("name", name, "maxpop", "4", "hasshell", "1", "cgi", "0", "maxlst", "2", "max_email_per_hour", "50",
                "max_defer_fail_percentage", "20", "max_emailacct_quota", "100", "max_team_users", "1", "language", "fr"));
        JsonNode acct = summary(user);
        assertEquals("4", acct.get("maxpop").textValue());
        assertEquals("/bin/bash", acct.get("shell").textValue());
        assertEquals(0, acct.get("cgi").intValue());
        assertEquals("2", acct.get("maxlst").textValue());
        assertEquals("50", acct.get("max_email_per_hour").textValue());
        assertEquals("20", acct.get("max_defer_fail_percentage").textValue());
        assertEquals("100", acct.get("max_emailacct_quota").textValue());
        assertEquals(1, acct.get("max_team_users").intValue());
        assertEquals("fr", acct.get("locale").textValue());
        ok("removeacct", Map.of("username", user));
        ok("killpkg", Map.of("pkgname", name));
    }

    @Test
    void changepackageGivesThePackagesValuesButNotDigestAuth() {
        String small = name();
        String large = name();
        ok("addpkg", Map.of("name", small, "maxpop", "1"));
        ok("addpkg", Map.of("name", large, "maxpop", "20", "hasshell", "1", "maxlst", "9", "digestauth", "1"));
        String user = username();
        ok("createacct", newAccount(user, "plan", small, "maxsql", "1")); // limits of its own, over small's
        assertEquals("1", summary(user).get("maxsql").textValue());
        ok("changepackage", Map.of("user", user, "pkg", large));
        JsonNode acct = summary(user);
        assertEquals(large, acct.get("plan").textValue());
        assertEquals("20", acct.get("maxpop").textValue());
        assertEquals("unlimited", acct.get("maxsql").textValue(), "the account's own limits give way to the new package's");
        assertEquals("/bin/bash", acct.get("shell").textValue());
        assertEquals("9", acct.get("maxlst").textValue());
        assertEquals(0, acct.get("digestauth").intValue(), "cPanel: changing a package does not affect Digest Authentication");
        ok("killpkg", Map.of("pkgname", small)); // nothing uses it any more: the private plan went with the change
        ok("removeacct", Map.of("username", user));
        ok("killpkg", Map.of("pkgname", large));
    }
}
