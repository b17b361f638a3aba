package dev.openuapi.dirprivacy;

import static dev.openuapi.support.TestFiles.mkdirs;
import static dev.openuapi.support.TestFiles.read;
import static dev.openuapi.support.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.dirprivacy.DirAccounts.Account;
import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every DirectoryPrivacy, DirectoryProtection and DirectoryIndexes function that takes a {@code dir} keeps to the
 * account's home: {@code ..}, absolute paths elsewhere, symlinks that lead out (of the directory, of its .htaccess, of
 * the password store), NUL/CR/LF and special files are refused, and nothing is written outside; the write paths are
 * held to the plan's disk quota.
 */
@QuarkusTest
class DirectoryPathsTest {

    /** Module, function and its other arguments: every function with a dir. */
    record Function(String module, String name, Map<String, String> args) {
        String call(Account a, String dir) {
            Map<String, String> all = new HashMap<>(args);
            all.put("dir", dir);
            return a.post(module, name, all);
        }
    }

    static final List<Function> FUNCTIONS = List.of(
            new Function("DirectoryPrivacy", "add_user", Map.of("user", "u1", "password", "secret-1")),
            new Function("DirectoryPrivacy", "delete_user", Map.of("user", "u1")),
            new Function("DirectoryPrivacy", "list_users", Map.of()),
            new Function("DirectoryPrivacy", "is_directory_protected", Map.of()),
            new Function("DirectoryPrivacy", "configure_directory_protection", Map.of("enabled", "1", "authname", "x")),
            new Function("DirectoryPrivacy", "list_directories", Map.of()),
            new Function("DirectoryProtection", "list_directories", Map.of()),
            new Function("DirectoryIndexes", "get_indexing", Map.of()),
            new Function("DirectoryIndexes", "set_indexing", Map.of("type", "disabled")),
            new Function("DirectoryIndexes", "list_directories", Map.of()));

    static final List<Function> WRITES = FUNCTIONS.stream()
            .filter(f -> List.of("add_user", "configure_directory_protection", "set_indexing").contains(f.name())).toList();

    static String error(String body) {
        JsonNode root = Uapi.envelope(body);
        assertEquals(0, root.get("status").intValue(), body);
        assertTrue(root.get("data").isNull(), body);
        return root.get("errors").get(0).textValue();
    }

    /** A directory outside every home, with one file in it. */
    static Path outside() {
        Path dir = mkdirs(Path.of("target", "dp-outside", Fixtures.randomSuffix(10)).toAbsolutePath());
        write(dir.resolve("keep.txt"), "outside");
        return dir;
    }

    static void assertUntouched(Path outside) throws IOException {
        try (Stream<Path> files = Files.list(outside)) {
            assertEquals(List.of(outside.resolve("keep.txt")), files.toList(), "nothing written outside the home");
        }
        assertEquals("outside", read(outside.resolve("keep.txt")));
    }

    @Test
    void dotDotAndAbsolutePathsElsewhereAreRefused() {
        Account a = DirAccounts.create();
        for (Function f : FUNCTIONS) {
            assertEquals("The path “../” leads out of your home directory.", error(f.call(a, "../")), f.toString());
            assertEquals("The path “public_html/../../x” leads out of your home directory.", error(f.call(a, "public_html/../../x")), f.toString());
            assertEquals("The path “/etc” is outside your home directory.", error(f.call(a, "/etc")), f.toString());
            assertEquals("The path “/home/" + a.user() + "x/public_html” is outside your home directory.",
                    error(f.call(a, "/home/" + a.user() + "x/public_html")), f.toString());
        }
    }

    @Test
    void nulCarriageReturnAndLineFeedAreRefused() {
        Account a = DirAccounts.create();
        for (Function f : FUNCTIONS) {
            for (String bad : new String[] {"public_html\u0000x", "public_html\rx", "public_html\nx"}) {
                String message = error(f.call(a, bad));
                assertTrue(message.endsWith("contains a NUL, carriage return or line feed character."), f + ": " + message);
            }
        }
        assertFalse(Files.exists(a.home().resolve("public_html/.htaccess")));
    }

    @Test
    void aSymlinkThatLeadsOutIsNotFollowed() throws IOException {
        Account a = DirAccounts.create();
        Path home = a.home();
        Path outside = outside();
        Files.createSymbolicLink(home.resolve("out"), outside);
        Files.createSymbolicLink(home.resolve("public_html/deeper"), outside);
        for (Function f : FUNCTIONS) {
            assertEquals("The path “out” leads out of your home directory through the symbolic link “out”.", error(f.call(a, "out")), f.toString());
            assertTrue(error(f.call(a, "/home/" + a.user() + "/public_html/deeper/")).contains("leads out of your home directory"), f.toString());
        }
        assertUntouched(outside);
    }

    /** A .htaccess, or the password store, that is a symlink out of the home is neither read nor written through. */
    @Test
    void filesThatLeadOutAreNotFollowed() throws IOException {
        Account a = DirAccounts.create();
        Path home = a.home();
        Path outside = outside();
        Path site = mkdirs(home.resolve("public_html/site"));
        Files.createSymbolicLink(site.resolve(".htaccess"), outside.resolve("keep.txt"));
        for (Function f : FUNCTIONS) {
            if (f.module().equals("DirectoryPrivacy") && List.of("add_user", "delete_user", "list_users").contains(f.name())) {
                continue; // these read the password store, not the .htaccess
            }
            if (f.name().equals("list_directories")) {
                // the listing reports the unreadable state, as cPanel's does ({error: …})
                JsonNode current = Uapi.success(f.call(a, "public_html/site")).get("data").get("current");
                assertTrue(current.get("state").get("error").textValue().contains("leads out of your home directory"), current.toString());
                continue;
            }
            assertTrue(error(f.call(a, "public_html/site")).contains("leads out of your home directory"), f.toString());
        }
        assertFalse(Files.exists(home.resolve(".htpasswds")), "a refused call makes no password store");
        Files.createSymbolicLink(home.resolve(".htpasswds"), outside);
        for (Function f : FUNCTIONS) {
            if (f.module().equals("DirectoryPrivacy") && List.of("add_user", "delete_user", "list_users").contains(f.name())) {
                assertTrue(error(f.call(a, "public_html")).contains("leads out of your home directory"), f.toString());
            }
        }
        assertUntouched(outside);
    }

    @Test
    void specialFilesAreRefused() throws Exception {
        Account a = DirAccounts.create();
        Path home = a.home();
        Process p = new ProcessBuilder("mkfifo", home.resolve("fifo").toString(), home.resolve("public_html/.htaccess").toString()).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo");
        for (Function f : FUNCTIONS) {
            assertTrue(error(f.call(a, "fifo")).endsWith("is not a directory."), f.toString());
        }
        // a FIFO in place of the .htaccess is never opened (reading it would block)
        assertTrue(error(a.post("DirectoryIndexes", "set_indexing", Map.of("dir", "public_html", "type", "fancy")))
                .contains("is not a regular file"));
        assertTrue(error(a.post("DirectoryIndexes", "get_indexing", Map.of("dir", "public_html"))).contains("is not a regular file"));
        assertTrue(error(a.post("DirectoryPrivacy", "configure_directory_protection",
                Map.of("dir", "public_html", "enabled", "1", "authname", "x"))).contains("is not a regular file"));
    }

    /** The writes ask the plan's disk quota: a full account gets HomeUsage's refusal, and no file. */
    @Test
    void writesAreHeldToTheDiskQuota() {
        String plan = DirAccounts.planWithDiskQuota(1);
        Account a = DirAccounts.create(plan);
        Path home = a.home();
        write(home.resolve("big.bin"), "x".repeat(1024 * 1024)); // the whole quota: any write that grows the home is refused
        mkdirs(home.resolve("public_html/site"));
        // written behind OpenUAPI's back: measured again, as the background re-measure would
        Fixtures.asRoot().post("/api/v1/accounts/" + a.user() + "/usage/measure").then().statusCode(200);
        for (Function f : WRITES) {
            String message = error(f.call(a, "public_html/site"));
            assertTrue(message.startsWith("Disk quota exceeded: "), f + ": " + message);
        }
        assertFalse(Files.exists(home.resolve("public_html/site/.htaccess")));
        assertFalse(Files.exists(home.resolve(".htpasswds/public_html/site/passwd")));
        // reading still works
        assertEquals("inherit", Uapi.success(a.call("DirectoryIndexes", "get_indexing", Map.of("dir", "public_html/site"))).get("data").textValue());
    }
}
