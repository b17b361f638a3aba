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

import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * UAPI Email autoresponders on the wire, compared with cPanel's reference (Email::add_auto_responder,
 * get_auto_responder, list_auto_responders, delete_auto_responder), kept in {@code ~/.autorespond} and sent by Dovecot as
 * a Sieve vacation reply (checked with sieve-test).
 */
@QuarkusTest
class AutoRespondersModuleTest {

    @Test
    void addGetListDelete() {
        TestAccount dave = MailRulesFixtures.account();
        String token = dave.newToken();
        String info = MailRulesFixtures.mailbox(dave, token, "info");
        long now = System.currentTimeMillis() / 1000;
        long start = now - 60;
        long stop = now + 2 * 86400;
        // the reference's example: email=user, from=User Name, subject=Autoresponder Subject, body=This is an autoresponder message.,
        // domain=example.com, is_html=1, interval=24, start=1410277881, stop=1410300000 (dates moved around today here)
        Map<String, String> args = new LinkedHashMap<>();
        args.put("email", "info");
        args.put("domain", dave.domain());
        args.put("from", "User Name");
        args.put("subject", "Autoresponder Subject");
        args.put("body", "This is an autoresponder message.");
        args.put("is_html", "0");
        args.put("interval", "24");
        args.put("start", Long.toString(start));
        args.put("stop", Long.toString(stop));
        assertEquals("null", data(dave, token, "add_auto_responder", args));

        // get_auto_responder: body, charset, from, interval, is_html, start, stop, subject
        assertEquals("{\"body\":\"This is an autoresponder message.\",\"charset\":\"utf-8\",\"from\":\"User Name\",\"interval\":24,\"is_html\":0,"
                + "\"start\":" + start + ",\"stop\":" + stop + ",\"subject\":\"Autoresponder Subject\"}",
                data(dave, token, "get_auto_responder", Map.of("email", info)));
        // list_auto_responders: [{"email":"user@example.com","subject":"Autoresponder Subject"}]
        assertEquals("[{\"email\":\"" + info + "\",\"subject\":\"Autoresponder Subject\"}]",
                data(dave, token, "list_auto_responders", Map.of("domain", dave.domain())));
        assertEquals("[]", data(dave, token, "list_auto_responders", Map.of("domain", dave.domain(), "regex", "^sales")));

        Path dir = Path.of(dave.home(), ".autorespond");
        assertTrue(read(dir.resolve(info)).startsWith("From: \"User Name\" <" + info + ">\nSubject: Autoresponder Subject\n"));
        assertTrue(read(dir.resolve(info + ".json")).contains("\"interval\":24"));

        String sieve = read(script(dave, info));
        if (Pigeonhole.available()) {
            Pigeonhole.compiles(sieve);
            String out = Pigeonhole.test(sieve, Pigeonhole.message("From: bob@example.net\nTo: " + info + "\nSubject: question", "hello"));
            assertTrue(out.contains("send vacation message"), out);
            assertTrue(out.contains("=> seconds : 86400"), "a day: " + out);
            assertTrue(out.contains("=> subject : Autoresponder Subject"), out);
            assertTrue(out.contains("This is an autoresponder message."), out);
        }

        Uapi.success(call(dave, token, "delete_auto_responder", Map.of("email", info)));
        assertEquals("[]", data(dave, token, "list_auto_responders", Map.of("domain", dave.domain())));
        assertFalse(Files.exists(dir.resolve(info)));
        assertFalse(Files.exists(script(dave, info)), "nothing left to do: no script");
        Uapi.failure(call(dave, token, "get_auto_responder", Map.of("email", info)), "The email account “" + info + "” has no autoresponder.");
    }

    @Test
    void refusals() {
        TestAccount erin = MailRulesFixtures.account();
        String token = erin.newToken();
        MailRulesFixtures.mailbox(erin, token, "info");
        Map<String, String> args = new LinkedHashMap<>(Map.of("email", "info", "domain", erin.domain(), "from", "Erin", "subject", "Away", "body",
                "x", "is_html", "0", "interval", "24", "start", "2000", "stop", "1000"));
        Uapi.failure(call(erin, token, "add_auto_responder", args), "The “stop” time must be after the “start” time.");
        args.put("stop", "3000");
        args.put("charset", "iso-8859-1");
        Uapi.failure(call(erin, token, "add_auto_responder", args),
                "The character set “iso-8859-1” is not supported: autoresponders are sent in UTF-8.");
        args.remove("charset");
        args.put("email", "nobody");
        Uapi.failure(call(erin, token, "add_auto_responder", args), "The email account “nobody” does not exist.");
        args.put("email", "info");
        args.put("interval", "soon");
        Uapi.failure(call(erin, token, "add_auto_responder", args), "The “interval” argument must be a whole number of hours.");
        Uapi.failure(call(erin, token, "list_auto_responders", Map.of("domain", "not-mine.example")),
                "The domain “not-mine.example” does not belong to this account.");
        assertEquals("[]", data(erin, token, "list_auto_responders", Map.of("domain", erin.domain())));
    }
}
