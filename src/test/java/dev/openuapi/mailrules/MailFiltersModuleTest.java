package dev.openuapi.mailrules;

import static dev.openuapi.mailrules.MailRulesFixtures.call;
import static dev.openuapi.mailrules.MailRulesFixtures.data;
import static dev.openuapi.mailrules.MailRulesFixtures.read;
import static dev.openuapi.mailrules.MailRulesFixtures.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import dev.openuapi.support.WhmChecks;
import io.quarkus.test.junit.QuarkusTest;

/**
 * UAPI Email filters on the wire, compared with cPanel's reference (api.docs.cpanel.net, Email::store_filter,
 * list_filters, get_filter, delete_filter, reorder_filters), and the Sieve script each change leaves in the mailbox's
 * home, run by Pigeonhole's sieve-test.
 */
@QuarkusTest
class MailFiltersModuleTest {

    static Map<String, String> coffee(String account) {
        // cPanel's example (API 2 storefilter, UAPI store_filter): filtername=coffee, action1=deliver, part1=$header_subject:,
        // match1=contains, val1=curds, opt1=or, part2=$message_body, match2=is, val2=whey — here saving into a folder
        Map<String, String> args = new LinkedHashMap<>();
        if (account != null) {
            args.put("account", account);
        }
        args.put("filtername", "coffee");
        args.put("action1", "save");
        args.put("dest1", "INBOX.Junk");
        args.put("part1", "$header_subject:");
        args.put("match1", "contains");
        args.put("val1", "curds");
        args.put("opt1", "or");
        args.put("part2", "$message_body");
        args.put("match2", "contains");
        args.put("val2", "whey");
        return args;
    }

    @Test
    void storeListGetReorderRenameDelete() {
        TestAccount alice = MailRulesFixtures.account();
        String token = alice.newToken();
        String info = MailRulesFixtures.mailbox(alice, token, "info");

        // store_filter: {"account":"user@example.com"} for a mailbox's filter
        assertEquals("{\"account\":\"" + info + "\"}", data(alice, token, "store_filter", coffee(info)));
        // list_filters: reference example {"actions":[{"action":…,"dest":…}],"enabled":0|1,"filtername":"coffee","rules":[{"match",
        // "opt","part","val"}],"unescaped":true}
        assertEquals("[{\"actions\":[{\"action\":\"save\",\"dest\":\"INBOX.Junk\"}],\"enabled\":1,\"filtername\":\"coffee\",\"rules\":["
                + "{\"match\":\"contains\",\"opt\":\"or\",\"part\":\"$header_subject:\",\"val\":\"curds\"},"
                + "{\"match\":\"contains\",\"opt\":\"and\",\"part\":\"$message_body\",\"val\":\"whey\"}],\"unescaped\":true}]",
                data(alice, token, "list_filters", Map.of("account", info)));
        // get_filter: reference example {"actions":[{"action","dest","number":1}],"filtername":"coffee","rules":[{"match","number":1,
        // "opt","part","val"}]}
        assertEquals("{\"actions\":[{\"action\":\"save\",\"dest\":\"INBOX.Junk\",\"number\":1}],\"filtername\":\"coffee\",\"rules\":["
                + "{\"match\":\"contains\",\"number\":1,\"opt\":\"or\",\"part\":\"$header_subject:\",\"val\":\"curds\"},"
                + "{\"match\":\"contains\",\"number\":2,\"opt\":\"and\",\"part\":\"$message_body\",\"val\":\"whey\"}]}",
                data(alice, token, "get_filter", Map.of("account", info, "filtername", "coffee")));

        Path home = Path.of(alice.home());
        String yaml = read(home.resolve("etc/" + alice.domain() + "/info/filter.yaml"));
        assertTrue(yaml.contains("filtername: \"coffee\"") || yaml.contains("filtername: coffee"), yaml);
        assertEquals("[]", data(alice, token, "list_filters", Map.of()), "a mailbox's filter is not an account-level one");

        String sieve = read(script(alice, info));
        if (Pigeonhole.available()) {
            Pigeonhole.compiles(sieve);
            String out = Pigeonhole.test(sieve, Pigeonhole.message("From: bob@example.net\nSubject: fresh curds", "hello"));
            assertTrue(out.contains("store message in folder: INBOX.Junk"), out);
            String whey = Pigeonhole.test(sieve, Pigeonhole.message("From: bob@example.net\nSubject: hi", "some whey here"));
            assertTrue(whey.contains("INBOX.Junk"), "or: the body alone matches: " + whey);
        }

        Map<String, String> tea = new LinkedHashMap<>(Map.of("account", info, "filtername", "tea", "action1", "deliver", "dest1",
                "boss@example.org", "part1", "$header_from:", "match1", "is", "val1", "tea@example.net"));
        Uapi.success(call(alice, token, "store_filter", tea));
        Uapi.success(call(alice, token, "reorder_filters", Map.of("mailbox", info, "filter1", "tea", "filter2", "coffee")));
        var listed = Uapi.success(call(alice, token, "list_filters", Map.of("account", info))).get("data");
        assertEquals("tea", listed.get(0).get("filtername").textValue());
        assertEquals("coffee", listed.get(1).get("filtername").textValue());
        assertTrue(read(script(alice, info)).indexOf("tea") < read(script(alice, info)).indexOf("coffee"), "the script follows the order");

        Map<String, String> renamed = new LinkedHashMap<>(tea);
        renamed.put("oldfiltername", "tea");
        renamed.put("filtername", "green");
        Uapi.success(call(alice, token, "store_filter", renamed));
        listed = Uapi.success(call(alice, token, "list_filters", Map.of("account", info))).get("data");
        assertEquals(2, listed.size());
        assertEquals("green", listed.get(0).get("filtername").textValue(), "renamed in place");

        Uapi.success(call(alice, token, "delete_filter", Map.of("account", info, "filtername", "coffee")));
        Uapi.failure(call(alice, token, "get_filter", Map.of("account", info, "filtername", "coffee")), "The filter “coffee” does not exist.");
        Uapi.success(call(alice, token, "delete_filter", Map.of("account", info, "filtername", "green")));
        assertEquals("[]", data(alice, token, "list_filters", Map.of("account", info)));
        assertFalse(Files.exists(script(alice, info)), "no filter left: no script");
    }

    @Test
    void unsupportedActionsAndPartsStoreNothing() {
        TestAccount bob = MailRulesFixtures.account();
        String token = bob.newToken();
        String info = MailRulesFixtures.mailbox(bob, token, "info");
        Map<String, String> pipe = new LinkedHashMap<>(coffee(info));
        pipe.put("action1", "pipe");
        pipe.put("dest1", "bin/filter.sh");
        Uapi.failure(call(bob, token, "store_filter", pipe),
                "The “pipe” action is not supported: OpenUAPI runs filters as Dovecot Sieve scripts, which do not run programs.");
        Map<String, String> headers = new LinkedHashMap<>(coffee(info));
        headers.put("part1", "$message_headers");
        Uapi.failure(call(bob, token, "store_filter", headers), "The part “$message_headers” is not supported: Sieve cannot test all headers"
                + " at once; name one header, such as $h_X-Spam-Status:.");
        Map<String, String> path = new LinkedHashMap<>(coffee(info));
        path.put("dest1", "/etc/passwd");
        Uapi.failure(call(bob, token, "store_filter", path),
                "Saving to the path “/etc/passwd” is not supported: give a folder of the mailbox, such as INBOX.Junk.");
        Map<String, String> gap = new LinkedHashMap<>(coffee(info));
        gap.put("part5", "$header_to:");
        Uapi.failure(call(bob, token, "store_filter", gap), "The numbered arguments skip from 2 to 5: number them 1, 2, 3, …");
        assertEquals("[]", data(bob, token, "list_filters", Map.of("account", info)));
        assertFalse(Files.exists(Path.of(bob.home(), "etc", bob.domain(), "info", "filter.yaml")), "nothing stored");
        assertFalse(Files.exists(script(bob, info)));
        Uapi.failure(call(bob, token, "list_filters", Map.of("account", "nobody@" + bob.domain())),
                "The email account “nobody@" + bob.domain() + "” does not exist.");
    }

    @Test
    void accountLevelFiltersReachEveryMailboxAndFollowThem() {
        TestAccount carol = MailRulesFixtures.account();
        String token = carol.newToken();
        String info = MailRulesFixtures.mailbox(carol, token, "info");
        String sales = MailRulesFixtures.mailbox(carol, token, "sales");
        // store_filter without account: an account-level filter; the reference returns no account then
        assertEquals("{}", data(carol, token, "store_filter", coffee(null)));
        assertEquals(1, Uapi.success(call(carol, token, "list_filters", Map.of())).get("data").size());
        assertEquals(1, Uapi.success(call(carol, token, "list_filters", Map.of("account", carol.username()))).get("data").size(),
                "the cPanel username names the account-level filters too");
        assertTrue(Files.exists(Path.of(carol.home(), ".cpanel", "filter.yaml")));
        for (String box : new String[] { info, sales }) {
            String sieve = read(script(carol, box));
            assertTrue(sieve.contains("# Account-level filter: coffee"), sieve);
            if (Pigeonhole.available()) {
                Pigeonhole.compiles(sieve);
                assertTrue(Pigeonhole.test(sieve, Pigeonhole.message("Subject: curds", "x")).contains("INBOX.Junk"));
            }
        }
        String later = MailRulesFixtures.mailbox(carol, token, "later");
        assertTrue(read(script(carol, later)).contains("# Account-level filter: coffee"), "a new mailbox gets the account's filters");
        Uapi.success(call(carol, token, "delete_pop", Map.of("email", later)));
        assertFalse(Files.exists(script(carol, later)), "a removed mailbox's script goes with it");
        Uapi.success(call(carol, token, "delete_filter", Map.of("filtername", "coffee")));
        assertFalse(Files.exists(script(carol, info)));
        assertFalse(Files.exists(script(carol, sales)));
    }

    @Test
    void rulesFollowTheMailboxWhenTheMainDomainChanges() {
        TestAccount frank = MailRulesFixtures.account();
        String token = frank.newToken();
        String info = MailRulesFixtures.mailbox(frank, token, "info");
        Uapi.success(call(frank, token, "store_filter", coffee(info)));
        Uapi.success(call(frank, token, "add_auto_responder", Map.of("email", "info", "domain", frank.domain(), "from", "Info", "subject", "Away",
                "body", "Back soon.", "is_html", "0", "interval", "24")));
        String to = "new-" + frank.domain();
        WhmChecks.ok(Fixtures.asRoot(), "modifyacct", Map.of("user", frank.username(), "domain", to));
        String moved = "info@" + to;
        assertEquals(1, Uapi.success(call(frank, token, "list_filters", Map.of("account", moved))).get("data").size());
        assertEquals("Away", Uapi.success(call(frank, token, "get_auto_responder", Map.of("email", moved))).get("data").get("subject").textValue());
        String sieve = read(script(frank, moved));
        assertTrue(sieve.contains("# Filter: coffee") && sieve.contains(":addresses [\"" + moved + "\"]"), sieve);
        assertFalse(Files.exists(script(frank, info)), "the old address's script is gone");
    }

    @Test
    void theFiltersNeedTheBlockersFeature() {
        TestAccount gina = MailRulesFixtures.account();
        String token = gina.newToken();
        Fixtures.patchAccount(gina.username(), Map.of("features", java.util.List.of("apitokens", "popaccts")));
        Uapi.failure(call(gina, token, "list_filters", Map.of()), "You do not have the feature “blockers”.");
        Uapi.failure(call(gina, token, "list_auto_responders", Map.of("domain", gina.domain())), "You do not have the feature “autoresponders”.");
    }
}
