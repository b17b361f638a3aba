package dev.openuapi.dirprivacy;

import static dev.openuapi.dirprivacy.DirAccounts.htpasswdVerify;
import static dev.openuapi.support.TestFiles.mkdirs;
import static dev.openuapi.dirprivacy.DirAccounts.ok;
import static dev.openuapi.dirprivacy.DirAccounts.okList;
import static dev.openuapi.support.TestFiles.read;
import static dev.openuapi.support.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.dirprivacy.DirAccounts.Account;
import dev.openuapi.common.Quote;
import dev.openuapi.support.Uapi;
import dev.openuapi.support.WhmChecks;
import dev.openuapi.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * UAPI DirectoryPrivacy against cPanel's reference (api.docs.cpanel.net, DirectoryPrivacy; the openapi document
 * api-evangelist/cpanel openapi/cpanel-directoryprivacy-api-openapi.yml) and against what cPanel writes
 * (Cpanel::HttpUtils::Htaccess::set_protected_directives, Cpanel::HttpUtils::Htpasswd).
 */
@QuarkusTest
class DirectoryPrivacyModuleTest {

    static final String MODULE = "DirectoryPrivacy";
    static final String DIVIDER = "#----------------------------------------------------------------cp:ppd";

    /** cPanel's managed section, as set_protected_directives appends it. */
    static String section(String authName, String passwdFile) {
        return DIVIDER + "\n"
                + "# Section managed by cPanel: Password Protected Directories     -cp:ppd\n"
                + "# - Do not edit this section of the htaccess file!              -cp:ppd\n"
                + DIVIDER + "\n"
                + "AuthType Basic\n"
                + "AuthName \"" + authName + "\"\n"
                + "AuthUserFile \"" + passwdFile + "\"\n"
                + "Require valid-user\n"
                + DIVIDER + "\n"
                + "# End section managed by cPanel: Password Protected Directories -cp:ppd\n"
                + DIVIDER;
    }

    /**
     * cPanel's example: {@code configure_directory_protection?dir=%2fhome%2fexample%2fexample.com&enabled=1&authname=protectandserve}
     * answers {@code data: {auth_name: "protectandserve", auth_type: "Basic", passwd_file:
     * "/home/example/.htpasswds/example.com/passwd", protected: 1}}; the passwd_file is the home's real path here.
     */
    @Test
    void configureDirectoryProtection() {
        Account a = DirAccounts.create();
        Path home = a.home();
        Path site = mkdirs(home.resolve("example.com"));
        write(site.resolve(".htaccess"), "RewriteEngine On\nOptions +FollowSymLinks\n");
        String passwd = home + "/.htpasswds/example.com/passwd";

        String body = a.call(MODULE, "configure_directory_protection",
                Map.of("dir", "/home/" + a.user() + "/example.com", "enabled", "1", "authname", "protectandserve"));
        assertEquals(ok("{\"auth_type\":\"Basic\",\"auth_name\":\"protectandserve\",\"passwd_file\":\"" + passwd + "\",\"protected\":1}"), body);
        assertEquals("RewriteEngine On\nOptions +FollowSymLinks\n\n" + section("protectandserve", passwd), read(site.resolve(".htaccess")));
        assertTrue(Files.isDirectory(home.resolve(".htpasswds/example.com")), "the password store is made, as cPanel's get_path makes it");

        // again, with another name: one section, replaced
        a.call(MODULE, "configure_directory_protection", Map.of("dir", "example.com", "enabled", "1", "authname", "Say \"please\""));
        assertEquals("RewriteEngine On\nOptions +FollowSymLinks\n\n" + section("Say \\\"please\\\"", passwd), read(site.resolve(".htaccess")));

        body = a.call(MODULE, "configure_directory_protection", Map.of("dir", "example.com", "enabled", "0"));
        assertEquals(ok("{\"auth_type\":null,\"auth_name\":null,\"passwd_file\":\"" + passwd + "\",\"protected\":0}"), body);
        assertEquals("RewriteEngine On\nOptions +FollowSymLinks", read(site.resolve(".htaccess")), "only cPanel's section goes");
    }

    /**
     * cPanel's is_directory_protected example answers {@code {auth_name: "Protected 'example.com'", auth_type: "Basic",
     * passwd_file: "/home/example/.htpasswds/example.com/passwd", protected: 1}}; an unprotected directory answers
     * get_protected_directives' defaults (None, "", "", 0).
     */
    @Test
    void isDirectoryProtected() {
        Account a = DirAccounts.create();
        Path home = a.home();
        mkdirs(home.resolve("example.com"));
        assertEquals(ok("{\"auth_type\":\"None\",\"auth_name\":\"\",\"passwd_file\":\"\",\"protected\":0}"),
                a.call(MODULE, "is_directory_protected", Map.of("dir", "/home/" + a.user() + "/example.com")));

        a.call(MODULE, "configure_directory_protection", Map.of("dir", "example.com", "enabled", "1", "authname", "Protected 'example.com'"));
        String passwd = home + "/.htpasswds/example.com/passwd";
        assertEquals(ok("{\"auth_type\":\"Basic\",\"auth_name\":\"Protected 'example.com'\",\"passwd_file\":\"" + passwd + "\",\"protected\":1}"),
                a.call(MODULE, "is_directory_protected", Map.of("dir", "/home/" + a.user() + "/example.com")));
        // the real home's path is accepted as well as /home/<user>
        assertEquals(1, Uapi.success(a.call(MODULE, "is_directory_protected", Map.of("dir", home + "/example.com/"))).get("data")
                .get("protected").intValue());
    }

    /** cPanel's add_user example: {@code add_user?dir=%2fhome%2fexample%2fexample.com&user=example1&password=123456luggage}, data null. */
    @Test
    void addUserStoresAnApacheHashThatHtpasswdVerifies() {
        Account a = DirAccounts.create();
        Path home = a.home();
        mkdirs(home.resolve("example.com"));
        String dir = "/home/" + a.user() + "/example.com";
        assertEquals(ok("null"), a.call(MODULE, "add_user", Map.of("dir", dir, "user", "example1", "password", "123456luggage")));
        assertEquals(ok("null"), a.call(MODULE, "add_user", Map.of("dir", dir, "user", "example2", "password", "other pass ü")));

        Path passwd = home.resolve(".htpasswds/example.com/passwd");
        String text = read(passwd);
        assertTrue(text.matches("example1:\\$apr1\\$[./0-9A-Za-z]{8}\\$[./0-9A-Za-z]{22}\nexample2:\\$apr1\\$.*"), text);
        assertFalse(text.contains("123456luggage"), "never the password itself");
        assertEquals(0, htpasswdVerify(passwd, "example1", "123456luggage"));
        assertEquals(0, htpasswdVerify(passwd, "example2", "other pass ü"));
        assertNotEquals(0, htpasswdVerify(passwd, "example1", "123456luggagE"));

        // an existing user gets the new password in place
        a.call(MODULE, "add_user", Map.of("dir", dir, "user", "example1", "password", "new-secret-1"));
        assertEquals(0, htpasswdVerify(passwd, "example1", "new-secret-1"));
        assertNotEquals(0, htpasswdVerify(passwd, "example1", "123456luggage"));
        assertTrue(read(passwd).startsWith("example1:"), "replaced where it was");
        assertEquals(2, read(passwd).split("\n").length);
    }

    /** cPanel's list_users example answers {@code data: ["example1", "example2"]}; a directory without users answers []. */
    @Test
    void listUsers() {
        Account a = DirAccounts.create();
        mkdirs(a.home().resolve("example.com"));
        String dir = "/home/" + a.user() + "/example.com";
        assertEquals(okList("[]"), a.call(MODULE, "list_users", Map.of("dir", dir)));
        a.call(MODULE, "add_user", Map.of("dir", dir, "user", "example1", "password", "123456luggage"));
        a.call(MODULE, "add_user", Map.of("dir", dir, "user", "example2", "password", "123456luggage"));
        assertEquals(okList("[\"example1\",\"example2\"]"), a.call(MODULE, "list_users", Map.of("dir", dir)));

        // API 2 Htaccess::listusers and listuser (cPanel's example: cpanel_jsonapi_module=Htaccess&cpanel_jsonapi_func=listusers
        // &dir=%2Fhome%2Fexample%2Fpublic_html%2Fheavensdoor), rows {user} as Cpanel::Htaccess::api2_listusers builds them
        for (String function : new String[] {"listusers", "listuser"}) {
            JsonNode result = Fixtures.json(io.restassured.RestAssured.given().auth().preemptive().basic(a.user(), a.password())
                    .queryParam("cpanel_jsonapi_apiversion", "2").queryParam("cpanel_jsonapi_module", "Htaccess")
                    .queryParam("cpanel_jsonapi_func", function).queryParam("dir", dir).get("/json-api/cpanel").then().statusCode(200)
                    .extract().asString()).get("cpanelresult");
            assertEquals("[{\"user\":\"example1\"},{\"user\":\"example2\"}]", result.get("data").toString(), result.toString());
            assertEquals(1, result.get("event").get("result").intValue(), result.toString());
        }
        assertFalse(Files.exists(a.home().resolve(".htpasswds/public_html")), "listing writes nothing");
        assertEquals(okList("[]"), a.call(MODULE, "list_users", Map.of("dir", "public_html")));
    }

    /** cPanel's delete_user example: {@code delete_user?dir=%2fhome%2fexample%2fexample.com&user=example1}, data null. */
    @Test
    void deleteUser() {
        Account a = DirAccounts.create();
        Path home = a.home();
        mkdirs(home.resolve("example.com"));
        String dir = "/home/" + a.user() + "/example.com";
        a.call(MODULE, "add_user", Map.of("dir", dir, "user", "example1", "password", "123456luggage"));
        a.call(MODULE, "add_user", Map.of("dir", dir, "user", "example2", "password", "pass-two-2"));
        assertEquals(ok("null"), a.call(MODULE, "delete_user", Map.of("dir", dir, "user", "example1")));
        assertEquals(okList("[\"example2\"]"), a.call(MODULE, "list_users", Map.of("dir", dir)));
        assertEquals(0, htpasswdVerify(home.resolve(".htpasswds/example.com/passwd"), "example2", "pass-two-2"));
        // Cpanel::HttpUtils::Htpasswd::delete_user's InvalidParameter
        Uapi.failure(a.call(MODULE, "delete_user", Map.of("dir", dir, "user", "example1")),
                "The “example1” user is not protecting the " + Quote.of(home + "/example.com") + " directory.");
    }

    /** Cpanel::HttpUtils::Htpasswd's _validate_user and _validate_password, Cpanel::Validate::Boolean and ::Ascii. */
    @Test
    void refusals() {
        Account a = DirAccounts.create();
        Path home = a.home();
        Uapi.failure(a.call(MODULE, "add_user", Map.of("dir", "public_html", "user", "a:b", "password", "x")),
                "The “user” argument cannot include: “:”, “<”, “>”, or “ ”");
        Uapi.failure(a.call(MODULE, "add_user", Map.of("dir", "public_html", "user", "a b", "password", "x")),
                "The “user” argument cannot include: “:”, “<”, “>”, or “ ”");
        Uapi.failure(a.call(MODULE, "add_user", Map.of("dir", "public_html", "user", "u".repeat(256), "password", "x")),
                "The “user” argument cannot be longer than 255 characters.");
        Uapi.failure(a.call(MODULE, "add_user", Map.of("dir", "public_html", "user", "u", "password", "p".repeat(256))),
                "The “password” argument cannot be longer than 255 characters.");
        Uapi.failure(a.call(MODULE, "add_user", Map.of("dir", "public_html", "user", "u")), "Provide the “password” argument.");
        Uapi.failure(a.call(MODULE, "add_user", Map.of("dir", "nothere", "user", "u", "password", "x")),
                "The " + Quote.of(home + "/nothere") + " directory does not exist.");
        write(home.resolve("public_html/file.txt"), "x");
        Uapi.failure(a.call(MODULE, "list_users", Map.of("dir", "public_html/file.txt")), Quote.of(home + "/public_html/file.txt") + " is not a directory.");
        Uapi.failure(a.call(MODULE, "is_directory_protected", Map.of("dir", "nothere")), "“nothere” does not exist.");
        Uapi.failure(a.call(MODULE, "is_directory_protected", Map.of("dir", "public_html/file.txt")), "“public_html/file.txt” is not a directory.");

        Uapi.failure(a.call(MODULE, "configure_directory_protection", Map.of("dir", "public_html", "enabled", "2", "authname", "x")),
                "The “enabled” argument contains the value “2”, which is an invalid Boolean value. Boolean values are either 0 or 1.");
        Uapi.failure(a.call(MODULE, "configure_directory_protection", Map.of("dir", "public_html", "enabled", "1")),
                "Provide the “authname” argument.");
        Uapi.failure(a.call(MODULE, "configure_directory_protection", Map.of("dir", "public_html", "enabled", "1", "authname", "")),
                "The “authname” argument cannot be empty.");
        Uapi.failure(a.call(MODULE, "configure_directory_protection", Map.of("dir", "public_html", "enabled", "1", "authname", "Zoë")),
                "The “authname” argument contains the value “Zoë”, which contains unsupported characters. It must contain only printable ASCII characters.");
        Uapi.failure(a.call(MODULE, "configure_directory_protection", Map.of("dir", "public_html")), "Provide the “enabled” argument.");
        assertFalse(Files.exists(home.resolve("public_html/.htaccess")), "nothing written by a refused call");
    }

    /**
     * cPanel's list_directories example: {@code home}, {@code parent}, {@code current}, each {path, state}, and
     * {@code children} ({path: "/home/example/example.com/cgi-bin", state: {auth_name, auth_type, passwd_file,
     * protected}}); dot directories, symlinks and files are not children (Cpanel::Htaccess::list_directories).
     */
    @Test
    void listDirectories() throws IOException {
        Account a = DirAccounts.create();
        Path home = a.home();
        Path site = mkdirs(home.resolve("example.com"));
        mkdirs(site.resolve("cgi-bin"));
        mkdirs(site.resolve("Alpha"));
        mkdirs(site.resolve(".hidden"));
        write(site.resolve("file.txt"), "x");
        Files.createSymbolicLink(site.resolve("link"), site.resolve("cgi-bin"));
        a.call(MODULE, "configure_directory_protection", Map.of("dir", "example.com/cgi-bin", "enabled", "1", "authname", "Protected 'example.com'"));

        String none = "{\"auth_type\":\"None\",\"auth_name\":\"\",\"passwd_file\":\"\",\"protected\":0}";
        String expected = ok("{\"home\":{\"path\":\"" + home + "\",\"state\":" + none + "},"
                + "\"parent\":{\"path\":\"" + home + "\",\"state\":" + none + "},"
                + "\"current\":{\"path\":\"" + site + "\",\"state\":" + none + "},"
                + "\"children\":[{\"path\":\"" + site + "/Alpha\",\"state\":" + none + "},"
                + "{\"path\":\"" + site + "/cgi-bin\",\"state\":{\"auth_type\":\"Basic\",\"auth_name\":\"Protected 'example.com'\","
                + "\"passwd_file\":\"" + home + "/.htpasswds/example.com/cgi-bin/passwd\",\"protected\":1}}]}");
        assertEquals(expected, a.call(MODULE, "list_directories", Map.of("dir", "/home/" + a.user() + "/example.com")));

        // the home's parent is the home
        String top = a.call(MODULE, "list_directories", Map.of("dir", "/home/" + a.user()));
        assertEquals(home.toString(), Uapi.success(top).get("data").get("parent").get("path").textValue());
    }

    /**
     * The AuthUserFile names the home's real path, which a rename (WHM modifyacct newuser) moves: the line follows it,
     * and the stored password still verifies at its new place.
     */
    @Test
    void authUserFileFollowsARename() {
        Account a = DirAccounts.create();
        Path oldHome = a.home();
        Path secret = mkdirs(oldHome.resolve("public_html/secret"));
        write(secret.resolve(".htaccess"), "# kept\n");
        a.call(MODULE, "configure_directory_protection", Map.of("dir", "public_html/secret", "enabled", "1", "authname", "Members"));
        a.call(MODULE, "add_user", Map.of("dir", "public_html/secret", "user", "member", "password", "letmein-42"));
        a.call(MODULE, "configure_directory_protection", Map.of("dir", "public_html", "enabled", "1", "authname", "Top"));

        String newUser = "dp" + Fixtures.randomSuffix(10);
        WhmChecks.ok(Fixtures.asRoot(), "modifyacct", Map.of("user", a.user(), "newuser", newUser));
        Account renamed = new Account(newUser, a.password());
        Path newHome = renamed.home();
        assertNotEquals(oldHome, newHome);

        String passwd = newHome + "/.htpasswds/public_html/secret/passwd";
        assertEquals("# kept\n\n" + section("Members", passwd), read(newHome.resolve("public_html/secret/.htaccess")));
        assertEquals(ok("{\"auth_type\":\"Basic\",\"auth_name\":\"Members\",\"passwd_file\":\"" + passwd + "\",\"protected\":1}"),
                renamed.call(MODULE, "is_directory_protected", Map.of("dir", "public_html/secret")));
        assertEquals(newHome + "/.htpasswds/public_html/passwd", Uapi.success(renamed.call(MODULE, "is_directory_protected",
                Map.of("dir", "public_html"))).get("data").get("passwd_file").textValue());
        assertEquals(0, htpasswdVerify(Path.of(passwd), "member", "letmein-42"));
        assertEquals(okList("[\"member\"]"), renamed.call(MODULE, "list_users", Map.of("dir", "public_html/secret")));
    }

    /**
     * cPanel's %API: webprotect for DirectoryPrivacy and DirectoryProtection (Cpanel/API/DirectoryPrivacy.pm,
     * DirectoryProtection.pm), indexmanager for DirectoryIndexes (Cpanel/API/DirectoryIndexes.pm).
     */
    @Test
    void theWebprotectAndIndexmanagerFeaturesAreNeeded() {
        Account a = DirAccounts.create();
        Fixtures.patchAccount(a.user(), Map.of("features", java.util.List.of("apitokens", "indexmanager")));
        Map<String, String> dir = Map.of("dir", "public_html");
        Uapi.failure(a.call(MODULE, "list_users", dir), "You do not have the feature “webprotect”.");
        Uapi.failure(a.call(MODULE, "configure_directory_protection", Map.of("dir", "public_html", "enabled", "1", "authname", "x")),
                "You do not have the feature “webprotect”.");
        Uapi.failure(a.call("DirectoryProtection", "list_directories", dir), "You do not have the feature “webprotect”.");
        Uapi.success(a.call("DirectoryIndexes", "get_indexing", dir));
        Fixtures.patchAccount(a.user(), Map.of("features", java.util.List.of("apitokens", "webprotect")));
        Uapi.failure(a.call("DirectoryIndexes", "get_indexing", dir), "You do not have the feature “indexmanager”.");
        Uapi.success(a.call(MODULE, "list_users", dir));
    }
}
