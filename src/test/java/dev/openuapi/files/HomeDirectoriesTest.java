package dev.openuapi.files;

import static dev.openuapi.support.Fixtures.asRoot;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Uapi;
import dev.openuapi.support.Whm;
import dev.openuapi.support.WhmChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The accounts' home directories on disk (issue 16 §1, src/docs/files.md): made with the account through the operator's
 * REST API and WHM's createacct, with cPanel's layout and modes; removed by removeacct; moved by modifyacct's newuser,
 * with the paths that name them; never made over a directory that is already there; made on first use for an account
 * that has none. Every path is the one the API reports (Variables::get_user_information {@code home}): the tests and
 * the application run on the same machine, so it can be read here, in the packaged run too ({@link HomeDirectoriesIT}).
 *
 * <p>cPanel's layout, as listings of cPanel accounts show it: {@code drwx--x--x /home/crybit/} (0711) and
 * {@code drwxr-x--- /home/crybit/public_html/} (0750, group nobody) in crybit.com's "Default files and folders
 * permission/ownership in a cPanel account"; {@code drwxr-x--x mail} (0751) in a cPanel host's {@code ls -al} of a
 * home (webhostingmagic.com, "How To Set Permission For Your Files Or Folders"); {@code etc} 0750 and {@code tmp}
 * 0755 as HomeDirectories makes them (src/docs/files.md).
 */
@QuarkusTest
class HomeDirectoriesTest {

    record Account(String user, String password, String domain) {
        RequestSpecification withPassword() {
            return given().auth().preemptive().basic(user, password);
        }

        String home() {
            return Fixtures.homeOf(withPassword());
        }

        String uapi(String function, Map<String, String> args) {
            return withPassword().formParams(args).post("/execute/" + function).then().statusCode(200).extract().asString();
        }
    }

    static String name() {
        return "hm" + Fixtures.randomSuffix(8);
    }

    static Account createacct() {
        String user = name();
        String password = "pw-" + Fixtures.randomSuffix(16);
        WhmChecks.ok(asRoot(), "createacct", Map.of("username", user, "domain", user + ".example", "password", password));
        return new Account(user, password, user + ".example");
    }

    static Account viaAdminApi() {
        String user = name();
        String password = "pw-" + Fixtures.randomSuffix(16);
        asRoot().contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", password, "domain", user + ".example", "contact_email", "owner@" + user + ".example"))
                .post("/api/v1/accounts").then().statusCode(201);
        return new Account(user, password, user + ".example");
    }

    static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** cPanel's layout and modes, as listed in the class comment. */
    static void assertCpanelLayout(String home) throws IOException {
        Path dir = Path.of(home);
        assertTrue(Files.isDirectory(dir), home);
        Map<String, String> modes = new LinkedHashMap<>();
        modes.put("", "rwx--x--x"); // 0711
        modes.put("public_html", "rwxr-x---"); // 0750
        modes.put("mail", "rwxr-x--x"); // 0751
        modes.put("etc", "rwxr-x---"); // 0750
        modes.put("tmp", "rwxr-xr-x"); // 0755
        Map<String, String> found = new LinkedHashMap<>();
        for (String entry : modes.keySet()) {
            Path p = entry.isEmpty() ? dir : dir.resolve(entry);
            found.put(entry, Files.isDirectory(p) ? mode(p) : "missing");
        }
        assertEquals(modes, found, home);
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void theAdminApiMakesTheHomeWithCpanelsLayout() throws IOException {
        Account alice = viaAdminApi();
        String home = alice.home();
        assertEquals(alice.user(), Path.of(home).getFileName().toString(), "the home is <root>/<user>");
        assertFalse(home.equals("/home/" + alice.user()), "the test profile's root is target/test-homes/<uuid>, not /home");
        assertCpanelLayout(home);
    }

    @Test
    void createacctMakesTheHomeAndRemoveacctRemovesIt() throws IOException {
        Account alice = createacct();
        String home = alice.home();
        assertCpanelLayout(home);
        Files.writeString(Path.of(home, "public_html", "index.html"), "<h1>hello</h1>");
        // the WHM view of the account names the same directory
        JsonNode userdata = WhmChecks.ok(asRoot(), "domainuserdata", Map.of("domain", alice.domain())).get("data").get("userdata");
        assertEquals(home, userdata.get("homedir").textValue());
        assertEquals(home + "/public_html", userdata.get("documentroot").textValue());

        WhmChecks.ok(asRoot(), "removeacct", Map.of("user", alice.user()));
        assertFalse(Files.exists(Path.of(home)), "removeacct removed " + home);
    }

    @Test
    void modifyacctNewuserMovesTheHomeAndThePathsFollow() throws IOException {
        Account alice = createacct();
        String oldHome = alice.home();
        Files.writeString(Path.of(oldHome, "public_html", "index.html"), "<h1>kept</h1>");
        Uapi.success(alice.uapi("Ftp/add_ftp", Map.of("user", "deploy", "pass", "ftp-password-1", "homedir", "sites/deploy")));
        Uapi.success(alice.uapi("SubDomain/addsubdomain", Map.of("domain", "blog", "rootdomain", alice.domain(), "dir", "public_html/blog")));
        Uapi.success(alice.uapi("Email/add_forwarder", Map.of("domain", alice.domain(), "email", "robot", "fwdopt", "pipe", "pipefwd",
                "bin/robot.sh")));

        String newName = name();
        WhmChecks.ok(asRoot(), "modifyacct", Map.of("user", alice.user(), "newuser", newName));
        Account renamed = new Account(newName, alice.password(), alice.domain());
        String home = renamed.home();

        assertEquals(Path.of(oldHome).resolveSibling(newName).toString(), home, "the home moved to <root>/<new name>");
        assertFalse(Files.exists(Path.of(oldHome)), "nothing is left at " + oldHome);
        assertEquals("<h1>kept</h1>", Files.readString(Path.of(home, "public_html", "index.html")), "the files moved with the home");
        assertCpanelLayout(home);

        JsonNode logins = Uapi.success(renamed.uapi("Ftp/list_ftp", Map.of())).get("data");
        assertEquals(home, logins.get(0).get("homedir").textValue(), logins.toString());
        assertEquals(home + "/sites/deploy", logins.get(1).get("homedir").textValue(), logins.toString());
        assertTrue(Files.isDirectory(Path.of(home, "sites", "deploy")));
        JsonNode blog = Uapi.success(renamed.uapi("DomainInfo/single_domain_data", Map.of("domain", "blog." + alice.domain())))
                .get("data");
        assertEquals(home + "/public_html/blog", blog.get("documentroot").textValue());
        assertEquals(home, blog.get("homedir").textValue());
        JsonNode forwarders = Uapi.success(renamed.uapi("Email/list_forwarders", Map.of("domain", alice.domain()))).get("data");
        assertEquals("|" + home + "/bin/robot.sh", forwarders.get(0).get("forward").textValue(), forwarders.toString());
    }

    @Test
    void aCreateOverAnExistingDirectoryIsRefusedAndLeavesItAlone() throws IOException {
        Path root = Path.of(viaAdminApi().home()).getParent();

        String user = name();
        Path squatted = root.resolve(user);
        Files.createDirectory(squatted);
        Files.writeString(squatted.resolve("keep.txt"), "someone else's");
        // OpenUAPI's words: cPanel refuses such an account too, in other words
        assertEquals("The home directory “" + squatted + "” already exists.", Whm.reason(asRoot(), "createacct",
                Map.of("username", user, "domain", user + ".example", "password", "pw-" + Fixtures.randomSuffix(16))));
        assertEquals("someone else's", Files.readString(squatted.resolve("keep.txt")), "the directory is untouched");
        assertEquals("The account “" + user + "” does not exist.", Whm.reason(asRoot(), "accountsummary", Map.of("user", user)));

        JsonNode problem = Fixtures.json(asRoot().contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", "pw-" + Fixtures.randomSuffix(16), "domain", user + ".example", "contact_email",
                        "owner@" + user + ".example"))
                .post("/api/v1/accounts").then().statusCode(409).extract().asString());
        assertEquals("The home directory “" + squatted + "” already exists.", problem.get("detail").textValue(), problem.toString());
        assertEquals(java.util.List.of(squatted.resolve("keep.txt")), list(squatted), "the directory is untouched");
    }

    @Test
    void anAccountWithoutAHomeGetsOneOnFirstUse() throws IOException {
        Account alice = createacct();
        String home = alice.home();
        deleteTree(Path.of(home)); // as an account made before homes existed
        assertFalse(Files.exists(Path.of(home)));

        Uapi.success(alice.uapi("Ftp/add_ftp", Map.of("user", "deploy", "pass", "ftp-password-1")));
        assertCpanelLayout(home);
        assertTrue(Files.isDirectory(Path.of(home, "public_html", "deploy")), "and the FTP login's directory in it");
    }

    static java.util.List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }
}
