package dev.openuapi.email;

import static dev.openuapi.support.Fixtures.asRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.CryptPasswords;
import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import dev.openuapi.support.Whm;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The mail part of an account backup: mailboxes in cPanel's {@code homedir/etc/<domain>/passwd|shadow|quota} and forwarders
 * in cPanel's valiases format ({@code va/<domain>}, as Cpanel::Pkgacct::Components::MailConfig copies /etc/valiases/<domain>),
 * restored under a new user name with the same password hashes: the old passwords verify against what Dovecot reads. Calls
 * the service in-process and reads the application's own tables (as MailboxStorageTest does), so there is no *IT.
 */
@QuarkusTest
class MailArchiveServiceTest {

    @Inject
    MailArchiveService archive;

    @Inject
    DataSource dataSource;

    @TempDir
    Path root;

    /** A new account named h4… (this helper's prefix) on {@code domain}, made through the admin API. */
    static TestAccount newAccount(String domain) {
        String username = "h4" + Fixtures.randomSuffix(10);
        String password = "pw-" + Fixtures.randomSuffix(16);
        asRoot().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "domain", domain == null ? username + ".example" : domain, "contact_email",
                        "owner@" + username + ".example"))
                .post("/api/v1/accounts").then().statusCode(201);
        return new TestAccount(username, password, domain == null ? username + ".example" : domain);
    }

    static void uapi(TestAccount account, String token, String function, Map<String, String> args) {
        Uapi.success(EmailModuleTest.call(account, token, function, args));
    }

    /** (email, hash, quota_mb, suspended_login, suspended_incoming, suspended_outgoing) of the account's mailboxes. */
    List<List<Object>> mailboxes(String username) throws Exception {
        return rows("SELECT m.email, m.password_hash, m.quota_mb, m.suspended_login, m.suspended_incoming, m.suspended_outgoing FROM mailbox m "
                + "JOIN account a ON a.id = m.account_id WHERE a.username = ? ORDER BY m.email", username, 6);
    }

    List<List<Object>> forwarders(String username) throws Exception {
        return rows("SELECT f.address, f.domain, f.destination FROM email_forwarder f JOIN account a ON a.id = f.account_id WHERE a.username = ? "
                + "ORDER BY f.address, f.destination", username, 3);
    }

    private List<List<Object>> rows(String sql, String username, int columns) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i) == null ? "null" : rs.getObject(i).toString());
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** alice's two mailboxes (one with a quota, one suspended) and one forwarder of each kind. */
    static void fill(TestAccount alice) {
        String token = alice.newToken();
        String d = alice.domain();
        uapi(alice, token, "add_pop", Map.of("email", "box1", "password", "mail-pass-one", "quota", "250"));
        uapi(alice, token, "add_pop", Map.of("email", "box2", "password", "mail-pass-two", "quota", "0"));
        uapi(alice, token, "suspend_login", Map.of("email", "box2@" + d));
        uapi(alice, token, "suspend_incoming", Map.of("email", "box1@" + d));
        uapi(alice, token, "suspend_outgoing", Map.of("email", "box1@" + d));
        uapi(alice, token, "add_forwarder", Map.of("domain", d, "email", "info", "fwdopt", "fwd", "fwdemail", "ext@example.net"));
        uapi(alice, token, "add_forwarder", Map.of("domain", d, "email", "info", "fwdopt", "fwd", "fwdemail", "box1@" + d));
        uapi(alice, token, "add_forwarder", Map.of("domain", d, "email", "sales", "fwdopt", "fail", "failmsgs", "Gone away, sorry"));
        uapi(alice, token, "add_forwarder", Map.of("domain", d, "email", "spam", "fwdopt", "blackhole"));
        uapi(alice, token, "add_forwarder", Map.of("domain", d, "email", "pipe", "fwdopt", "pipe", "pipefwd", "bin/handler.pl"));
    }

    @Test
    void mailboxesAndForwardersComeBackUnderANewUserWithTheirPasswords() throws Exception {
        TestAccount alice = newAccount(null);
        String d = alice.domain();
        String aliceHome = alice.home();
        fill(alice);
        List<List<Object>> boxesBefore = mailboxes(alice.username());
        assertEquals(2, boxesBefore.size());

        // what the backup copied from the home before: a stale mailbox file of a domain without mailboxes
        Path stale = Files.createDirectories(root.resolve("homedir/etc/stale-" + d));
        Files.writeString(stale.resolve("passwd"), "ghost:x:1:1::/x:/x\n");
        Files.writeString(stale.resolve("shadow"), "ghost:" + CryptPasswords.sha512Crypt("ghost-pass-1") + ":1::::::\n");

        archive.export(alice.username(), root);

        assertEquals(List.of(d), archive.domainsIn(root), "the archive's mailbox files are the table's, not the home's");
        assertFalse(Files.exists(stale.resolve("passwd")));
        Path etc = root.resolve("homedir/etc").resolve(d);
        List<String> passwd = Files.readAllLines(etc.resolve("passwd"));
        assertEquals(2, passwd.size());
        // cPanel's line: user:x:UID:GID::<home>/mail/<domain>/<user>:<home>
        assertTrue(passwd.get(0).matches("box1:x:\\d+:\\d+::" + aliceHome + "/mail/" + d + "/box1:" + aliceHome), passwd.get(0));
        List<String> shadow = Files.readAllLines(etc.resolve("shadow"));
        assertTrue(shadow.get(0).startsWith("box1:" + boxesBefore.get(0).get(1) + ":") && shadow.get(0).endsWith("::::::"), shadow.get(0));
        assertTrue(shadow.get(1).startsWith("box2:!$6$"), "a suspended login is marked with ! as cPanel marks it: " + shadow.get(1));
        assertEquals(List.of("box1:262144000", "box2:0"), Files.readAllLines(etc.resolve("quota")), "bytes; 0 for no quota");
        assertEquals("info@" + d + ": box1@" + d + ",ext@example.net\n"
                + "pipe@" + d + ": \"|" + aliceHome + "/bin/handler.pl\"\n"
                + "sales@" + d + ": :fail: Gone away, sorry\n"
                + "spam@" + d + ": :blackhole:\n", Files.readString(root.resolve("va").resolve(d)));
        assertEquals("box1: incoming,outgoing\n", Files.readString(root.resolve("email_suspensions").resolve(d)));

        // the whole account goes (WHM removeacct), and comes back under another name on the same domain
        assertEquals(1, Whm.json(asRoot(), "removeacct", Map.of("username", alice.username())).get("metadata").get("result").asInt());
        assertEquals(List.of(), mailboxes(alice.username()));
        TestAccount bob = newAccount(d);
        String bobHome = bob.home();

        archive.restore(root, alice.username(), bob.username());

        List<List<Object>> boxesAfter = mailboxes(bob.username());
        assertEquals(boxesBefore, boxesAfter, "same addresses, hashes, quotas and suspensions");
        assertTrue(CryptPasswords.matches("mail-pass-one", (String) boxesAfter.get(0).get(1)), "the old password works again");
        assertTrue(CryptPasswords.matches("mail-pass-two", (String) boxesAfter.get(1).get(1)));
        assertEquals(List.of(
                List.of("info@" + d, d, "box1@" + d),
                List.of("info@" + d, d, "ext@example.net"),
                List.of("pipe@" + d, d, "|" + bobHome + "/bin/handler.pl"),
                List.of("sales@" + d, d, ":fail: Gone away, sorry"),
                List.of("spam@" + d, d, ":blackhole:")), forwarders(bob.username()), "the pipe's program follows the home");

        // and bob's own API lists them
        String listed = bob.withPassword().get("/execute/Email/list_pops?skip_main=1").then().statusCode(200).extract().asString();
        List<String> emails = new ArrayList<>();
        Uapi.success(listed).get("data").forEach(row -> emails.add(row.get("email").textValue()));
        assertEquals(List.of("box1@" + d, "box2@" + d), emails.stream().sorted().toList());
    }

    @Test
    void aTakenAddressOrAForeignDomainIsRefusedWithNothingMade() throws Exception {
        TestAccount alice = newAccount(null);
        fill(alice);
        archive.export(alice.username(), root);
        List<List<Object>> boxes = mailboxes(alice.username());
        List<List<Object>> forwards = forwarders(alice.username());

        ApiException taken = assertThrows(ApiException.class, () -> archive.restore(root, alice.username(), alice.username()));
        assertEquals("The email account “box1@" + alice.domain() + "” already exists.", taken.getMessage());
        assertEquals(boxes, mailboxes(alice.username()));
        assertEquals(forwards, forwarders(alice.username()), "no forwarder added twice");

        TestAccount carol = newAccount(null);
        ApiException foreign = assertThrows(ApiException.class, () -> archive.restore(root, alice.username(), carol.username()));
        assertEquals("The domain “" + alice.domain() + "” does not belong to the account “" + carol.username() + "”.", foreign.getMessage());
        assertEquals(List.of(), mailboxes(carol.username()));
    }

    /** A forwarder the service refuses after the mailboxes were made: the mailboxes are undone with it (one transaction). */
    @Test
    void aFailureHalfWayUndoesTheMailboxesMadeBeforeIt() throws Exception {
        TestAccount dave = newAccount(null);
        String d = dave.domain();
        Path etc = Files.createDirectories(root.resolve("homedir/etc").resolve(d));
        Files.writeString(etc.resolve("passwd"), "first:x:1000:1000::/home/old/mail/" + d + "/first:/home/old\n");
        Files.writeString(etc.resolve("shadow"), "first:" + CryptPasswords.sha512Crypt("first-pass-1") + ":19000::::::\n");
        Files.writeString(etc.resolve("quota"), "first:1048576\n");
        Files.createDirectories(root.resolve("va"));
        Files.writeString(root.resolve("va").resolve(d), "x@" + d + ": not-an-address\n");

        ApiException refused = assertThrows(ApiException.class, () -> archive.restore(root, "old", dave.username()));
        assertEquals("“not-an-address” is not a valid email address.", refused.getMessage());
        assertEquals(List.of(), mailboxes(dave.username()), "the mailbox made before the failure is gone");
        assertEquals(List.of(), forwarders(dave.username()));

        // the same archive with a good forwarder: the foreign (cPanel-made) files are read as cPanel writes them
        Files.writeString(root.resolve("va").resolve(d), "x@" + d + ": first@" + d + ",\"|/home/old/bin/prog\"\n");
        archive.restore(root, "old", dave.username());
        assertEquals(1, mailboxes(dave.username()).size());
        assertEquals("1", mailboxes(dave.username()).get(0).get(2), "1048576 bytes: 1 MB");
        assertEquals(List.of(List.of("x@" + d, d, "first@" + d), List.of("x@" + d, d, "|" + dave.home() + "/bin/prog")), forwarders(dave.username()),
                "a pipe under /home/<old user> moves to the new home");
    }

    /** valiases as cPanel's Cpanel::Email::Aliases writes it: a quoted pipe, escaped commas, :fail: taking its whole line. */
    @Test
    void valiasesAreReadAsCpanelWritesThem() {
        String d = "example.com";
        assertEquals(List.of(new MailArchiveService.ArchivedForwarder("a@" + d, "b@example.net"),
                new MailArchiveService.ArchivedForwarder("a@" + d, "|/home/u/prog, \"x\""),
                new MailArchiveService.ArchivedForwarder("f@" + d, ":fail: No such person, sorry."),
                new MailArchiveService.ArchivedForwarder("h@" + d, ":blackhole:")),
                MailArchiveService.parseValiases("a@" + d + ": b@example.net,\"|/home/u/prog\\, \\\"x\\\"\"\n\nf@" + d
                        + ": :fail: No such person, sorry.\nh@" + d + ": \":blackhole:\"\n", d));
        ApiException star = assertThrows(ApiException.class, () -> MailArchiveService.parseValiases("*: someuser\n", d));
        assertEquals("The forwarders of “example.com” set a default address (“*”), which OpenUAPI does not have.", star.getMessage());
        assertThrows(ApiException.class, () -> MailArchiveService.parseValiases("a@other.example: b@example.net\n", d));
        assertThrows(ApiException.class, () -> MailArchiveService.parseValiases("a@" + d + ": :defer: later\n", d));
        assertFalse(MailArchiveService.valiases(List.of(new MailArchiveService.ArchivedForwarder("a@" + d, "|/h/p, \"q\""))).contains("|/h/p, "),
                "a comma in a pipe is escaped");
    }
}
