package dev.openuapi.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.files.HomeDirectoriesTest.Account;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The functions that take a directory in the home take it three ways and keep it there: relative to the home (cPanel's
 * own examples: Ftp::add_ftp {@code homedir=exampleftp}, Email::add_forwarder {@code pipefwd=mailscript.pl},
 * SubDomain::addsubdomain {@code dir=/public_html/subdomain}), under cPanel's {@code /home/<user>}, or under the real
 * home the API reports. Every answer names the real path. A path that leaves the home ({@code ..}, another directory,
 * another account's home, a symlink that leads out, a NUL, CR or LF) is refused with a clear error, and a FIFO or file
 * where a directory should be is refused too.
 */
@QuarkusTest
class HomePathArgumentsTest {

    @Test
    void ftpHomedirTakesThreeFormsAndStaysInTheHome() throws IOException, InterruptedException {
        Account alice = HomeDirectoriesTest.createacct();
        String home = alice.home();
        Uapi.success(alice.uapi("Ftp/add_ftp", Map.of("user", "a", "pass", "ftp-password-1", "homedir", "/home/" + alice.user() + "/cp")));
        Uapi.success(alice.uapi("Ftp/add_ftp", Map.of("user", "b", "pass", "ftp-password-1", "homedir", home + "/real")));
        Uapi.success(alice.uapi("Ftp/add_ftp", Map.of("user", "c", "pass", "ftp-password-1", "homedir", "x/../rel/")));
        JsonNode sub = Uapi.success(alice.uapi("Ftp/list_ftp", Map.of("skip_acct_types", "main"))).get("data");
        assertEquals(List.of(home + "/cp", home + "/real", home + "/rel"),
                List.of(sub.get(0).get("homedir").textValue(), sub.get(1).get("homedir").textValue(), sub.get(2).get("homedir").textValue()));
        for (String made : List.of("cp", "real", "rel")) {
            assertTrue(Files.isDirectory(Path.of(home, made)), made + " was made");
        }
        Uapi.success(alice.uapi("Ftp/set_homedir", Map.of("user", "a", "homedir", "/home/" + alice.user() + "/public_html")));
        assertEquals(home + "/public_html",
                Uapi.success(alice.uapi("Ftp/list_ftp", Map.of("skip_acct_types", "main"))).get("data").get(0).get("homedir").textValue());

        Account bob = HomeDirectoriesTest.createacct();
        String bobHome = bob.home();
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("../" + bob.user(), "The path “../" + bob.user() + "” leads out of your home directory.");
        refused.put("/etc", "The path “/etc” is outside your home directory.");
        refused.put(bobHome, "The path “" + bobHome + "” is outside your home directory.");
        refused.put("/home/" + bob.user() + "/public_html", "The path “/home/" + bob.user() + "/public_html” is outside your home directory.");
        refused.put("a\nb", "The path “a\\nb” contains a NUL, carriage return or line feed character.");
        refused.put("a\rb", "The path “a\\rb” contains a NUL, carriage return or line feed character.");
        Files.createSymbolicLink(Path.of(home, "out"), Path.of(bobHome));
        refused.put("out/x", "The path “out/x” leads out of your home directory through the symbolic link “out”.");
        Files.writeString(Path.of(home, "afile"), "x");
        refused.put("afile", "“afile” is not a directory.");
        Process fifo = new ProcessBuilder("mkfifo", Path.of(home, "fifo").toString()).start();
        assertEquals(0, fifo.waitFor(), "mkfifo");
        refused.put("fifo", "“fifo” is not a directory.");
        for (Map.Entry<String, String> r : refused.entrySet()) {
            Uapi.failure(alice.uapi("Ftp/set_homedir", Map.of("user", "a", "homedir", r.getKey())), r.getValue());
            Uapi.failure(alice.uapi("Ftp/add_ftp", Map.of("user", "z", "pass", "ftp-password-1", "homedir", r.getKey())), r.getValue());
        }
        assertFalse(Files.exists(Path.of(bobHome, "x")), "nothing was made in the other home");
        assertEquals(home + "/public_html",
                Uapi.success(alice.uapi("Ftp/list_ftp", Map.of("skip_acct_types", "main"))).get("data").get(0).get("homedir").textValue(),
                "a refused set_homedir changes nothing");
    }

    @Test
    void aDocumentRootTakesThreeFormsAndStaysInTheHome() throws IOException {
        Account alice = HomeDirectoriesTest.createacct();
        String home = alice.home();
        Map<String, String> forms = new java.util.LinkedHashMap<>();
        forms.put("one", "/public_html/one"); // cPanel's own form: relative to the home, with a leading slash
        forms.put("two", "/home/" + alice.user() + "/public_html/two");
        forms.put("three", home + "/public_html/three");
        forms.put("four", "public_html/x/../four");
        for (Map.Entry<String, String> form : forms.entrySet()) {
            Uapi.success(alice.uapi("SubDomain/addsubdomain", Map.of("domain", form.getKey(), "rootdomain", alice.domain(), "dir", form.getValue())));
            JsonNode vhost = Uapi.success(alice.uapi("DomainInfo/single_domain_data", Map.of("domain", form.getKey() + "." + alice.domain())))
                    .get("data");
            assertEquals(home + "/public_html/" + form.getKey(), vhost.get("documentroot").textValue(), form.getValue());
            assertTrue(Files.isDirectory(Path.of(home, "public_html", form.getKey())), "the document root was made: " + form.getKey());
        }
        Uapi.failure(alice.uapi("SubDomain/addsubdomain", Map.of("domain", "up", "rootdomain", alice.domain(), "dir", "public_html/../../x")),
                "“public_html/../../x” may not leave the home directory.");
        Account bob = HomeDirectoriesTest.createacct();
        Files.createSymbolicLink(Path.of(home, "public_html", "out"), Path.of(bob.home()));
        Uapi.failure(alice.uapi("SubDomain/addsubdomain", Map.of("domain", "link", "rootdomain", alice.domain(), "dir", "public_html/out/x")),
                "The path “public_html/out/x” leads out of your home directory through the symbolic link “public_html/out”.");
        assertFalse(Files.exists(Path.of(bob.home(), "x")), "nothing was made in the other home");
        Uapi.failure(alice.uapi("DomainInfo/single_domain_data", Map.of("domain", "link." + alice.domain())),
                "The domain “link." + alice.domain() + "” does not belong to this account.");
    }

    @Test
    void aPipeForwarderTakesThreeFormsAndStaysInTheHome() {
        Account alice = HomeDirectoriesTest.createacct();
        String home = alice.home();
        Map<String, String> forms = new java.util.LinkedHashMap<>();
        forms.put("p1", "bin/p1.sh"); // cPanel's own form: pipefwd=mailscript.pl
        forms.put("p2", "/home/" + alice.user() + "/bin/p2.sh");
        forms.put("p3", home + "/bin/p3.sh");
        for (Map.Entry<String, String> form : forms.entrySet()) {
            JsonNode added = Uapi.success(alice.uapi("Email/add_forwarder", Map.of("domain", alice.domain(), "email", form.getKey(), "fwdopt",
                    "pipe", "pipefwd", form.getValue()))).get("data").get(0);
            assertEquals("|" + home + "/bin/" + form.getKey() + ".sh", added.get("forward").textValue(), form.getValue());
        }
        // cPanel shows /home/<user>: a client may name the pipe that way to remove it
        Uapi.success(alice.uapi("Email/delete_forwarder", Map.of("address", "p2@" + alice.domain(), "forwarder",
                "|/home/" + alice.user() + "/bin/p2.sh")));
        Uapi.success(alice.uapi("Email/delete_forwarder", Map.of("address", "p3@" + alice.domain(), "forwarder", "|" + home + "/bin/p3.sh")));
        JsonNode left = Uapi.success(alice.uapi("Email/list_forwarders", Map.of("domain", alice.domain()))).get("data");
        assertEquals(1, left.size(), left.toString());
        assertEquals("p1@" + alice.domain(), left.get(0).get("dest").textValue());

        Uapi.failure(alice.uapi("Email/add_forwarder", Map.of("domain", alice.domain(), "email", "x", "fwdopt", "pipe", "pipefwd", "../x.sh")),
                "The path “../x.sh” leads out of your home directory.");
        Uapi.failure(alice.uapi("Email/add_forwarder", Map.of("domain", alice.domain(), "email", "x", "fwdopt", "pipe", "pipefwd", "/usr/bin/x")),
                "The path “/usr/bin/x” is outside your home directory.");
    }
}
