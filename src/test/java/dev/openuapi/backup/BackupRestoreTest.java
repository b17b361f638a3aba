package dev.openuapi.backup;

import static dev.openuapi.backup.BackupModuleTest.account;
import static dev.openuapi.backup.BackupModuleTest.awaitBackup;
import static dev.openuapi.backup.BackupModuleTest.start;
import static dev.openuapi.backup.BackupModuleTest.uapi;
import static dev.openuapi.support.Fixtures.asRoot;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Backups that restore (issue 17 §1): an account with files, databases, a zone, mail and API tokens goes through
 * Backup::fullbackup_to_homedir, removal and the operator's {@code POST /api/v1/accounts/restore}, under its own name
 * and under a new one; an archive whose domain another account owns, and unsafe archives, are refused.
 */
@QuarkusTest
public class BackupRestoreTest {

    /** The backup volume of the test profile (openuapi.backup.dir; the packaged jar runs in the same directory). */
    static final Path BACKUP_DIR = Path.of("target/test-backups");

    record Prepared(TestAccount account, String tokenA, String tokenB, Map<String, byte[]> files, String linkTarget, String dbPassword) {
        String user() {
            return account.username();
        }
    }

    static Connection db(String user, String password, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + database, user, password);
    }

    static List<String> rows(String user, String password, String database) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db(user, password, database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, title FROM posts ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + ":" + rs.getString(2));
            }
        }
        return rows;
    }

    static JsonNode api2(TestAccount account, String user, String token, String module, String function, Map<String, String> args) {
        String body = given().header("Authorization", "cpanel " + user + ":" + token).queryParam("cpanel_jsonapi_apiversion", "2")
                .queryParam("cpanel_jsonapi_module", module).queryParam("cpanel_jsonapi_func", function).queryParams(args)
                .get("/json-api/cpanel").then().statusCode(200).extract().asString();
        return Fixtures.json(body).get("cpanelresult");
    }

    static String uapiAs(String user, String token, String function, Map<String, String> args) {
        return given().header("Authorization", "cpanel " + user + ":" + token).formParams(args).post("/execute/" + function).then()
                .statusCode(200).extract().asString();
    }

    /** An account with everything a backup holds. */
    static Prepared prepare() throws Exception {
        TestAccount a = account();
        String tokenA = a.newToken("alpha");
        String tokenB = a.newToken("beta");
        Path home = Path.of(a.home());
        Map<String, byte[]> files = new TreeMap<>();
        byte[] binary = new byte[200_000];
        new SecureRandom().nextBytes(binary);
        files.put("public_html/data.bin", binary);
        files.put("public_html/a/b/c/deep.txt", "nested\n".getBytes(StandardCharsets.UTF_8));
        files.put(".hidden/config", "key=value\n".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.createDirectories(home.resolve(f.getKey()).getParent());
            Files.write(home.resolve(f.getKey()), f.getValue());
        }
        Files.createSymbolicLink(home.resolve("public_html/current"), Path.of("a/b/c"));
        asRoot().post("/api/v1/accounts/" + a.username() + "/usage/measure").then().statusCode(200);

        String user = a.username();
        String dbUser = user + "_app";
        String dbPassword = "Db-" + Fixtures.randomSuffix(16);
        Uapi.success(uapi(a, tokenA, "Mysql/create_user", Map.of("name", dbUser, "password", dbPassword)));
        for (String db : List.of(user + "_shop", user + "_blog")) {
            Uapi.success(uapi(a, tokenA, "Mysql/create_database", Map.of("name", db)));
            Uapi.success(uapi(a, tokenA, "Mysql/set_privileges_on_database", Map.of("user", dbUser, "database", db, "privileges", "ALL PRIVILEGES")));
            try (Connection c = db(dbUser, dbPassword, db); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE posts (id INT PRIMARY KEY, title VARCHAR(100)) ENGINE=InnoDB");
                s.execute("INSERT INTO posts VALUES (1, 'first in " + db + "'), (2, 'ünïcödé ✓')");
            }
        }
        JsonNode added = api2(a, user, tokenA, "ZoneEdit", "add_zone_record",
                Map.of("domain", a.domain(), "name", "extra", "type", "A", "address", "203.0.113.7"));
        assertTrue(added.toString().contains("\"status\":1"), added.toString());
        added = api2(a, user, tokenA, "ZoneEdit", "add_zone_record",
                Map.of("domain", a.domain(), "name", "note", "type", "TXT", "txtdata", "kept by the backup"));
        assertTrue(added.toString().contains("\"status\":1"), added.toString());
        Uapi.success(uapi(a, tokenA, "Email/add_pop", Map.of("email", "info", "domain", a.domain(), "password", "Mail-" + Fixtures.randomSuffix(12))));
        Uapi.success(uapi(a, tokenA, "Email/add_pop", Map.of("email", "sales", "domain", a.domain(), "password", "Mail-" + Fixtures.randomSuffix(12))));
        Uapi.success(uapi(a, tokenA, "Email/add_forwarder", Map.of("domain", a.domain(), "email", "boss", "fwdopt", "fwd", "fwdemail", "boss@example.net")));
        Uapi.success(uapi(a, tokenA, "Ftp/add_ftp", Map.of("user", "deploy", "pass", "ftp-password-1", "quota", "500",
                "homedir", "public_html/a")));
        JsonNode cron = api2(a, user, tokenA, "Cron", "add_line", Map.of("minute", "*/15", "hour", "*", "day", "*", "month", "*",
                "weekday", "*", "command", "php /home/" + user + "/public_html/cron.php"));
        assertTrue(cron.toString().contains("\"status\":1"), cron.toString());
        return new Prepared(a, tokenA, tokenB, files, "a/b/c", dbPassword);
    }

    /** The account's zone records as "name type value" lines (API 2 ZoneEdit::fetchzone_records). */
    static List<String> zone(String user, String token, String domain) {
        JsonNode data = api2(null, user, token, "ZoneEdit", "fetchzone_records", Map.of("domain", domain)).get("data");
        List<String> records = new ArrayList<>();
        for (JsonNode r : data) {
            String type = r.path("type").asText();
            if (type.equals("SOA")) {
                continue; // its serial moves on
            }
            String value = r.has("address") ? r.get("address").asText() : r.has("txtdata") ? r.get("txtdata").asText()
                    : r.has("cname") ? r.get("cname").asText() : r.has("exchange") ? r.get("exchange").asText() : r.path("nsdname").asText();
            records.add(r.path("name").asText() + " " + type + " " + value);
        }
        records.sort(null);
        return records;
    }

    static List<String> mailboxes(String user, String token) {
        List<String> boxes = new ArrayList<>();
        Uapi.success(uapiAs(user, token, "Email/list_pops", Map.of())).get("data").forEach(b -> boxes.add(b.get("email").asText()));
        boxes.sort(null);
        return boxes;
    }

    static List<String> forwarders(String user, String token, String domain) {
        List<String> out = new ArrayList<>();
        Uapi.success(uapiAs(user, token, "Email/list_forwarders", Map.of("domain", domain))).get("data")
                .forEach(f -> out.add(f.get("dest").asText() + " -> " + f.get("forward").asText()));
        out.sort(null);
        return out;
    }

    /** FTP accounts (login, quota and directory relative to the home) and cron jobs. */
    static List<String> ftpAndCron(String user, String token) {
        List<String> out = new ArrayList<>();
        Uapi.success(uapiAs(user, token, "Ftp/list_ftp_with_disk", Map.of("skip_acct_types", "main"))).get("data").forEach(f -> out.add(
                f.get("login").asText() + " quota=" + f.path("diskquota").asText() + " dir=" + f.get("reldir").asText()));
        api2(null, user, token, "Cron", "listcron", Map.of("omit_extra_record", "1")).get("data")
                .forEach(j -> out.add("cron " + j.get("minute").asText() + " " + j.get("command").asText()));
        return out;
    }

    static JsonNode restore(Map<String, String> body, int status) {
        String answer = asRoot().contentType(ContentType.JSON).body(body).post("/api/v1/accounts/restore").then().statusCode(status)
                .extract().asString();
        return Fixtures.json(answer);
    }

    static void remove(String user) {
        asRoot().delete("/api/v1/accounts/" + user).then().statusCode(204);
    }

    static void assertHome(Prepared p, Path home) throws IOException {
        for (Map.Entry<String, byte[]> f : p.files().entrySet()) {
            assertArrayEquals(f.getValue(), Files.readAllBytes(home.resolve(f.getKey())), f.getKey() + " byte for byte");
        }
        Path link = home.resolve("public_html/current");
        assertTrue(Files.isSymbolicLink(link), "the symlink is a symlink again");
        assertEquals(p.linkTarget(), Files.readSymbolicLink(link).toString());
    }

    @Test
    void anAccountComesBackWholeUnderItsNameAndUnderANewOne() throws Exception {
        Prepared p = prepare();
        String user = p.user();
        String domain = p.account().domain();
        // a scoped token (issue 19) with a rate limit (issue 20): its limits go into the archive and come back with it
        String scoped = p.account().withPassword().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("name", "gamma", "features", List.of("ftpaccts"), "read_only", true, "whitelist_ips", List.of("127.0.0.1"),
                        "rate_limit_per_minute", 50))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        List<String> zoneBefore = zone(user, p.tokenA(), domain);
        assertTrue(zoneBefore.contains("extra." + domain + ". A 203.0.113.7"), zoneBefore.toString());
        List<String> boxesBefore = mailboxes(user, p.tokenA());
        List<String> forwardersBefore = forwarders(user, p.tokenA(), domain);
        List<String> ftpAndCronBefore = ftpAndCron(user, p.tokenA());
        assertEquals(2, ftpAndCronBefore.size(), ftpAndCronBefore.toString());
        assertEquals(3, boxesBefore.size(), "two mailboxes and the main account: " + boxesBefore);

        start(p.account(), p.tokenA());
        JsonNode row = awaitBackup(p.account(), p.tokenA());
        assertEquals("complete", row.get("status").textValue(), row.toString());
        String file = row.get("file").textValue();
        Path home = Path.of(p.account().home());
        List<String> names = BackupModuleTest.tarList(home.resolve(file));
        String top = file.replace(".tar.gz", "");
        for (String part : List.of("/mysql/" + user + "_shop.sql", "/mysql/" + user + "_blog.create", "/mysql.sql", "/va/" + domain,
                "/homedir/etc/" + domain + "/passwd", "/homedir/public_html/current", "/userdata/main", "/cron/" + user, "/proftpdpasswd")) {
            assertTrue(names.contains(top + part), part + " in " + names);
        }
        Files.createDirectories(BACKUP_DIR);
        Files.copy(home.resolve(file), BACKUP_DIR.resolve(file), StandardCopyOption.REPLACE_EXISTING);

        remove(user);
        assertFalse(Files.exists(home), "removeacct removed the home");
        assertEquals(401, given().header("Authorization", "cpanel " + user + ":" + p.tokenA()).get("/execute/Tokens/list").statusCode());

        // restore under its own name
        JsonNode restored = restore(Map.of("archive", file), 201);
        assertEquals(user, restored.get("username").textValue(), restored.toString());
        assertHome(p, Path.of(p.account().home()));
        for (String db : List.of(user + "_shop", user + "_blog")) {
            assertEquals(List.of("1:first in " + db, "2:ünïcödé ✓"), rows(user + "_app", p.dbPassword(), db), db);
        }
        // the OLD tokens work again
        for (String token : List.of(p.tokenA(), p.tokenB())) {
            JsonNode tokens = Uapi.success(uapiAs(user, token, "Tokens/list", Map.of())).get("data");
            assertEquals(3, tokens.size(), tokens.toString());
            JsonNode gamma = null;
            for (JsonNode t : tokens) {
                gamma = "gamma".equals(t.get("name").textValue()) ? t : gamma;
            }
            assertEquals(0, gamma.get("has_full_access").intValue(), gamma.toString());
            assertEquals("[\"ftpaccts\"]", gamma.get("features").toString());
            assertEquals(1, gamma.get("read_only").intValue());
            assertEquals("[\"127.0.0.1\"]", gamma.get("whitelist_ips").toString());
        }
        Uapi.failure(uapiAs(user, scoped, "Tokens/list", Map.of()), "You do not have the feature “apitokens”.");
        JsonNode restTokens = Fixtures.json(p.account().withPassword().get("/api/v1/tokens").then().statusCode(200).extract().asString());
        for (JsonNode t : restTokens) {
            JsonNode limit = t.get("rate_limit_per_minute");
            if ("gamma".equals(t.get("name").textValue())) {
                assertEquals(50, limit.intValue(), "the rate limit came back: " + t);
            } else {
                assertTrue(limit.isNull(), "no limit came back where there was none: " + t);
            }
        }
        assertEquals(zoneBefore, zone(user, p.tokenB(), domain));
        assertEquals(boxesBefore, mailboxes(user, p.tokenB()));
        assertEquals(forwardersBefore, forwarders(user, p.tokenB(), domain));
        assertEquals(ftpAndCronBefore, ftpAndCron(user, p.tokenB()));
        // the account's password is the old one (its hash was restored)
        assertEquals(200, p.account().withPassword().get("/execute/Tokens/list").statusCode());

        // the same archive again, under a new name: its domains belong to the restored account, so it is refused, nothing changed
        String newName = "h5" + Fixtures.randomSuffix(10);
        JsonNode refused = restore(Map.of("archive", file, "username", newName), 409);
        assertEquals("The domain “" + domain + "” belongs to the account “" + user + "”: the archive cannot be restored while it does. "
                + "Nothing was changed.", refused.get("detail").textValue(), refused.toString());
        asRoot().get("/api/v1/accounts/" + newName).then().statusCode(404);

        // ... and once the domains are free, the archive restores under the new name, from a home (another account's)
        remove(user);
        TestAccount holder = account();
        Path holderHome = Path.of(holder.home());
        Files.copy(BACKUP_DIR.resolve(file), holderHome.resolve(file));
        restored = restore(Map.of("archive", "/home/" + holder.username() + "/" + file, "username", newName), 201);
        assertEquals(newName, restored.get("username").textValue(), restored.toString());
        assertEquals(List.of(newName + "_blog", newName + "_shop"), sorted(restored.get("databases")));
        String newHome = Fixtures.homeOf(given().header("Authorization", "cpanel " + newName + ":" + p.tokenA()));
        assertHome(p, Path.of(newHome));
        for (String db : List.of("_shop", "_blog")) {
            assertEquals(List.of("1:first in " + user + db, "2:ünïcödé ✓"), rows(newName + "_app", p.dbPassword(), newName + db), db);
        }
        assertEquals(zoneBefore, zone(newName, p.tokenA(), domain));
        assertEquals(boxesBefore.stream().map(b -> b.equals(user) ? newName : b).sorted().toList(), mailboxes(newName, p.tokenB()));
        // the cron job's path below the home follows the home to the new name
        assertEquals(ftpAndCronBefore.stream().map(l -> l.replace("/home/" + user + "/", "/home/" + newName + "/")).toList(),
                ftpAndCron(newName, p.tokenB()));
        remove(newName);
        remove(holder.username());
    }

    static List<String> sorted(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        out.sort(null);
        return out;
    }

    // ---- unsafe archives ----

    interface Entries {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    static String archive(String name, Entries entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes); TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            entries.write(tar);
            tar.finish();
        }
        Files.createDirectories(BACKUP_DIR);
        Files.write(BACKUP_DIR.resolve(name), bytes.toByteArray());
        return name;
    }

    static void file(TarArchiveOutputStream tar, String name, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name, true); // an absolute name stays absolute
        e.setSize(data.length);
        e.setMode(0100644);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    static void cp(TarArchiveOutputStream tar, String top, String user) throws IOException {
        file(tar, top + "/cp/" + user, "USER=" + user + "\nDNS=" + user + ".example\nCONTACTEMAIL=\n");
    }

    @Test
    void unsafeArchivesAreRefusedAndChangeNothing() throws IOException {
        String user = "h5" + Fixtures.randomSuffix(10);
        String top = "backup-01.01.2026_00-00-00_" + user;
        String traversal = archive("h5-traversal-" + user + ".tar.gz", tar -> {
            cp(tar, top, user);
            file(tar, top + "/homedir/../../../../tmp/h5-escaped-" + user, "out");
        });
        JsonNode refused = restore(Map.of("archive", traversal), 400);
        assertEquals("The archive entry “" + top + "/homedir/../../../../tmp/h5-escaped-" + user + "” leads out of the archive (..).",
                refused.get("detail").textValue(), refused.toString());
        assertEquals("application/problem+json", asRoot().contentType(ContentType.JSON).body(Map.of("archive", traversal))
                .post("/api/v1/accounts/restore").contentType());
        assertFalse(Files.exists(Path.of("/tmp/h5-escaped-" + user)));

        String absolute = archive("h5-absolute-" + user + ".tar.gz", tar -> {
            cp(tar, top, user);
            file(tar, "/tmp/h5-absolute-" + user, "out");
        });
        assertEquals("The archive entry “/tmp/h5-absolute-" + user + "” has an absolute path.",
                restore(Map.of("archive", absolute), 400).get("detail").textValue());

        String outside = archive("h5-outside-" + user + ".tar.gz", tar -> {
            cp(tar, top, user);
            file(tar, "elsewhere/file", "out");
        });
        assertTrue(restore(Map.of("archive", outside), 400).get("detail").textValue().contains("outside the archive's top directory"));

        // a symbolic link out of the home is left out (listed), the rest restores; a file written "through" it stays in the archive
        String links = archive("h5-links-" + user + ".tar.gz", tar -> {
            cp(tar, top, user);
            TarArchiveEntry dir = new TarArchiveEntry(top + "/homedir/public_html/");
            dir.setMode(040755);
            tar.putArchiveEntry(dir);
            tar.closeArchiveEntry();
            TarArchiveEntry link = new TarArchiveEntry(top + "/homedir/public_html/etc", TarConstants.LF_SYMLINK);
            link.setLinkName("../../../../../etc");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            TarArchiveEntry abs = new TarArchiveEntry(top + "/homedir/passwd", TarConstants.LF_SYMLINK);
            abs.setLinkName("/etc/passwd");
            tar.putArchiveEntry(abs);
            tar.closeArchiveEntry();
            file(tar, top + "/homedir/public_html/index.html", "ok");
        });
        JsonNode restored = restore(Map.of("archive", links), 201);
        String warnings = restored.get("warnings").toString();
        assertTrue(warnings.contains("homedir/public_html/etc (a symbolic link to ../../../../../etc, which leads out of the home directory)"),
                warnings);
        assertTrue(warnings.contains("homedir/passwd (a symbolic link to /etc/passwd, which leads out of the home directory)"), warnings);
        assertTrue(warnings.contains("The archive holds no password hash (shadow): set a password for the account."), warnings);
        String home = Fixtures.homeOf(given().header("Authorization", "cpanel " + user + ":" + token(user)));
        assertEquals("ok", Files.readString(Path.of(home, "public_html/index.html")));
        assertFalse(Files.exists(Path.of(home, "public_html/etc"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(Path.of(home, "passwd"), LinkOption.NOFOLLOW_LINKS));
        remove(user);

        // not on the backup volume, nor in a home
        assertEquals(400, asRoot().contentType(ContentType.JSON).body(Map.of("archive", "/etc/passwd")).post("/api/v1/accounts/restore")
                .statusCode());
        assertEquals(404, asRoot().contentType(ContentType.JSON).body(Map.of("archive", "h5-missing.tar.gz")).post("/api/v1/accounts/restore")
                .statusCode());
        // only root restores
        assertEquals(401, given().contentType(ContentType.JSON).body(Map.of("archive", links)).post("/api/v1/accounts/restore").statusCode());
    }

    /**
     * A feature added after an archive was made is given on restore, as its migration gave it to every account; one
     * taken away stays away. An archive that does not say which features its release knew gets its list as it is, and a
     * warning.
     */
    @Test
    void featuresAddedSinceTheArchiveAreGivenAndOnesTakenAwayAreNot() throws IOException {
        String user = "h6" + Fixtures.randomSuffix(10);
        String top = "backup-01.01.2026_00-00-00_" + user;
        List<String> added = List.of("backup", "indexmanager", "webprotect");
        String knownThen = String.join(",", dev.openuapi.feature.FeatureCatalog.names().stream().filter(f -> !added.contains(f)).toList());
        String marked = archive("h6-marked-" + user + ".tar.gz", tar -> file(tar, top + "/cp/" + user, "USER=" + user + "\nDNS=" + user
                + ".example\nCONTACTEMAIL=\nOPENUAPI_FEATURES=apitokens,filemanager,zoneedit\nOPENUAPI_KNOWN_FEATURES=" + knownThen + "\n"));
        JsonNode restored = restore(Map.of("archive", marked), 201);
        assertFalse(restored.get("warnings").toString().contains("features existed"), restored.toString());
        assertEquals(List.of("apitokens", "backup", "filemanager", "indexmanager", "webprotect", "zoneedit"), features(user),
                "mysql and the rest were taken away before the archive was made, and stay away");
        remove(user);

        String unmarked = archive("h6-unmarked-" + user + ".tar.gz", tar -> file(tar, top + "/cp/" + user, "USER=" + user + "\nDNS=" + user
                + ".example\nCONTACTEMAIL=\nOPENUAPI_FEATURES=apitokens,zoneedit\n"));
        restored = restore(Map.of("archive", unmarked), 201);
        assertEquals(List.of("apitokens", "zoneedit"), features(user));
        String warnings = restored.get("warnings").toString();
        assertTrue(warnings.contains("The archive does not say which features existed when it was made, so a feature added since cannot be "
                + "told from one taken away: the account does not have “addondomains”"), warnings);
        assertTrue(warnings.contains("“backup”") && warnings.contains("(PATCH /api/v1/accounts/" + user + " with features)"), warnings);
        remove(user);
    }

    static List<String> features(String user) {
        return sorted(Fixtures.json(asRoot().get("/api/v1/accounts/" + user).then().statusCode(200).extract().asString()).get("features"));
    }

    /** A token for an account the test only knows by name: the operator sets a password, the account makes a token. */
    static String token(String user) {
        String password = "pw-" + Fixtures.randomSuffix(16);
        Fixtures.patchAccount(user, Map.of("password", password));
        return new TestAccount(user, password, user + ".example").newToken();
    }
}
