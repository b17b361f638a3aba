package dev.openuapi.mailrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.openuapi.common.ApiException;

/**
 * The scripts made from cPanel's filters and autoresponders, compiled by Pigeonhole's sievec and run on sample messages
 * by sieve-test, which prints what Dovecot would do with each message.
 */
class SieveScriptTest {

    static final SieveScript.Target INFO = new SieveScript.Target("info", "example.com");
    static final String SPAM = Pigeonhole.message("From: Bob <bob@example.net>\nTo: info@example.com\nSubject: Cheap curds and whey", "Buy coconut now.");

    @BeforeEach
    void tools() {
        Pigeonhole.assumeAvailable();
    }

    static MailFilter filter(String name, List<MailFilter.Rule> rules, MailFilter.Action... actions) {
        return new MailFilter(name, true, rules, List.of(actions));
    }

    static MailFilter.Rule rule(String part, String match, String val) {
        return new MailFilter.Rule(part, match, val, "and");
    }

    static MailFilter.Rule rule(String part, String match, String val, String opt) {
        return new MailFilter.Rule(part, match, val, opt);
    }

    static MailFilter.Action act(String action, String dest) {
        return new MailFilter.Action(action, dest);
    }

    /** Renders the mailbox's filters alone, checks that sievec compiles the script and returns sieve-test's report on the message. */
    static String run(String message, MailFilter... filters) {
        String script = SieveScript.render(INFO, List.of(), List.of(filters), null).orElseThrow();
        Pigeonhole.compiles(script);
        return Pigeonhole.test(script, message);
    }

    @Test
    void subjectContainsSavesIntoAFolder() {
        String out = run(SPAM, filter("junk", List.of(rule("$header_subject:", "contains", "curds")), act("save", "INBOX.Junk")));
        assertTrue(out.contains("store message in folder: INBOX.Junk"), out);
        String miss = run(Pigeonhole.message("Subject: hello", "hi"),
                filter("junk", List.of(rule("$header_subject:", "contains", "curds")), act("save", "INBOX.Junk")));
        assertFalse(miss.contains("INBOX.Junk"), miss);
        assertTrue(miss.contains("store message in folder: INBOX"), "the implicit keep: " + miss);
    }

    @Test
    void cpanelFolderPathsBecomeTheMailboxFolders() {
        assertEquals("INBOX.Junk", SieveScript.folder("$home/mail/example.com/info/.Junk", INFO));
        assertEquals("INBOX.Work.Reports", SieveScript.folder("INBOX/Work/Reports", INFO));
        assertEquals("INBOX.Junk", SieveScript.folder(".Junk", INFO));
        assertEquals("INBOX", SieveScript.folder("INBOX", INFO));
        ApiException other = assertThrows(ApiException.class, () -> SieveScript.folder("$home/mail/example.com/sales/.Junk", INFO));
        assertEquals("The destination “$home/mail/example.com/sales/.Junk” is not a folder of “info@example.com”.", other.getMessage());
        assertThrows(ApiException.class, () -> SieveScript.folder("/etc/passwd", INFO));
        assertEquals("INBOX.Junk", SieveScript.folder("$home/mail/.Junk", null), "an account-level filter's folder");
        assertThrows(ApiException.class, () -> SieveScript.folder("$home/mail/example.com/info/.Junk", null));
        assertThrows(ApiException.class, () -> SieveScript.folder("Work..Reports", INFO));
    }

    @Test
    void quotesAndBackslashesInValuesMatchLiterally() {
        String subject = "He said \"hi\" \\o/ *now*?";
        String message = Pigeonhole.message("From: a@example.net\nSubject: " + subject, "x");
        String out = run(message, filter("exact", List.of(rule("$header_subject:", "is", subject)), act("save", "Quoted")));
        assertTrue(out.contains("store message in folder: INBOX.Quoted"), out);
        String begins = run(message, filter("begins", List.of(rule("$header_subject:", "begins", "He said \"hi\" \\o/ *")), act("save", "B")));
        assertTrue(begins.contains("INBOX.B"), begins);
        String ends = run(message, filter("ends", List.of(rule("$header_subject:", "ends", "*now*?")), act("save", "E")));
        assertTrue(ends.contains("INBOX.E"), ends);
        // the * of begins is literal: "He*" does not begin "Hello"
        String literal = run(Pigeonhole.message("Subject: Hello", "x"), filter("lit", List.of(rule("$header_subject:", "begins", "H*o")),
                act("save", "L")));
        assertFalse(literal.contains("INBOX.L"), literal);
    }

    @Test
    void redirectDiscardFinishAndFail() {
        String out = run(SPAM, filter("fwd", List.of(rule("$header_from:", "contains", "bob@")), act("deliver", "boss@example.org")));
        assertTrue(out.contains("redirect message to: <boss@example.org>"), out);
        String discard = run(SPAM, filter("drop", List.of(rule("$header_from:", "contains", "bob@")), act("save", "/dev/null")));
        assertTrue(discard.contains("discard"), discard);
        assertFalse(discard.contains("store message in folder"), discard);
        String finish = run(SPAM, filter("stop", List.of(rule("$header_from:", "contains", "bob@")), act("finish", null)),
                filter("later", List.of(rule("$header_from:", "contains", "bob@")), act("save", "Later")));
        assertFalse(finish.contains("INBOX.Later"), "finish stops the filters after it: " + finish);
        String fail = run(SPAM, filter("bounce", List.of(rule("$header_from:", "contains", "bob@")), act("fail", "Go away")));
        assertTrue(fail.contains("reject message with reason: Go away"), fail);
    }

    @Test
    void bodyRegexNumbersSizeAndAddresses() {
        assertTrue(run(SPAM, filter("body", List.of(rule("$message_body", "contains", "coconut")), act("save", "Body"))).contains("INBOX.Body"));
        assertTrue(run(SPAM, filter("re", List.of(rule("$header_subject:", "matches", "^cheap (curds|milk)")), act("save", "Re")))
                .contains("INBOX.Re"), "matches is a regular expression, case-insensitive as Exim's");
        String spam = Pigeonhole.message("From: a@example.net\nX-Spam-Score: 12", "x");
        assertTrue(run(spam, filter("score", List.of(rule("$h_X-Spam-Score:", "is above", "5")), act("save", "Spam"))).contains("INBOX.Spam"));
        assertFalse(run(spam, filter("score", List.of(rule("$h_X-Spam-Score:", "is below", "5")), act("save", "Spam"))).contains("INBOX.Spam"));
        assertTrue(run(SPAM, filter("size", List.of(rule("$message_size", "is below", "100K")), act("save", "Small"))).contains("INBOX.Small"));
        String cc = Pigeonhole.message("From: a@example.net\nTo: x@example.com\nCc: Team <team@example.org>", "x");
        assertTrue(run(cc, filter("any", List.of(rule("foranyaddress $h_to:,$h_cc:", "is", "team@example.org")), act("save", "Team")))
                .contains("INBOX.Team"));
        String reply = Pigeonhole.message("From: a@example.net\nReply-To: list@example.org", "x");
        assertTrue(run(reply, filter("reply", List.of(rule("$reply_address:", "contains", "list@")), act("save", "List"))).contains("INBOX.List"));
        assertFalse(run(reply, filter("reply", List.of(rule("$reply_address:", "contains", "a@example")), act("save", "List")))
                .contains("INBOX.List"), "with a Reply-To, From is not the reply address");
        assertTrue(run(SPAM, filter("not", List.of(rule("$header_subject:", "does not contain", "invoice")), act("save", "Not")))
                .contains("INBOX.Not"));
    }

    @Test
    void andBindsMoreTightlyThanOr() {
        // subject contains x AND from contains nobody, OR body contains coconut: true through the body alone
        MailFilter f = filter("mixed", List.of(rule("$header_subject:", "contains", "curds", "and"), rule("$header_from:", "contains", "nobody", "or"),
                rule("$message_body", "contains", "coconut")), act("save", "Mixed"));
        assertTrue(run(SPAM, f).contains("INBOX.Mixed"));
        MailFilter g = filter("all", List.of(rule("$header_subject:", "contains", "curds", "and"), rule("$header_from:", "contains", "nobody")),
                act("save", "All"));
        assertFalse(run(SPAM, g).contains("INBOX.All"));
    }

    @Test
    void accountLevelFiltersRunFirstAndDisabledOnesNot() {
        MailFilter account = filter("global", List.of(rule("$header_subject:", "contains", "curds")), act("save", "Global"), act("finish", null));
        MailFilter own = filter("own", List.of(rule("$header_subject:", "contains", "curds")), act("save", "Own"));
        String script = SieveScript.render(INFO, List.of(account), List.of(own), null).orElseThrow();
        Pigeonhole.compiles(script);
        String out = Pigeonhole.test(script, SPAM);
        assertTrue(out.contains("INBOX.Global") && !out.contains("INBOX.Own"), out);
        String disabled = SieveScript.render(INFO, List.of(account.withEnabled(false)), List.of(own), null).orElseThrow();
        assertTrue(Pigeonhole.test(disabled, SPAM).contains("INBOX.Own"));
        assertTrue(SieveScript.render(INFO, List.of(account.withEnabled(false)), List.of(), null).isEmpty(), "nothing to do: no script");
    }

    @Test
    void vacationWithItsSubjectBodyIntervalAndDates() {
        long now = System.currentTimeMillis() / 1000;
        SieveScript.Vacation away = new SieveScript.Vacation("info@example.com", "Info Desk", "Away \"until\" Monday", "Back soon.\nRegards",
                false, 48, now - 3600, now + 86400);
        String script = SieveScript.render(INFO, List.of(), List.of(), away).orElseThrow();
        Pigeonhole.compiles(script);
        String out = Pigeonhole.test(script, SPAM);
        assertTrue(out.contains("send vacation message"), out);
        assertTrue(out.contains("=> days    : 2") || out.contains("=> seconds : 172800"), out);
        assertTrue(out.contains("=> subject : Away \"until\" Monday"), out);
        assertTrue(out.contains("=> from    : \"Info Desk\" <info@example.com>"), out);
        assertTrue(out.contains("Back soon.") && out.contains("Regards"), out);
        SieveScript.Vacation later = new SieveScript.Vacation("info@example.com", "", "Away", "x", true, 3, now + 86400, null);
        String notYet = SieveScript.render(INFO, List.of(), List.of(), later).orElseThrow();
        Pigeonhole.compiles(notYet);
        assertFalse(Pigeonhole.test(notYet, SPAM).contains("send vacation message"), "it starts tomorrow");
        SieveScript.Vacation over = new SieveScript.Vacation("info@example.com", "", "Away", "x", false, 0, null, now - 60);
        String ended = SieveScript.render(INFO, List.of(), List.of(), over).orElseThrow();
        Pigeonhole.compiles(ended);
        assertFalse(Pigeonhole.test(ended, SPAM).contains("send vacation message"), "it stopped a minute ago");
        MailFilter drop = filter("drop", List.of(rule("$header_subject:", "contains", "curds")), act("save", "/dev/null"), act("finish", null));
        String filtered = SieveScript.render(INFO, List.of(), List.of(drop), away).orElseThrow();
        assertFalse(Pigeonhole.test(filtered, SPAM).contains("send vacation message"), "a filter that stops comes before the reply");
    }

    @Test
    void whatSieveCannotDoIsRefused() {
        assertEquals("The “pipe” action is not supported: OpenUAPI runs filters as Dovecot Sieve scripts, which do not run programs.",
                assertThrows(ApiException.class, () -> SieveScript.check(filter("p", List.of(rule("$header_from:", "is", "x")),
                        act("pipe", "bin/x.sh")), INFO)).getMessage());
        assertThrows(ApiException.class, () -> SieveScript.check(filter("h", List.of(rule("$message_headers", "contains", "x")),
                act("save", "X")), INFO));
        assertThrows(ApiException.class, () -> SieveScript.check(filter("n", List.of(rule("not delivered", "is", "")), act("save", "X")), INFO));
        assertThrows(ApiException.class, () -> SieveScript.check(filter("s", List.of(rule("$header_from:", "is", "x")),
                act("save", "/home/other/mail")), INFO));
        assertThrows(ApiException.class, () -> SieveScript.check(filter("r", List.of(rule("$header_from:", "matches", "(?i)x")),
                act("save", "X")), INFO));
        assertThrows(ApiException.class, () -> SieveScript.check(filter("l", List.of(rule("$header_from:", "is", "a\nb")), act("save", "X")), INFO));
        assertThrows(ApiException.class, () -> SieveScript.check(filter("f", List.of(rule("$header_from:", "is", "x")), act("fail", "no"),
                act("save", "X")), INFO));
        // an unsupported filter already in a file is left out of the script, with the reason, and the others still run
        MailFilter legacy = filter("legacy", List.of(rule("$header_from:", "contains", "bob")), act("pipe", "|/usr/bin/x"));
        MailFilter ok = filter("ok", List.of(rule("$header_from:", "contains", "bob")), act("save", "Ok"));
        String script = SieveScript.render(INFO, List.of(), List.of(legacy, ok), null).orElseThrow();
        assertTrue(script.contains("# left out: The “pipe” action is not supported"), script);
        Pigeonhole.compiles(script);
        assertTrue(Pigeonhole.test(script, SPAM).contains("INBOX.Ok"));
    }
}
