package dev.openuapi.whm;

import static dev.openuapi.support.Fixtures.asRoot;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Whm;
import dev.openuapi.support.WhmChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 15 §2: every documented argument of WHM API 1's account functions (createacct, modifyacct, suspendacct,
 * unsuspendacct, removeacct, passwd, accountsummary, listaccts) takes effect, is stored and reported back, or is
 * refused. Each test sends the arguments and checks their effect through the API. src/docs/account-arguments.md
 * holds the table.
 *
 * <p>cPanel's accountsummary answer (api.docs.cpanel.net, WHM API 1 accountsummary; the OpenAPI file
 * openapi/cpanel-accounts-api-openapi.yml of api-evangelist/cpanel, version 11.137), the example of each field
 * compared with:
 * <pre>
 * "acct": [{ "disklimit": "unlimited", "maxaddons": "unlimited", "maxftp": "unlimited", "maxlst": "unlimited",
 *   "maxparked": "unlimited", "maxpop": "unlimited", "maxsql": "unlimited", "maxsub": "unlimited",
 *   "max_defer_fail_percentage": "unlimited", "max_email_per_hour": "unlimited", "max_emailacct_quota": "unlimited",
 *   "shell": "/bin/bash", "theme": "jupiter", "is_locked": 0, "mailbox_format": "maildir", "owner": "root",
 *   "unix_startdate": 1369256589, ... }]
 * </pre>
 * and WHM API 1 has_digest_auth's {@code "digestauth": 1}, the name accountsummary's {@code digestauth} takes.
 */
@QuarkusTest
class AccountArgumentsTest {

    /** Usernames unique across the helpers sharing the database server: this work item's start with "he". */
    static String username() {
        return "he" + Fixtures.randomSuffix(10);
    }

    static JsonNode call(String function, Map<String, String> args) {
        return Whm.json(asRoot(), function, args);
    }

    static JsonNode ok(String function, Map<String, String> args) {
        return WhmChecks.ok(asRoot(), function, args);
    }

    /** The call fails with a reason that contains {@code words}. */
    static void refused(String function, Map<String, String> args, String words) {
        JsonNode answer = call(function, args);
        assertEquals(0, answer.get("metadata").get("result").intValue(), function + " " + args + ": " + answer);
        String reason = answer.get("metadata").get("reason").textValue();
        assertTrue(reason.contains(words), function + " " + args + ": " + reason);
    }

    static JsonNode summary(String user) {
        return ok("accountsummary", Map.of("user", user)).get("data").get("acct").get(0);
    }

    static Map<String, String> newAccount(String user, String... more) {
        Map<String, String> args = new HashMap<>(Map.of("username", user, "domain", user + ".example", "password", "he-pass-" + user));
        for (int i = 0; i < more.length; i += 2) {
            args.put(more[i], more[i + 1]);
        }
        return args;
    }

    static RequestSpecification asAccount(String user) {
        return given().auth().preemptive().basic(user, "he-pass-" + user);
    }

    static JsonNode uapi(String user, String path) {
        return Fixtures.json(asAccount(user).get(path).then().statusCode(200).extract().asString());
    }

    @Test
    void createacctLimitsWithoutAPackageAreTheAccountsOwnAndEnforced() {
        String user = username();
        JsonNode created = ok("createacct", newAccount(user, "quota", "500", "bwlimit", "2000", "maxpop", "1", "maxsql", "0",
                "maxftp", "2", "maxsub", "3", "maxpark", "4", "maxaddon", "5"));
        assertEquals("default", created.get("data").get("package").textValue());
        JsonNode acct = summary(user);
        assertEquals("default", acct.get("plan").textValue(), "an account's own limits still show its package");
        assertEquals("500M", acct.get("disklimit").textValue());
        assertEquals("2000M", acct.get("bwlimit").textValue());
        assertEquals("1", acct.get("maxpop").textValue());
        assertEquals("unlimited", acct.get("maxsql").textValue(), "createacct: maxsql 0 is unlimited");
        assertEquals("2", acct.get("maxftp").textValue());
        assertEquals("3", acct.get("maxsub").textValue());
        assertEquals("4", acct.get("maxparked").textValue());
        assertEquals("5", acct.get("maxaddons").textValue());

        // the limit is enforced: one mailbox, not two
        assertEquals(1, uapi(user, "/execute/Email/add_pop?email=one&password=he-mail-pass-1").get("status").intValue());
        JsonNode second = uapi(user, "/execute/Email/add_pop?email=two&password=he-mail-pass-2");
        assertEquals(0, second.get("status").intValue(), second.toString());
        // the disk quota is the account's (UAPI Quota::get_quota_info reports it)
        JsonNode quota = uapi(user, "/execute/Quota/get_quota_info");
        assertEquals(1, quota.get("status").intValue(), quota.toString());
        assertTrue(quota.toString().contains("500"), quota.toString());
        // the private plan is no package
        JsonNode packages = ok("listpkgs", Map.of()).get("data").get("pkg");
        packages.forEach(p -> assertFalse(p.get("name").textValue().startsWith("~"), p.toString()));
        ok("removeacct", Map.of("username", user));
    }

    @Test
    void createacctCapabilitiesAreStoredAndReported() {
        String user = username();
        ok("createacct", newAccount(user, "hasshell", "1", "cgi", "0", "maxlst", "3", "max_email_per_hour", "100",
                "max_defer_fail_percentage", "50", "max_emailacct_quota", "250", "max_team_users", "2", "spamassassin", "0",
                "spambox", "n", "dkim", "0", "spf", "0", "dmarc", "0", "useregns", "1", "hasuseregns", "1", "mailbox_format", "mdbox",
                "cpmod", "jupiter", "language", "fr", "featurelist", "default", "frontpage", "1", "showpass", "n", "forcedns", "0",
                "mxcheck", "local", "contactemail", "he@" + user + ".example"));
        JsonNode acct = summary(user);
        assertEquals("/bin/bash", acct.get("shell").textValue());
        assertEquals(0, acct.get("cgi").intValue());
        assertEquals("3", acct.get("maxlst").textValue());
        assertEquals("100", acct.get("max_email_per_hour").textValue());
        assertEquals("50", acct.get("max_defer_fail_percentage").textValue());
        assertEquals("250", acct.get("max_emailacct_quota").textValue());
        assertEquals(2, acct.get("max_team_users").intValue());
        assertEquals(0, acct.get("spamassassin").intValue());
        assertEquals(0, acct.get("spambox").intValue());
        assertEquals(0, acct.get("dkim").intValue());
        assertEquals(0, acct.get("spf").intValue());
        assertEquals(0, acct.get("dmarc").intValue());
        assertEquals(1, acct.get("useregns").intValue());
        assertEquals("mdbox", acct.get("mailbox_format").textValue());
        assertEquals("jupiter", acct.get("theme").textValue());
        assertEquals("fr", acct.get("locale").textValue());
        assertEquals("he@" + user + ".example", acct.get("email").textValue());
        // the locale takes effect: UAPI Locale::get_attributes as the account
        JsonNode locale = uapi(user, "/execute/Locale/get_attributes");
        assertEquals("fr", locale.get("data").get("locale").textValue(), locale.toString());
        // listaccts reports the same
        JsonNode listed = ok("listaccts", Map.of("search", user, "searchtype", "user", "searchmethod", "exact")).get("data").get("acct");
        assertEquals(1, listed.size());
        assertEquals("/bin/bash", listed.get(0).get("shell").textValue());
        ok("removeacct", Map.of("username", user));
    }

    @Test
    void maxEmailacctQuotaIsTheLargestMailboxQuota() {
        String user = username();
        ok("createacct", newAccount(user, "max_emailacct_quota", "250"));
        String domain = user + ".example";
        JsonNode tooLarge = uapi(user, "/execute/Email/add_pop?email=big&password=he-mail-pass-1&quota=300");
        assertEquals(0, tooLarge.get("status").intValue(), tooLarge.toString());
        assertTrue(tooLarge.get("errors").toString().contains("250"), tooLarge.toString());
        assertEquals(1, uapi(user, "/execute/Email/add_pop?email=box&password=he-mail-pass-1").get("status").intValue());
        assertEquals("250", uapi(user, "/execute/Email/get_pop_quota?email=box&domain=" + domain).get("data").asText(),
                "no quota given: the account's maximum");
        assertEquals(0, uapi(user, "/execute/Email/edit_pop_quota?email=box&domain=" + domain + "&quota=500").get("status").intValue());
        assertEquals(1, uapi(user, "/execute/Email/edit_pop_quota?email=box&domain=" + domain + "&quota=100").get("status").intValue());
        assertEquals("100", uapi(user, "/execute/Email/get_pop_quota?email=box&domain=" + domain).get("data").asText());
        // modifyacct lifts it
        ok("modifyacct", Map.of("user", user, "MAX_EMAILACCT_QUOTA", "unlimited"));
        assertEquals(1, uapi(user, "/execute/Email/edit_pop_quota?email=box&domain=" + domain + "&quota=500").get("status").intValue());
        ok("removeacct", Map.of("username", user));
    }

    @Test
    void createacctOnAPackageTakesItsValuesAndItsOwnOverThem() {
        String pkg = "hepkg" + Fixtures.randomSuffix(6);
        ok("addpkg", Map.of("name", pkg, "maxpop", "5", "hasshell", "1", "maxlst", "7", "digestauth", "1", "language", "de"));
        String user = username();
        ok("createacct", newAccount(user, "plan", pkg, "maxpop", "1"));
        JsonNode acct = summary(user);
        assertEquals(pkg, acct.get("plan").textValue());
        assertEquals("1", acct.get("maxpop").textValue(), "the account's own maxpop over the package's");
        assertEquals("/bin/bash", acct.get("shell").textValue(), "the package's hasshell");
        assertEquals("7", acct.get("maxlst").textValue());
        assertEquals(1, acct.get("digestauth").intValue(), "a new account takes the package's Digest Authentication");
        assertEquals("de", acct.get("locale").textValue());
        // killpkg refuses a package an account is on, even with limits of its own
        refused("killpkg", Map.of("pkgname", pkg), "used by 1 account");
        // editpkg gives every account on the package its values, over the account's own (cPanel's warning)
        ok("editpkg", Map.of("name", pkg, "maxpop", "6", "hasshell", "0"));
        acct = summary(user);
        assertEquals("6", acct.get("maxpop").textValue());
        assertEquals("/usr/local/cpanel/bin/noshell", acct.get("shell").textValue());
        ok("removeacct", Map.of("username", user));
        ok("killpkg", Map.of("pkgname", pkg));
    }

    @Test
    void createacctSavepkgSavesTheSettingsAsAPackage() {
        String user = username();
        String pkg = "hesaved" + Fixtures.randomSuffix(6);
        JsonNode created = ok("createacct", newAccount(user, "savepkg", "1", "pkgname", pkg, "quota", "300", "hasshell", "1", "maxlst", "2"));
        assertEquals(pkg, created.get("data").get("package").textValue());
        assertEquals(pkg, summary(user).get("plan").textValue());
        JsonNode saved = null;
        for (JsonNode p : ok("listpkgs", Map.of()).get("data").get("pkg")) {
            if (p.get("name").textValue().equals(pkg)) {
                saved = p;
            }
        }
        assertTrue(saved != null, "listpkgs lists " + pkg);
        assertEquals("300", saved.get("QUOTA").textValue());
        assertEquals("y", saved.get("HASSHELL").textValue());
        assertEquals("2", saved.get("MAXLST").textValue());
        ok("removeacct", Map.of("username", user));
        ok("killpkg", Map.of("pkgname", pkg));
    }

    @Test
    void createacctRefusesWhatCannotMeanAnythingHere() {
        String user = username();
        Map<String, String> refusals = new HashMap<>();
        refusals.put("forcedns=1", "never overwrites");
        refusals.put("uid=1234", "no system user");
        refusals.put("gid=1234", "no system group");
        refusals.put("homedir=/home2/x", "<openuapi.homes.root>/<user>");
        refusals.put("mail_node_alias=node", "mail nodes");
        refusals.put("reseller_without_domain=1", "main domain");
        refusals.put("account_enhancements=Extra", "Account Enhancements");
        refusals.put("mxcheck=remote", "mail exchanger");
        refusals.put("featurelist=gold", "one feature list");
        refusals.put("pass=he-pass-x", "password argument");
        refusals.put("useregns=1", "hasuseregns");
        refusals.put("hasshell=2", "1 or 0");
        refusals.put("cpmod=paper_lantern", "not available");
        refusals.put("language=xx", "valid country code");
        refusals.put("maxpop=many", "number or unlimited");
        refusals.put("mailbox_format=mbox", "maildir or mdbox");
        refusals.put("max_team_users=9", "at most 7");
        refusals.forEach((arg, words) -> {
            String[] kv = arg.split("=", 2);
            refused("createacct", newAccount(user, kv[0], kv[1]), words);
        });
        refused("accountsummary", Map.of("user", user), "does not exist"); // nothing was left behind
    }

    @Test
    void modifyacctLimitsAndCapabilitiesTakeEffect() {
        String user = username();
        ok("createacct", newAccount(user));
        ok("modifyacct", Map.ofEntries(Map.entry("user", user), Map.entry("MAXPOP", "1"), Map.entry("QUOTA", "100"),
                Map.entry("BWLIMIT", String.valueOf(10L * 1048576)), Map.entry("MAXSQL", "2"), Map.entry("MAXFTP", "3"),
                Map.entry("MAXSUB", "4"), Map.entry("MAXPARK", "5"), Map.entry("MAXADDON", "0"), Map.entry("HASSHELL", "1"),
                Map.entry("HASCGI", "0"), Map.entry("HASDKIM", "0"), Map.entry("HASSPF", "0"), Map.entry("HASDMARC", "0"),
                Map.entry("spamassassin", "0"), Map.entry("MAILBOX_FORMAT", "mdbox"), Map.entry("MAXLST", "6"),
                Map.entry("MAX_EMAIL_PER_HOUR", "70"), Map.entry("MAX_DEFER_FAIL_PERCENTAGE", "30"), Map.entry("MAX_EMAILACCT_QUOTA", "80"),
                Map.entry("max_team_users", "1"), Map.entry("RS", "jupiter"), Map.entry("LOCALE", "es"), Map.entry("STARTDATE", "1549471343"),
                Map.entry("modify_firewall", "0"), Map.entry("MAXPASSENGERAPPS", "5"), Map.entry("BACKUP", "0"),
                Map.entry("notify_disk_limit", "0"), Map.entry("OUTGOING_EMAIL_SUSPENDED", "0"), Map.entry("DBOWNER", user),
                Map.entry("mail_node_alias", ".local"), Map.entry("contactemail", "new@" + user + ".example")));
        JsonNode acct = summary(user);
        assertEquals("1", acct.get("maxpop").textValue());
        assertEquals("100M", acct.get("disklimit").textValue());
        assertEquals("10M", acct.get("bwlimit").textValue(), "BWLIMIT is in bytes");
        assertEquals("2", acct.get("maxsql").textValue());
        assertEquals("3", acct.get("maxftp").textValue());
        assertEquals("4", acct.get("maxsub").textValue());
        assertEquals("5", acct.get("maxparked").textValue());
        assertEquals("unlimited", acct.get("maxaddons").textValue(), "modifyacct: MAXADDON 0 is unlimited");
        assertEquals("/bin/bash", acct.get("shell").textValue());
        assertEquals(0, acct.get("cgi").intValue());
        assertEquals(0, acct.get("dkim").intValue());
        assertEquals(0, acct.get("spf").intValue());
        assertEquals(0, acct.get("dmarc").intValue());
        assertEquals(0, acct.get("spamassassin").intValue());
        assertEquals("mdbox", acct.get("mailbox_format").textValue());
        assertEquals("6", acct.get("maxlst").textValue());
        assertEquals("70", acct.get("max_email_per_hour").textValue());
        assertEquals("30", acct.get("max_defer_fail_percentage").textValue());
        assertEquals("80", acct.get("max_emailacct_quota").textValue());
        assertEquals(1, acct.get("max_team_users").intValue());
        assertEquals("es", acct.get("locale").textValue());
        assertEquals(1549471343L, acct.get("unix_startdate").longValue());
        assertEquals("new@" + user + ".example", acct.get("email").textValue());
        // enforced
        assertEquals(1, uapi(user, "/execute/Email/add_pop?email=one&password=he-mail-pass-1").get("status").intValue());
        assertEquals(0, uapi(user, "/execute/Email/add_pop?email=two&password=he-mail-pass-2").get("status").intValue());

        // the shell argument names the shell; LANG's legacy name
        ok("modifyacct", Map.of("user", user, "shell", "/usr/local/cpanel/bin/jailshell", "LANG", "english-utf8"));
        acct = summary(user);
        assertEquals("/usr/local/cpanel/bin/jailshell", acct.get("shell").textValue());
        assertEquals("en", acct.get("locale").textValue());
        ok("modifyacct", Map.of("user", user, "HASSHELL", "0", "DISK_BLOCK_LIMIT", "2048"));
        acct = summary(user);
        assertEquals("/usr/local/cpanel/bin/noshell", acct.get("shell").textValue());
        assertEquals("2M", acct.get("disklimit").textValue(), "DISK_BLOCK_LIMIT is in KB");
        assertEquals("1", acct.get("maxpop").textValue(), "limits not given stay");
        ok("removeacct", Map.of("username", user));
    }

    @Test
    void modifyacctRefusesWhatCannotMeanAnythingHereAndChangesNothing() {
        String user = username();
        ok("createacct", newAccount(user));
        Map<String, String> refusals = new HashMap<>();
        refusals.put("BACKUP=1", "no backups");
        refusals.put("notify_disk_limit=1", "no notifications");
        refusals.put("OUTGOING_EMAIL_SUSPENDED=1", "outgoing mail");
        refusals.put("PUSHBULLET_ACCESS_TOKEN=abc", "no notifications");
        refusals.put("STYLE=Glass", "no styles");
        refusals.put("MXCHECK-" + user + ".example=10", "mail exchanger");
        refusals.put("DBOWNER=someoneelse", "account itself");
        refusals.put("update_existing_email_account_quotas=1", "existing mailboxes");
        refusals.put("account_enhancements=Extra", "Account Enhancements");
        refusals.put("mail_node_alias=node", "mail nodes");
        refusals.put("shell=/bin/zsh", "not a valid shell");
        refusals.put("RS=paper_lantern", "not available");
        refusals.put("LOCALE=xx", "valid country code");
        refusals.put("owner=" + username(), "does not exist");
        refusals.put("STARTDATE=yesterday", "Unix time");
        refusals.forEach((arg, words) -> {
            String[] kv = arg.split("=", 2);
            // each refusal comes with a limit change that must not happen
            refused("modifyacct", Map.of("user", user, kv[0], kv[1], "MAXPOP", "9"), words);
        });
        refused("modifyacct", Map.of("user", user, "QUOTA", "10", "DISK_BLOCK_LIMIT", "10"), "not both");
        JsonNode acct = summary(user);
        assertEquals("unlimited", acct.get("maxpop").textValue(), "a refused modifyacct changes nothing");
        assertEquals("/usr/local/cpanel/bin/noshell", acct.get("shell").textValue());
        ok("removeacct", Map.of("username", user));
    }

    @Test
    void modifyacctOwnerMovesTheAccountToAReseller() {
        TestAccount reseller = Fixtures.newAccount();
        assertEquals("OK", Whm.reason(asRoot(), "setupreseller", Map.of("user", reseller.username())));
        String user = username();
        ok("createacct", newAccount(user));
        ok("modifyacct", Map.of("user", user, "owner", reseller.username()));
        assertEquals(reseller.username(), summary(user).get("owner").textValue());
        ok("modifyacct", Map.of("user", user, "OWNER", "root"));
        assertEquals("root", summary(user).get("owner").textValue());
        TestAccount plain = Fixtures.newAccount();
        refused("modifyacct", Map.of("user", user, "owner", plain.username()), "not a reseller");
        ok("removeacct", Map.of("username", user));
    }

    @Test
    void modifyacctResellerGrantsAndEndsReselling() {
        String user = username();
        ok("createacct", newAccount(user));
        ok("modifyacct", Map.of("user", user, "reseller", "1"));
        assertTrue(ok("listresellers", Map.of()).get("data").get("reseller").toString().contains("\"" + user + "\""));
        ok("modifyacct", Map.of("user", user, "reseller", "0"));
        assertFalse(ok("listresellers", Map.of()).get("data").get("reseller").toString().contains("\"" + user + "\""));
        refused("modifyacct", Map.of("user", user, "reseller", "yes"), "1 or 0");
        ok("removeacct", Map.of("username", user));
    }

    @Test
    void suspendacctDisallowunLocksTheSuspensionAgainstTheReseller() {
        TestAccount reseller = Fixtures.newAccount();
        assertEquals("OK", Whm.reason(asRoot(), "setupreseller", Map.of("user", reseller.username())));
        assertEquals("OK", Whm.reason(asRoot(), "setacls", Map.of("reseller", reseller.username(), "acl-suspend-acct", "1",
                "acl-acct-summary", "1")));
        String user = username();
        ok("createacct", newAccount(user, "owner", reseller.username()));
        ok("suspendacct", Map.of("user", user, "reason", "unpaid", "disallowun", "1", "leave-ftp-accts-enabled", "1"));
        JsonNode acct = summary(user);
        assertEquals(1, acct.get("is_locked").intValue());
        assertEquals(1, acct.get("leave-ftp-accts-enabled").intValue());
        RequestSpecification asReseller = given().auth().preemptive().basic(reseller.username(), reseller.password());
        JsonNode denied = Whm.json(asReseller, "unsuspendacct", Map.of("user", user));
        assertEquals(0, denied.get("metadata").get("result").intValue(), denied.toString());
        assertTrue(denied.get("metadata").get("reason").textValue().contains("disallowun"), denied.toString());
        assertEquals(1, summary(user).get("suspended").intValue());
        ok("unsuspendacct", Map.of("user", user, "retain-service-proxies", "1"));
        acct = summary(user);
        assertEquals(0, acct.get("suspended").intValue());
        assertEquals(0, acct.get("is_locked").intValue());
        assertEquals(0, acct.get("leave-ftp-accts-enabled").intValue());
        // without disallowun the owner may unsuspend
        ok("suspendacct", Map.of("user", user));
        WhmChecks.ok(asReseller, "unsuspendacct", Map.of("user", user));
        ok("removeacct", Map.of("username", user));
    }

    @Test
    void passwdDigestAuthIsStored() {
        String user = username();
        ok("createacct", newAccount(user));
        assertEquals(0, summary(user).get("digestauth").intValue());
        ok("passwd", Map.of("user", user, "password", "he-pass-" + user, "enabledigest", "1", "db_pass_update", "1"));
        assertEquals(1, summary(user).get("digestauth").intValue());
        ok("passwd", Map.of("user", user, "password", "he-pass-" + user, "digestauth", "0", "db_pass_update", "0"));
        assertEquals(0, summary(user).get("digestauth").intValue());
        ok("passwd", Map.of("user", user, "password", "he-pass-" + user));
        assertEquals(0, summary(user).get("digestauth").intValue(), "left out: unchanged");
        refused("passwd", Map.of("user", user, "password", "he-pass-" + user, "db_pass_update", "yes"), "1 or 0");
        ok("removeacct", Map.of("username", user));
    }

    @Test
    void removeacctKeepdnsKeepsTheZone() {
        String user = username();
        ok("createacct", newAccount(user));
        ok("removeacct", Map.of("username", user, "keepdns", "1"));
        // the zone is still there: a new account cannot take the domain
        JsonNode again = call("createacct", newAccount(username(), "domain", user + ".example"));
        assertEquals(0, again.get("metadata").get("result").intValue(), again.toString());

        String other = username();
        ok("createacct", newAccount(other));
        ok("removeacct", Map.of("username", other, "keepdns", "0"));
        String taker = username();
        ok("createacct", newAccount(taker, "domain", other + ".example"));
        ok("removeacct", Map.of("username", taker));
    }

    @Test
    void accountsummaryFindsByDomainAndListacctsReturnsTheWantedFields() {
        String user = username();
        ok("createacct", newAccount(user));
        assertEquals(user, ok("accountsummary", Map.of("domain", user + ".example")).get("data").get("acct").get(0).get("user").textValue());
        assertEquals(user, ok("accountsummary", Map.of("search", user + ".example", "searchtype", "domain", "searchmethod", "exact"))
                .get("data").get("acct").get(0).get("user").textValue());
        refused("accountsummary", Map.of("domain", "he-none-" + user + ".example"), "No account");
        JsonNode row = ok("listaccts", Map.of("search", user, "searchtype", "user", "searchmethod", "exact", "want", "user,plan"))
                .get("data").get("acct").get(0);
        assertEquals(List.of("user", "plan"), List.copyOf(iterable(row)));
        assertEquals(0, ok("listaccts", Map.of("search", user.substring(0, 5), "searchtype", "user", "searchmethod", "exact"))
                .get("data").get("acct").size(), "exact: the whole username");
        refused("listaccts", Map.of("searchmethod", "fuzzy"), "searchmethod");
        ok("removeacct", Map.of("username", user));
    }

    private static List<String> iterable(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
