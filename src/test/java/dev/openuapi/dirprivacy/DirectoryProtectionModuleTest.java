package dev.openuapi.dirprivacy;

import static dev.openuapi.support.TestFiles.mkdirs;
import static dev.openuapi.dirprivacy.DirAccounts.ok;
import static dev.openuapi.support.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openuapi.dirprivacy.DirAccounts.Account;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * UAPI DirectoryProtection (api.docs.cpanel.net, DirectoryProtection; api-evangelist/cpanel
 * openapi/cpanel-directoryprotection-api-openapi.yml): its only function, list_directories, reports each directory's
 * leech protection, which Cpanel::Htaccess::has_leech_protection reads as a {@code RewriteCond ${LeechProtect:…}} line.
 */
@QuarkusTest
class DirectoryProtectionModuleTest {

    /**
     * cPanel's example: {@code list_directories?dir=%2fhome%2fexample%2fexample.com} answers home, parent, current and
     * children ({path: "/home/example/example.com/cgi-bin", state: {has_leech_protection: 1}}).
     */
    @Test
    void listDirectories() {
        Account a = DirAccounts.create();
        Path home = a.home();
        Path site = mkdirs(home.resolve("example.com"));
        Path cgi = mkdirs(site.resolve("cgi-bin"));
        mkdirs(site.resolve("open"));
        write(cgi.resolve(".htaccess"), "RewriteEngine on\nRewriteCond ${LeechProtect:" + cgi + ":%{REMOTE_USER}:%{REMOTE_ADDR}:4:x} leech\n"
                + "RewriteRule .* http://example.com/ [R,L]\n");
        String off = "{\"has_leech_protection\":0}";
        assertEquals(ok("{\"home\":{\"path\":\"" + home + "\",\"state\":" + off + "},"
                + "\"parent\":{\"path\":\"" + home + "\",\"state\":" + off + "},"
                + "\"current\":{\"path\":\"" + site + "\",\"state\":" + off + "},"
                + "\"children\":[{\"path\":\"" + cgi + "\",\"state\":{\"has_leech_protection\":1}},"
                + "{\"path\":\"" + site + "/open\",\"state\":" + off + "}]}"),
                a.call("DirectoryProtection", "list_directories", Map.of("dir", "/home/" + a.user() + "/example.com")));
        Uapi.failure(a.call("DirectoryProtection", "list_directories", Map.of("dir", "nothere")), "“nothere” does not exist.");
    }
}
