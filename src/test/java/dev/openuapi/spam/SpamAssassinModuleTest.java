package dev.openuapi.spam;

import static dev.openuapi.spam.SpamAccounts.ok;
import static dev.openuapi.support.TestFiles.read;
import static dev.openuapi.support.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.openuapi.spam.SpamAccounts.Account;
import dev.openuapi.support.TestFiles;
import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * UAPI SpamAssassin against cPanel's reference (api.docs.cpanel.net, SpamAssassin::get_user_preferences and
 * update_user_preference; api-evangelist/cpanel openapi/cpanel-spamassassin-api-openapi.yml) and cPanel's code
 * (Cpanel::API::SpamAssassin, Cpanel::SpamAssassin::Config: ~/.spamassassin/user_prefs, a hash of arrays).
 */
@QuarkusTest
class SpamAssassinModuleTest {

    static final String MODULE = "SpamAssassin";

    /** Cpanel::SpamAssassin::Config::get_user_preferences returns undef when there is no user_prefs: data null. */
    @Test
    void noFileIsNull() {
        Account a = SpamAccounts.create();
        assertEquals(ok("null"), a.call(MODULE, "get_user_preferences", Map.of()));
        assertFalse(Files.exists(a.userPrefs()), "a read writes nothing");
    }

    /**
     * cPanel's example answer of get_user_preferences: {@code {"blacklist_from":["username2@example.com"],
     * "required_score":[5.1],"score":["ACT_NOW_CAPS 1"],"whitelist_from":["username@example.com"]}}, from a file with
     * comments and blank lines (not settings).
     */
    @Test
    void readsTheReferenceExample() {
        Account a = SpamAccounts.create();
        write(a.userPrefs(), "# SpamAssassin user preferences file\n\nrequired_score 5.1\n#whitelist_from old@example.com\n"
                + "whitelist_from username@example.com\nblacklist_from\tusername2@example.com\n  score ACT_NOW_CAPS 1  \n");
        assertEquals(ok("{\"blacklist_from\":[\"username2@example.com\"],\"required_score\":[5.1],\"score\":[\"ACT_NOW_CAPS 1\"],"
                + "\"whitelist_from\":[\"username@example.com\"]}"), a.call(MODULE, "get_user_preferences", Map.of()));
    }

    /**
     * cPanel's example answer of update_user_preference: {@code {"blacklist_from":["username2@example.com"],
     * "ok_locales":["all"],"required_score":[5],"score":["ACT_NOW_CAPS 5"],"whitelist_from":["username@example.com"]}},
     * built here by calls (value-0/value-1 as the reference's "multiple" example; 5.0 reduced to 5 as cPanel reduces it).
     * A new file is made 0600 in a 0700 ~/.spamassassin, as cPanel makes them.
     */
    @Test
    void buildsTheReferenceExample() {
        Account a = SpamAccounts.create();
        assertEquals(ok("{\"required_score\":[5]}"), a.call(MODULE, "update_user_preference", Map.of("preference", "required_score", "value", "5")));
        assertEquals("rw-------", TestFiles.mode(a.userPrefs()));
        assertEquals("rwx------", TestFiles.mode(a.userPrefs().getParent()));
        a.call(MODULE, "update_user_preference", Map.of("preference", "whitelist_from", "value", "username@example.com"));
        a.call(MODULE, "update_user_preference", Map.of("preference", "blacklist_from", "value", " username2@example.com "));
        a.call(MODULE, "update_user_preference", Map.of("preference", "ok_locales", "value", "all"));
        assertEquals(ok("{\"blacklist_from\":[\"username2@example.com\"],\"ok_locales\":[\"all\"],\"required_score\":[5],"
                + "\"score\":[\"ACT_NOW_CAPS 5\",\"INVALID_DATE 3.2\"],\"whitelist_from\":[\"username@example.com\"]}"),
                a.call(MODULE, "update_user_preference",
                        Map.of("preference", "score", "value-0", "ACT_NOW_CAPS 5.0", "value-1", "INVALID_DATE 3.20")));
        assertEquals("required_score 5\nwhitelist_from username@example.com\nblacklist_from username2@example.com\nok_locales all\n"
                + "score ACT_NOW_CAPS 5\nscore INVALID_DATE 3.2\n", read(a.userPrefs()));
        assertEquals(ok("{\"blacklist_from\":[\"username2@example.com\"],\"ok_locales\":[\"all\"],\"required_score\":[5],"
                + "\"score\":[\"ACT_NOW_CAPS 5\"],\"whitelist_from\":[\"username@example.com\"]}"),
                a.call(MODULE, "update_user_preference", Map.of("preference", "score", "value", "ACT_NOW_CAPS 5.0")));
        assertEquals(a.call(MODULE, "update_user_preference", Map.of("preference", "ok_locales", "value", "all")),
                a.call(MODULE, "get_user_preferences", Map.of()), "update answers what get answers afterwards");
    }

    /** A preference's lines are replaced where the first one was; comments, blank lines and other settings stay as they are. */
    @Test
    void otherLinesAreKept() {
        Account a = SpamAccounts.create();
        String before = "# my notes\n\nrewrite_header Subject *****SPAM*****\nwhitelist_from a@example.com\n"
                + "# keep this\nuse_auto_whitelist 0\nWhitelist_From b@example.com\nrequired_score 6\n";
        write(a.userPrefs(), before);
        a.call(MODULE, "update_user_preference", Map.of("preference", "whitelist_from", "value-0", "c@example.com", "value-1", "*@d.example"));
        assertEquals("# my notes\n\nrewrite_header Subject *****SPAM*****\nwhitelist_from c@example.com\nwhitelist_from *@d.example\n"
                + "# keep this\nuse_auto_whitelist 0\nrequired_score 6\n", read(a.userPrefs()));

        // a preference given without a value is removed (the reference: "the function will remove any previous settings")
        assertEquals(ok("{\"required_score\":[6],\"rewrite_header\":[\"Subject *****SPAM*****\"],\"use_auto_whitelist\":[\"0\"]}"),
                a.call(MODULE, "update_user_preference", Map.of("preference", "whitelist_from")));
        assertEquals("# my notes\n\nrewrite_header Subject *****SPAM*****\n# keep this\nuse_auto_whitelist 0\nrequired_score 6\n",
                read(a.userPrefs()));
        a.call(MODULE, "update_user_preference", Map.of("preference", "required_score", "value", ""));
        assertEquals("# my notes\n\nrewrite_header Subject *****SPAM*****\n# keep this\nuse_auto_whitelist 0\n", read(a.userPrefs()));
    }

    /**
     * cPanel's messages for a bad score (Cpanel::API::SpamAssassin::update_user_preference, with
     * Cpanel::Validate::Number::rational_number's); OpenUAPI's own for the rest. Nothing is written on a refusal.
     */
    @Test
    void badValuesAreRefused() {
        Account a = SpamAccounts.create();
        String before = "# mine\nrequired_score 5\n";
        write(a.userPrefs(), before);
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("score|ACT_NOW_CAPS abc", "The value for “ACT_NOW_CAPS” (abc) is invalid. (“abc” is not a valid rational number.)");
        refusals.put("score|ACT_NOW_CAPS", "The value for “ACT_NOW_CAPS” () is invalid. (“” is not a valid rational number.)");
        refusals.put("score|ACT_NOW_CAPS 1 2", "The value for “ACT_NOW_CAPS” (1 2) is invalid. (“1 2” is not a valid rational number.)");
        refusals.put("score|ACT-NOW 1", "“ACT-NOW” is not a valid SYMBOLIC_TEST_NAME for the “score” value.");
        refusals.put("score|__SUB_RULE 1", "“__SUB_RULE” is not a valid SYMBOLIC_TEST_NAME for the “score” value.");
        refusals.put("score|ACT_NOW_CAPS -4.", "The value for “ACT_NOW_CAPS” (-4.) is invalid. (“-4.” is not a valid rational number.)");
        refusals.put("required_score|abc", "The value for “required_score” (abc) is invalid. (“abc” is not a valid rational number.)");
        refusals.put("whitelist_from|not an address", "“not an address” is not a valid “whitelist_from” value. You must provide one email address, "
                + "or a pattern such as “*@example.com”.");
        refusals.put("blacklist_from|example.com", "“example.com” is not a valid “blacklist_from” value. You must provide one email address, "
                + "or a pattern such as “*@example.com”.");
        refusals.put("report_safe|7", "The “report_safe” preference may only have a value of “0”, “1”, or “2”.");
        refusals.put("use_bayes|yes", "The “use_bayes” preference may only have a value of “0” or “1”.");
        refusals.put("rewrite_header|Foo x", "“Foo x” is not a valid “rewrite_header” value. Give a header (Subject, From or To) and the text to put in it.");
        refusals.put("ok_locales|english", "“english” is not a valid “ok_locales” value. Give “all” or two-letter locale codes separated by spaces.");
        refusals.put("whitelist_from|a@example.com#x", "The value “a@example.com#x” for “whitelist_from” cannot contain control characters or “#”.");
        for (Map.Entry<String, String> r : refusals.entrySet()) {
            String[] pv = r.getKey().split("\\|", 2);
            Uapi.failure(a.call(MODULE, "update_user_preference", Map.of("preference", pv[0], "value", pv[1])), r.getValue());
        }
        Uapi.failure(a.call(MODULE, "update_user_preference", Map.of("preference", "required_score", "value-0", "5", "value-1", "6")),
                "The “required_score” preference takes one value.");
        Uapi.failure(a.call(MODULE, "update_user_preference", Map.of("preference", "whitelist_from", "value-0", "a@example.com", "value-1", " ")),
                "The “value” arguments for “whitelist_from” cannot be empty.");
        String allowed = String.join("”, “", SpamPreferences.names());
        Uapi.failure(a.call(MODULE, "update_user_preference", Map.of("preference", "allow_user_rules", "value", "1")),
                "The “preference” argument may only have a value of “" + allowed.substring(0, allowed.lastIndexOf("”, “")) + "”, or “"
                        + allowed.substring(allowed.lastIndexOf("”, “") + 4) + "”.");
        Uapi.failure(a.call(MODULE, "update_user_preference", Map.of()), "Provide the “preference” argument.");
        Uapi.failure(a.post(MODULE, "update_user_preference", Map.of("preference", "whitelist_from", "value", "a@example.com\nallow_user_rules 1")),
                "The value “a@example.com\nallow_user_rules 1” for “whitelist_from” cannot contain control characters or “#”.");
        assertEquals(before, read(a.userPrefs()), "nothing written");
    }

    /**
     * What OpenUAPI writes passes the real {@code spamassassin --lint -p user_prefs} (Debian's spamassassin; CI installs
     * it), every preference it takes included; and the values it refuses would have failed it (so this test can fail).
     */
    @Test
    void whatItWritesPassesSpamAssassinLint() throws Exception {
        Assumptions.assumeTrue(SpamAccounts.spamassassinInstalled(), "spamassassin is not installed here (CI installs it)");
        Account a = SpamAccounts.create();
        write(a.userPrefs(), "# SpamAssassin user preferences\n\n# required_score 4\n");
        Map<String, List<String>> calls = new LinkedHashMap<>();
        calls.put("required_score", List.of("5.1"));
        calls.put("score", List.of("ACT_NOW_CAPS 5.0", "INVALID_DATE -3.2", "NO_SUCH_RULE_HERE 1"));
        calls.put("whitelist_from", List.of("username@example.com", "*@friends.example"));
        calls.put("blacklist_from", List.of("username2@example.com"));
        calls.put("rewrite_header", List.of("Subject [SPAM]", "From"));
        calls.put("report_safe", List.of("0"));
        calls.put("ok_locales", List.of("en ja"));
        calls.put("use_bayes", List.of("1"));
        calls.put("bayes_auto_learn", List.of("0"));
        calls.put("skip_rbl_checks", List.of("1"));
        for (String list : List.of("unwhitelist_from", "unblacklist_from", "whitelist_to", "blacklist_to", "welcomelist_from", "blocklist_from",
                "unwelcomelist_from", "unblocklist_from", "welcomelist_to", "blocklist_to", "more_spam_to", "all_spam_to")) {
            calls.put(list, List.of("someone@" + list.replace('_', '-') + ".example"));
        }
        assertEquals(SpamPreferences.names().size(), calls.size(), "every preference OpenUAPI takes is linted");
        for (Map.Entry<String, List<String>> c : calls.entrySet()) {
            Map<String, String> args = new LinkedHashMap<>();
            args.put("preference", c.getKey());
            for (int i = 0; i < c.getValue().size(); i++) {
                args.put("value-" + i, c.getValue().get(i));
            }
            Uapi.success(a.call(MODULE, "update_user_preference", args));
        }
        SpamAccounts.Lint lint = SpamAccounts.lint(a.userPrefs());
        assertEquals(0, lint.exit(), read(a.userPrefs()) + "\n" + lint.output());
        assertTrue(read(a.userPrefs()).startsWith("# SpamAssassin user preferences\n\n# required_score 4\nrequired_score 5.1\n"));

        // such lines as OpenUAPI refuses make lint fail (a setting it does not know, too)
        Path bad = Files.createTempFile("h2-user_prefs", "");
        try {
            for (String line : List.of("score ACT_NOW_CAPS abc", "required_score abc", "report_safe 7", "rewrite_header Foo x",
                    "no_such_setting 1")) {
                Files.writeString(bad, line + "\n");
                assertNotEquals(0, SpamAccounts.lint(bad).exit(), line);
            }
        } finally {
            Files.deleteIfExists(bad);
        }
    }

    /** A ~/.spamassassin that is a symlink out of the home is refused, for reads and writes; nothing is written there. */
    @Test
    void aSymlinkOutOfTheHomeIsRefused() throws Exception {
        Account a = SpamAccounts.create();
        Path outside = Files.createTempDirectory("h2-outside");
        try {
            Files.createSymbolicLink(a.home().resolve(".spamassassin"), outside);
            String expected = "The path “.spamassassin” leads out of your home directory through the symbolic link “.spamassassin”.";
            Uapi.failure(a.call(MODULE, "update_user_preference", Map.of("preference", "required_score", "value", "5")), expected);
            Uapi.failure(a.call(MODULE, "get_user_preferences", Map.of()), expected);
            assertFalse(Files.exists(outside.resolve("user_prefs")));
        } finally {
            Files.deleteIfExists(a.home().resolve(".spamassassin"));
            Files.deleteIfExists(outside.resolve("user_prefs"));
            Files.deleteIfExists(outside);
        }
    }

    /** Cpanel::API::SpamAssassin's _needs_feature: spamassassin. */
    @Test
    void needsTheSpamassassinFeature() {
        Account a = SpamAccounts.create();
        Fixtures.patchAccount(a.user(), Map.of("features", List.of("popaccts")));
        Uapi.failure(a.call(MODULE, "get_user_preferences", Map.of()), "You do not have the feature “spamassassin”.");
        Uapi.failure(a.call(MODULE, "update_user_preference", Map.of("preference", "required_score", "value", "5")),
                "You do not have the feature “spamassassin”.");
        assertFalse(Files.exists(a.userPrefs()));
    }
}
