package dev.openuapi.ftp;

import static dev.openuapi.support.Fixtures.asRoot;
import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.common.CryptPasswords;
import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * UAPI Ftp: logins on the account's domains, SHA512-CRYPT at rest, directories kept inside the home. Field names and
 * shapes follow spec §9.1 rows 23-27 (MB values as strings, "unlimited"); the error wordings are OpenUAPI's own.
 */
@QuarkusTest
class FtpModuleTest {

    @Inject
    DataSource dataSource;

    static String call(TestAccount account, String token, String function, Map<String, String> args) {
        return account.withToken(token).formParams(args).post("/execute/Ftp/" + function).then().statusCode(200).extract().asString();
    }

    @Test
    void addListChangeAndDelete() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        Uapi.success(call(alice, token, "add_ftp", Map.of("user", "deploy", "pass", "ftp-password-1", "quota", "500")));
        String login = "deploy@" + alice.domain();

        JsonNode list = Uapi.success(call(alice, token, "list_ftp", Map.of())).get("data");
        assertEquals(2, list.size());
        assertEquals("main", list.get(0).get("type").textValue());
        assertEquals(alice.username(), list.get(0).get("user").textValue());
        assertEquals(login, list.get(1).get("user").textValue());
        String home = alice.home();
        assertEquals(home + "/public_html/deploy", list.get(1).get("homedir").textValue());
        assertTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of(home, "public_html", "deploy")), "add_ftp makes the directory");
        assertEquals(1, Uapi.success(call(alice, token, "list_ftp", Map.of("skip_acct_types", "main"))).get("data").size());

        JsonNode disk = Uapi.success(call(alice, token, "list_ftp_with_disk", Map.of("include_acct_types", "sub"))).get("data").get(0);
        assertEquals("500.00", disk.get("diskquota").textValue());
        assertEquals("0.00", disk.get("diskused").textValue());
        assertEquals("public_html/deploy", disk.get("reldir").textValue());

        String stored = hashOf(login);
        assertTrue(stored.startsWith("$6$") && CryptPasswords.matches("ftp-password-1", stored), "SHA512-CRYPT, verifiable by pure-ftpd");
        Uapi.success(call(alice, token, "passwd", Map.of("user", login, "pass", "ftp-password-2")));
        assertTrue(CryptPasswords.matches("ftp-password-2", hashOf(login)));
        Uapi.success(call(alice, token, "set_quota", Map.of("user", "deploy", "quota", "0")));
        Uapi.success(call(alice, token, "set_homedir", Map.of("user", "deploy", "homedir", "sites/./deploy/")));
        disk = Uapi.success(call(alice, token, "list_ftp_with_disk", Map.of("include_acct_types", "sub"))).get("data").get(0);
        assertEquals("unlimited", disk.get("diskquota").textValue());
        assertEquals(home + "/sites/deploy", disk.get("dir").textValue());

        Uapi.success(call(alice, token, "delete_ftp", Map.of("user", "deploy", "domain", alice.domain())));
        assertEquals(1, Uapi.success(call(alice, token, "list_ftp", Map.of())).get("data").size());
    }

    @Test
    void refusals() {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        String token = alice.newToken();
        Uapi.failure(call(alice, token, "add_ftp", Map.of("user", "bad user", "pass", "long-enough")),
                "“bad user” is not a valid FTP user name: use letters, digits, dots, dashes and underscores.");
        Uapi.failure(call(alice, token, "add_ftp", Map.of("user", "u", "pass", "short")), "The password must be at least 8 characters long.");
        Uapi.failure(call(alice, token, "add_ftp", Map.of("user", "u", "pass", "long-enough", "homedir", "../../etc")),
                "The path “../../etc” leads out of your home directory.");
        Uapi.failure(call(alice, token, "add_ftp", Map.of("user", "u", "pass", "long-enough", "homedir", "/etc")),
                "The path “/etc” is outside your home directory.");
        Uapi.failure(call(alice, token, "add_ftp", Map.of("user", "u", "pass", "long-enough", "domain", bob.domain())),
                "The domain “" + bob.domain() + "” does not belong to this account.");
        Uapi.failure(call(alice, token, "add_ftp", Map.of("user", "u", "pass_hash", "$1$md5$nope")),
                "“pass_hash” must be a SHA512-CRYPT hash ($6$…).");
        Uapi.success(call(alice, token, "add_ftp", Map.of("user", "u", "pass_hash", CryptPasswords.sha512Crypt("precomputed"))));
        Uapi.failure(call(alice, token, "add_ftp", Map.of("user", "u", "pass", "long-enough")),
                "The FTP account “u@" + alice.domain() + "” already exists.");
        String bobToken = bob.newToken();
        Uapi.failure(call(bob, bobToken, "delete_ftp", Map.of("user", "u@" + alice.domain())),
                "The FTP account “u@" + alice.domain() + "” does not exist.");
        Uapi.failure(call(alice, token, "passwd", Map.of("user", "nobody", "pass", "long-enough")), "The FTP account “nobody” does not exist.");
    }

    @Test
    void thePlanLimitsFtpAccounts() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String plan = "ftp-" + Fixtures.randomSuffix(8);
        asRoot().contentType(ContentType.JSON).body(Map.of("name", plan, "max_ftp_accounts", 1)).post("/api/v1/plans").then().statusCode(201);
        asRoot().contentType(ContentType.JSON).body(Map.of("plan", plan)).put("/api/v1/accounts/" + alice.username() + "/plan").then()
                .statusCode(200);
        Uapi.success(call(alice, token, "add_ftp", Map.of("user", "one", "pass", "long-enough")));
        Uapi.failure(call(alice, token, "add_ftp", Map.of("user", "two", "pass", "long-enough")),
                "The account has reached its plan’s limit of 1 FTP accounts.");
        JsonNode usages = Uapi.success(alice.withToken(token).get("/execute/ResourceUsage/get_usages").asString()).get("data");
        int seen = 0;
        for (JsonNode row : usages) {
            if (row.get("id").textValue().equals("ftp_accounts")) {
                assertEquals(1, row.get("usage").intValue());
                assertEquals(1, row.get("maximum").intValue());
                seen++;
            }
        }
        assertEquals(1, seen, "one ftp_accounts row: " + usages);
        assertEquals(2, Uapi.success(call(alice, token, "list_ftp", Map.of())).get("data").size(), "main and one: the refused one is not there");
    }

    /**
     * list_ftp and list_ftp_with_disk rows, byte for byte. Keys and order: spec §9.1 rows 23-24 (cPanel's
     * Ftp::list_ftp {user, homedir, type}; Ftp::list_ftp_with_disk, whose MB values are strings with two
     * decimals, diskquota "unlimited", humandiskquota "None"). _diskquota "0" for no quota and
     * humandiskquota "100.00 MB" are OPENUAPI_CHOICE (cPanel documents "0.00" and "477 MB"), pinned as today's
     * answer.
     */
    @Test
    void rowsOnTheWire() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        Uapi.success(call(alice, token, "add_ftp", Map.of("user", "deploy", "pass", "ftp-password-1", "quota", "100")));
        String u = alice.username();
        String login = "deploy@" + alice.domain();
        String home = alice.home();
        asRoot().contentType(ContentType.JSON).body(Map.of("ftp_accounts", Map.of(login, 25L * 1024 * 1024)))
                .put("/api/v1/accounts/" + u + "/usage").then().statusCode(200);
        assertEquals("[{\"user\":\"" + u + "\",\"homedir\":\"" + home + "\",\"type\":\"main\"},{\"user\":\"" + login
                + "\",\"homedir\":\"" + home + "/public_html/deploy\",\"type\":\"sub\"}]",
                rawData(call(alice, token, "list_ftp", Map.of())));
        assertEquals("[{\"login\":\"" + u + "\",\"serverlogin\":\"" + u + "\",\"dir\":\"" + home + "\",\"reldir\":\"\",\"htmldir\":\""
                + home + "\",\"accttype\":\"main\",\"deleteable\":0,\"diskused\":\"0.00\",\"diskquota\":\"unlimited\",\"_diskused\":\"0.00\","
                + "\"_diskquota\":\"0\",\"diskusedpercent\":0,\"diskusedpercent20\":0,\"humandiskused\":\"0.00 MB\",\"humandiskquota\":\"None\"},"
                + "{\"login\":\"" + login + "\",\"serverlogin\":\"" + login + "\",\"dir\":\"" + home + "/public_html/deploy\","
                + "\"reldir\":\"public_html/deploy\",\"htmldir\":\"" + home + "/public_html/deploy\",\"accttype\":\"sub\",\"deleteable\":1,"
                + "\"diskused\":\"25.00\",\"diskquota\":\"100.00\",\"_diskused\":\"25.00\",\"_diskquota\":\"100.00\",\"diskusedpercent\":25,"
                + "\"diskusedpercent20\":20,\"humandiskused\":\"25.00 MB\",\"humandiskquota\":\"100.00 MB\"}]",
                rawData(call(alice, token, "list_ftp_with_disk", Map.of())));
    }

    /** The OpenAPI document describes list_ftp_with_disk's row: its keys in the order of the wire, MB values as strings. */
    @Test
    void theOpenApiDocumentDescribesTheRows() {
        JsonNode row = Fixtures.json(io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString()).get("paths").get("/execute/Ftp/list_ftp_with_disk").get("get").get("responses").get("200")
                .get("content").get("application/json").get("schema").get("properties").get("data").get("items").get("properties");
        java.util.List<String> names = new java.util.ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        assertEquals(java.util.List.of("login", "serverlogin", "dir", "reldir", "htmldir", "accttype", "deleteable", "diskused", "diskquota",
                "_diskused", "_diskquota", "diskusedpercent", "diskusedpercent20", "humandiskused", "humandiskquota"), names,
                "spec §9.1 row 24's keys, in order");
        assertEquals("string", row.get("_diskquota").get("type").textValue());
        assertEquals("integer", row.get("deleteable").get("type").textValue());
    }

    /** The {@code data} of a UAPI body exactly as it was written: it is the envelope's last key. */
    private static String rawData(String body) {
        Uapi.success(body);
        return body.substring(body.indexOf(",\"data\":") + ",\"data\":".length(), body.length() - 2);
    }

    private String hashOf(String login) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT password_hash FROM ftp_account WHERE login = ?")) {
            s.setString(1, login);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
