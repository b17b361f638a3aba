package dev.openuapi.spam;

import static dev.openuapi.spam.SpamAccounts.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openuapi.spam.SpamAccounts.Account;
import dev.openuapi.support.TestFiles;
import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * UAPI Email's spam functions against cPanel's reference (api.docs.cpanel.net, Email::get_spam_settings,
 * enable_spam_assassin, disable_spam_assassin, enable_spam_box, disable_spam_box) and the files cPanel keeps the state in
 * (Cpanel::SpamAssassin::Enable: ~/.spamassassinenable, ~/.spamassassinboxenable).
 */
@QuarkusTest
class EmailSpamModuleTest {

    static final String MODULE = "Email";

    /**
     * cPanel's example answer of get_spam_settings: {@code {"cpuser_spam_auto_delete":1,"cpuser_spam_auto_delete_score":8,
     * "rewrites_subjects":1,"spam_as_acl":1,"spam_auto_delete":0,"spam_auto_delete_score":8,"spam_box_enabled":0,
     * "spam_enabled":1,"spam_status_changeable":1}}: the same keys in the same order, the cpuser_ pair only with
     * {@code account} and then instead of the spam_auto_delete pair (as the reference's field notes say).
     */
    @Test
    void settingsFollowTheFiles() {
        Account a = SpamAccounts.create();
        assertEquals(ok("{\"rewrites_subjects\":0,\"spam_as_acl\":1,\"spam_auto_delete\":0,\"spam_auto_delete_score\":0,"
                + "\"spam_box_enabled\":0,\"spam_enabled\":0,\"spam_status_changeable\":1}"), a.call(MODULE, "get_spam_settings", Map.of()));

        assertEquals(ok("null"), a.call(MODULE, "enable_spam_assassin", Map.of()));
        assertTrue(Files.isRegularFile(a.home().resolve(".spamassassinenable")));
        assertEquals("rwx------", TestFiles.mode(a.home().resolve(".spamassassin")));
        Uapi.success(a.call("SpamAssassin", "update_user_preference", Map.of("preference", "rewrite_header", "value", "Subject ***SPAM***")));
        assertEquals(ok("{\"rewrites_subjects\":1,\"spam_as_acl\":1,\"spam_auto_delete\":0,\"spam_auto_delete_score\":0,"
                + "\"spam_box_enabled\":0,\"spam_enabled\":1,\"spam_status_changeable\":1}"), a.call(MODULE, "get_spam_settings", Map.of()));

        assertEquals(ok("null"), a.call(MODULE, "enable_spam_box", Map.of()));
        assertEquals(ok("null"), a.call(MODULE, "enable_spam_box", Map.of()), "again: still on");
        assertTrue(Files.isRegularFile(a.home().resolve(".spamassassinboxenable")));
        assertEquals(1, Uapi.success(a.call(MODULE, "get_spam_settings", Map.of())).get("data").get("spam_box_enabled").intValue());

        // cPanel's example answer of disable_spam_assassin: data null and this message
        assertEquals("{\"status\":1,\"errors\":null,\"warnings\":null,\"messages\":[\"Apache SpamAssassin™ has been disabled.\"],"
                + "\"metadata\":{},\"data\":null}\n", a.call(MODULE, "disable_spam_assassin", Map.of()));
        assertFalse(Files.exists(a.home().resolve(".spamassassinenable")));
        assertTrue(Files.isRegularFile(a.userPrefs()), "the preferences stay");
        assertEquals(ok("null"), a.call(MODULE, "disable_spam_box", Map.of()));
        assertFalse(Files.exists(a.home().resolve(".spamassassinboxenable")));
        Uapi.success(a.call("SpamAssassin", "update_user_preference", Map.of("preference", "rewrite_header")));
        assertEquals(ok("{\"rewrites_subjects\":0,\"spam_as_acl\":1,\"spam_auto_delete\":0,\"spam_auto_delete_score\":0,"
                + "\"spam_box_enabled\":0,\"spam_enabled\":0,\"spam_status_changeable\":1}"), a.call(MODULE, "get_spam_settings", Map.of()));
    }

    /** A flag file made by something else (cPanel's own tools, a restored backup) is read the same way. */
    @Test
    void flagsMadeOutsideAreRead() {
        Account a = SpamAccounts.create();
        TestFiles.write(a.home().resolve(".spamassassinboxenable"), "");
        TestFiles.write(a.home().resolve(".spamassassinenable"), "");
        assertEquals(ok("{\"rewrites_subjects\":0,\"spam_as_acl\":1,\"spam_auto_delete\":0,\"spam_auto_delete_score\":0,"
                + "\"spam_box_enabled\":1,\"spam_enabled\":1,\"spam_status_changeable\":1}"), a.call(MODULE, "get_spam_settings", Map.of()));
    }

    /** account: an email account of the cPanel account (the reference's example username@example.com); the cpuser_ keys. */
    @Test
    void forOneEmailAccount() {
        Account a = SpamAccounts.create();
        Uapi.success(a.call(MODULE, "add_pop", Map.of("email", "username", "domain", a.domain(), "password", "Secret-pass-123")));
        assertEquals(ok("{\"cpuser_spam_auto_delete\":0,\"cpuser_spam_auto_delete_score\":0,\"rewrites_subjects\":0,\"spam_as_acl\":1,"
                + "\"spam_box_enabled\":0,\"spam_enabled\":0,\"spam_status_changeable\":1}"),
                a.call(MODULE, "get_spam_settings", Map.of("account", "username@" + a.domain())));
        assertEquals(a.call(MODULE, "get_spam_settings", Map.of()), a.call(MODULE, "get_spam_settings", Map.of("account", a.user())),
                "the cPanel user's own name: the default account");
        Uapi.failure(a.call(MODULE, "get_spam_settings", Map.of("account", "nobody@" + a.domain())),
                "The email account “nobody@" + a.domain() + "” does not exist.");
        Uapi.failure(a.call(MODULE, "get_spam_settings", Map.of("account", "nobody")), "“nobody” is not a valid email address.");
    }

    /** Each function needs the spamassassin feature besides Email's own (popaccts). */
    @Test
    void needsTheSpamassassinFeature() {
        Account a = SpamAccounts.create();
        Fixtures.patchAccount(a.user(), Map.of("features", List.of("popaccts")));
        for (String function : List.of("get_spam_settings", "enable_spam_assassin", "disable_spam_assassin", "enable_spam_box", "disable_spam_box")) {
            Uapi.failure(a.call(MODULE, function, Map.of()), "You do not have the feature “spamassassin”.");
        }
        assertFalse(Files.exists(a.home().resolve(".spamassassinenable")));
        assertFalse(Files.exists(a.home().resolve(".spamassassinboxenable")));
    }
}
