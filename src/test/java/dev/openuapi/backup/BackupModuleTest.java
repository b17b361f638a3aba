package dev.openuapi.backup;

import static dev.openuapi.support.Fixtures.asRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.JsonShapes;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * UAPI {@code Backup::fullbackup_to_homedir} and {@code Backup::list_backups}, API 2 {@code Backups::listfullbackups}
 * (src/docs/backups.md), compared with cPanel's reference: api-evangelist/cpanel openapi/cpanel-backup-api-openapi.yml and
 * api.docs.cpanel.net (the examples below), cPanel's {@code Cpanel/API/Backup.pm} (errors) and {@code Cpanel/Backups.pm}
 * ({@code _fetchfullbackups}: file, status, time, localtime). Test accounts are named h5….
 */
@QuarkusTest
public class BackupModuleTest {

    /** cPanel's example answer of Backup::fullbackup_to_homedir (api.docs.cpanel.net). */
    static final String FULLBACKUP_EXAMPLE = """
            {"apiversion":3,"func":"fullbackup_to_homedir","module":"Backup","result":{"data":{"pid":"2857"},"errors":null,
            "messages":null,"metadata":{},"status":1,"warnings":null}}""";
    /** cPanel's Backup::list_backups: data is an array of dates ("2014-12-02…"), metadata has cnt (not given here). */
    static final String LIST_BACKUPS_EXAMPLE = "[\"2014-12-02\"]";
    /** cPanel's Backups::listfullbackups row (Cpanel::Backups::_fetchfullbackups). */
    static final String LISTFULLBACKUPS_ROW = "{\"file\":\"backup-12.2.2014_00-00-00_user.tar.gz\",\"status\":\"complete\",\"time\":1417478400,"
            + "\"localtime\":\"Tue Dec  2 00:00:00 2014\"}";

    public static TestAccount account() {
        String username = "h5" + Fixtures.randomSuffix(10);
        String password = "pw-" + Fixtures.randomSuffix(16);
        String domain = username + ".example";
        asRoot().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "domain", domain, "contact_email", "owner@" + domain))
                .post("/api/v1/accounts").then().statusCode(201);
        return new TestAccount(username, password, domain);
    }

    public static String uapi(TestAccount account, String token, String function, Map<String, String> args) {
        return account.withToken(token).formParams(args).post("/execute/" + function).then().statusCode(200).extract().asString();
    }

    public static JsonNode listfullbackups(TestAccount account, String token) {
        String body = account.withToken(token).queryParam("cpanel_jsonapi_apiversion", "2").queryParam("cpanel_jsonapi_module", "Backups")
                .queryParam("cpanel_jsonapi_func", "listfullbackups").get("/json-api/cpanel").then().statusCode(200).extract().asString();
        JsonNode result = Fixtures.json(body).get("cpanelresult");
        assertEquals(1, result.get("event").get("result").intValue(), body);
        return result.get("data");
    }

    /** Starts a backup and returns its pid. */
    public static String start(TestAccount account, String token) {
        JsonNode answer = Uapi.success(uapi(account, token, "Backup/fullbackup_to_homedir", Map.of()));
        return answer.get("data").get("pid").textValue();
    }

    /** Polls listfullbackups until the one backup leaves inprogress; returns its row. */
    public static JsonNode awaitBackup(TestAccount account, String token) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            JsonNode rows = listfullbackups(account, token);
            assertEquals(1, rows.size(), rows.toString());
            JsonNode row = rows.get(0);
            if (!"inprogress".equals(row.get("status").textValue()) || System.nanoTime() > deadline) {
                return row;
            }
            Thread.sleep(200);
        }
    }

    /** Lists an archive with the system's tar: it must pass {@code tar -tzf}. */
    public static List<String> tarList(Path archive) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", "-tzf", archive.toString()).redirectErrorStream(true).start();
        String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, tar.waitFor(), out);
        return List.of(out.split("\n"));
    }

    /** cPanel's Cpanel/API/Backup.pm: {@code _needs_feature => "backup"}; API 2's Backups::listfullbackups needs none. */
    @Test
    void theBackupFeatureIsNeeded() {
        TestAccount alice = account();
        String token = alice.newToken();
        Fixtures.patchAccount(alice.username(), Map.of("features", List.of("apitokens")));
        Uapi.failure(uapi(alice, token, "Backup/list_backups", Map.of()), "You do not have the feature “backup”.");
        Uapi.failure(uapi(alice, token, "Backup/fullbackup_to_homedir", Map.of("homedir", "skip")), "You do not have the feature “backup”.");
        assertTrue(listfullbackups(alice, token).isArray(), "API 2 Backups needs no feature");
        Fixtures.patchAccount(alice.username(), Map.of("features", List.of("apitokens", "backup")));
        Uapi.success(uapi(alice, token, "Backup/list_backups", Map.of()));
    }

    @Test
    void fullbackupAnswersAtOnceAndTheArchiveIsListedCompleteAndPassesTar() throws Exception {
        TestAccount alice = account();
        String token = alice.newToken();
        Path home = Path.of(alice.home());
        Files.writeString(home.resolve("public_html/index.html"), "<h1>hello</h1>");

        String body = uapi(alice, token, "Backup/fullbackup_to_homedir", Map.of("homedir", "include"));
        JsonNode answer = Uapi.success(body);
        JsonShapes.assertSameShape(FULLBACKUP_EXAMPLE, Fixtures.json(
                "{\"apiversion\":3,\"func\":\"fullbackup_to_homedir\",\"module\":\"Backup\",\"result\":" + body + "}"));
        assertTrue(answer.get("data").get("pid").textValue().matches("\\d+"), body);

        JsonNode row = awaitBackup(alice, token);
        assertEquals("complete", row.get("status").textValue(), row.toString());
        JsonShapes.assertSameShape(LISTFULLBACKUPS_ROW, row);
        String file = row.get("file").textValue();
        assertTrue(file.matches("backup-\\d{2}\\.\\d{2}\\.\\d{4}_\\d{2}-\\d{2}-\\d{2}_" + alice.username() + "\\.tar\\.gz"), file);
        Path archive = home.resolve(file);
        assertTrue(Files.isRegularFile(archive));
        assertFalse(Files.exists(home.resolve(file.replace(".tar.gz", ""))), "the marker is gone once the archive is complete");

        String top = file.replace(".tar.gz", "");
        List<String> names = tarList(archive);
        assertTrue(names.contains(top + "/homedir/public_html/index.html"), names.toString());
        assertTrue(names.contains(top + "/cp/" + alice.username()), names.toString());
        assertTrue(names.contains(top + "/shadow"), names.toString());
        assertTrue(names.contains(top + "/api_tokens/cpanel"), names.toString());
        assertTrue(names.contains(top + "/dnszones/" + alice.domain() + ".db"), names.toString());
        assertTrue(names.stream().allMatch(n -> n.startsWith(top + "/")), "one top directory");
        assertTrue(names.stream().noneMatch(n -> n.contains("/homedir/backup-")), "the archive never holds itself");

        // list_backups: cPanel's dates
        JsonNode dates = Uapi.success(uapi(alice, token, "Backup/list_backups", Map.of())).get("data");
        JsonShapes.assertSameShape(LIST_BACKUPS_EXAMPLE, dates);
        String expected = Instant.ofEpochSecond(row.get("time").longValue()).atZone(ZoneId.systemDefault()).toLocalDate().toString();
        assertEquals(List.of(expected), List.of(dates.get(0).textValue()));

        // a second backup leaves the first one out of its homedir/ (names are per second, as cPanel's: a second backup in the
        // same second is refused, so wait for the next one)
        while (System.currentTimeMillis() / 1000 <= row.get("time").longValue()) {
            Thread.sleep(50);
        }
        start(alice, token);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        JsonNode rows;
        do {
            Thread.sleep(200);
            rows = listfullbackups(alice, token);
        } while ((rows.size() < 2 || !"complete".equals(rows.get(rows.size() - 1).get("status").textValue())) && System.nanoTime() < deadline);
        assertEquals(2, rows.size(), rows.toString());
        String second = rows.get(1).get("file").textValue();
        assertTrue(tarList(home.resolve(second)).stream().noneMatch(n -> n.contains("/homedir/backup-")), "earlier backups are left out");
    }

    @Test
    void argumentsThatCannotTakeEffectAreRefused() {
        TestAccount bob = account();
        String token = bob.newToken();
        // cPanel's message (Cpanel::API::Backup: "“[_1]” is not a valid value of “[_2]”. Use [list_or_quoted,_3].")
        Uapi.failure(uapi(bob, token, "Backup/fullbackup_to_homedir", Map.of("homedir", "everything")),
                "“everything” is not a valid value of “homedir”. Use “skip” or “include”.");
        // cPanel's message for an invalid address ("The email address “[_1]” is not valid.")
        Uapi.failure(uapi(bob, token, "Backup/fullbackup_to_homedir", Map.of("email", "not an address")),
                "The email address “not an address” is not valid.");
        // a valid address: this server sends no mail, so the confirmation cannot take effect (OpenUAPI's words)
        Uapi.failure(uapi(bob, token, "Backup/fullbackup_to_homedir", Map.of("email", "bob@example.com")),
                "This server sends no email: the system cannot send a confirmation to “bob@example.com”. Call the function without “email” "
                        + "and poll Backups::listfullbackups for the backup’s status.");
        assertEquals(0, listfullbackups(bob, token).size(), "nothing was started");
    }

    @Test
    void homedirSkipLeavesTheFilesOut() throws Exception {
        TestAccount carol = account();
        String token = carol.newToken();
        Path home = Path.of(carol.home());
        Files.writeString(home.resolve("public_html/secret.txt"), "not in the backup");
        Uapi.success(uapi(carol, token, "Backup/fullbackup_to_homedir", Map.of("homedir", "skip")));
        JsonNode row = awaitBackup(carol, token);
        assertEquals("complete", row.get("status").textValue());
        List<String> names = tarList(home.resolve(row.get("file").textValue()));
        assertTrue(names.stream().noneMatch(n -> n.contains("secret.txt")), names.toString());
    }

    @Test
    void aBackupThatFailsIsNeverListedComplete() throws Exception {
        TestAccount dave = account();
        String token = dave.newToken();
        Path home = Path.of(dave.home());
        // incompressible content near a 2 MB quota: the archive cannot fit beside it, so its write into the home fails
        byte[] noise = new byte[1_400_000];
        new SecureRandom().nextBytes(noise);
        Files.write(home.resolve("noise.bin"), noise);
        plan(dave.username(), 2);
        asRoot().post("/api/v1/accounts/" + dave.username() + "/usage/measure").then().statusCode(200);
        start(dave, token);
        JsonNode row = awaitBackup(dave, token);
        assertEquals("failed", row.get("status").textValue(), row.toString());
        String file = row.get("file").textValue();
        assertFalse(Files.exists(home.resolve(file)), "no archive under the complete name");
        try (var list = Files.list(home)) {
            assertTrue(list.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no partial file is left");
        }
        assertEquals(0, Uapi.success(uapi(dave, token, "Backup/list_backups", Map.of())).get("data").size());
    }

    /** The live examples remove each account right after fullbackup_to_homedir answers: the job must not bring the home back. */
    @Test
    void anAccountRemovedWhileItsBackupRunsStaysRemoved() throws Exception {
        TestAccount fay = account();
        String token = fay.newToken();
        Path home = Path.of(fay.home());
        Files.write(home.resolve("data.bin"), new byte[2_000_000]);
        start(fay, token);
        asRoot().delete("/api/v1/accounts/" + fay.username()).then().statusCode(204);
        for (int i = 0; i < 20; i++) {
            assertFalse(Files.exists(home), "the backup job wrote into the removed account's home");
            Thread.sleep(250);
        }
    }

    @Test
    void aJobThatStoppedProgressingIsListedTimeoutNotComplete() throws Exception {
        TestAccount erin = account();
        String token = erin.newToken();
        Path home = Path.of(erin.home());
        // what a replica killed mid-way leaves: its marker (cPanel's "<word> <start time>" line), no longer touched, and
        // perhaps an archive under the final name that was never finished (cPanel writes it in place)
        String base = "backup-01.02.2026_03-04-05_" + erin.username();
        Path marker = home.resolve(base);
        Files.writeString(marker, "openuapi " + (System.currentTimeMillis() / 1000 - 600) + " 42\n");
        Files.setLastModifiedTime(marker, FileTime.from(Instant.now().minusSeconds(600)));
        Files.write(home.resolve(base + ".tar.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0});
        JsonNode rows = listfullbackups(erin, token);
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("timeout", rows.get(0).get("status").textValue(), rows.toString());
        assertEquals(base + ".tar.gz", rows.get(0).get("file").textValue());
        assertEquals(0, Uapi.success(uapi(erin, token, "Backup/list_backups", Map.of())).get("data").size(), "not a complete backup");
        // a marker still touched is in progress
        Files.setLastModifiedTime(marker, FileTime.from(Instant.now()));
        assertEquals("inprogress", listfullbackups(erin, token).get(0).get("status").textValue());
    }

    @Test
    void theFunctionsAreInTheOpenApiDocument() {
        Map<String, Object> paths = io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        for (String path : List.of("/execute/Backup/fullbackup_to_homedir", "/execute/Backup/list_backups",
                "/json-api/cpanel;module=Backups;func=listfullbackups", "/api/v1/accounts/restore")) {
            assertTrue(paths.containsKey(path), path + " is documented");
        }
    }

    static void plan(String username, long diskQuotaMb) {
        String name = "h5-plan-" + Fixtures.randomSuffix(8);
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("disk_quota_mb", diskQuotaMb);
        asRoot().contentType(ContentType.JSON).body(body).post("/api/v1/plans").then().statusCode(201);
        asRoot().contentType(ContentType.JSON).body(Map.of("plan", name)).put("/api/v1/accounts/" + username + "/plan").then().statusCode(200);
    }

    static List<String> names(JsonNode rows, String key) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.get(key).textValue()));
        return out;
    }
}
