package dev.openuapi.email;

import static dev.openuapi.support.Fixtures.asRoot;
import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * UAPI Email and API 2 Email (spec §9.1 rows 6-14, §9.2): field names, shapes and the API 2 result/reason rows
 * follow the spec; the error wordings are OpenUAPI's own unless a comment names the source.
 */
@QuarkusTest
class EmailModuleTest {

    static String call(TestAccount account, String token, String function, Map<String, String> args) {
        return account.withToken(token).formParams(args).post("/execute/Email/" + function).then().statusCode(200).extract().asString();
    }

    static JsonNode api2(TestAccount account, String token, String function, Map<String, String> args) {
        String body = account.withToken(token).queryParam("cpanel_jsonapi_module", "Email").queryParam("cpanel_jsonapi_func", function)
                .queryParams(args).get("/json-api/cpanel").then().statusCode(200).extract().asString();
        return Fixtures.json(body).get("cpanelresult");
    }

    @Test
    void mailboxesLifecycle() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode added = Uapi.success(call(alice, token, "add_pop", Map.of("email", "info", "password", "mail-pass-1", "quota", "250")));
        assertEquals("info+" + alice.domain(), added.get("data").textValue());
        String address = "info@" + alice.domain();

        JsonNode pops = Uapi.success(call(alice, token, "list_pops", Map.of())).get("data");
        assertEquals(2, pops.size());
        assertEquals(address, pops.get(0).get("email").textValue());
        assertEquals(0, pops.get(0).get("suspended_login").intValue());
        assertEquals(alice.username(), pops.get(1).get("email").textValue(), "the account's own row comes last");
        assertEquals("Main Account", pops.get(1).get("login").textValue());
        assertEquals(1, Uapi.success(call(alice, token, "list_pops", Map.of("skip_main", "1"))).get("data").size());

        assertEquals(250, Uapi.success(call(alice, token, "get_pop_quota", Map.of("email", address))).get("data").intValue());
        Uapi.success(call(alice, token, "edit_pop_quota", Map.of("email", "info", "domain", alice.domain(), "quota", "unlimited")));
        assertEquals("unlimited", Uapi.success(call(alice, token, "get_pop_quota", Map.of("email", address))).get("data").textValue());

        Uapi.success(call(alice, token, "suspend_login", Map.of("email", address)));
        Uapi.success(call(alice, token, "suspend_incoming", Map.of("email", address)));
        JsonNode disk = Uapi.success(call(alice, token, "list_pops_with_disk", Map.of())).get("data").get(0);
        assertEquals(1, disk.get("suspended_login").intValue());
        assertEquals(1, disk.get("suspended_incoming").intValue());
        assertEquals(0, disk.get("suspended_outgoing").intValue());
        assertEquals(1, disk.get("has_suspended").intValue());
        assertEquals("unlimited", disk.get("diskquota").textValue());
        assertEquals("info", disk.get("user").textValue());
        Uapi.success(call(alice, token, "unsuspend_login", Map.of("email", address)));
        JsonNode unsuspended = Uapi.success(call(alice, token, "list_pops_with_disk", Map.of())).get("data").get(0);
        assertEquals(0, unsuspended.get("suspended_login").intValue(), "the login is back");
        assertEquals(1, unsuspended.get("suspended_incoming").intValue(), "incoming mail stays suspended");
        Uapi.success(call(alice, token, "passwd_pop", Map.of("email", address, "password", "mail-pass-2"))); // MailboxStorageTest checks the hash
        Uapi.success(call(alice, token, "delete_pop", Map.of("email", address)));
        assertEquals(0, Uapi.success(call(alice, token, "list_pops", Map.of("skip_main", "1"))).get("data").size());
    }

    /** The refusals' wordings are OpenUAPI's own, not cPanel's, except where a comment names the source. */
    @Test
    void refusals() {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        String token = alice.newToken();
        Uapi.failure(call(alice, token, "add_pop", Map.of("email", "bad address", "password", "long-enough")),
                "“bad address” is not a valid email account name.");
        Uapi.failure(call(alice, token, "add_pop", Map.of("email", "x@" + bob.domain(), "password", "long-enough")),
                "The domain “" + bob.domain() + "” does not belong to this account.");
        Uapi.failure(call(alice, token, "add_pop", Map.of("email", "x", "password", "short")), "The password must be at least 8 characters long.");
        Uapi.failure(call(alice, token, "add_pop", Map.of("email", "x")), "The password must be at least 8 characters long.");
        Uapi.success(call(alice, token, "add_pop", Map.of("email", "x", "password", "long-enough")));
        Uapi.failure(call(alice, token, "add_pop", Map.of("email", "X", "password", "long-enough")),
                "The account “x@" + alice.domain() + "” already exists.");
        String bobToken = bob.newToken();
        Uapi.failure(call(bob, bobToken, "delete_pop", Map.of("email", "x@" + alice.domain())),
                "The email account “x@" + alice.domain() + "” does not exist.");
        Uapi.failure(call(alice, token, "list_pops", Map.of("regex", "(")), "“(” is not a valid regular expression (missing closing ): `(`).");
    }

    @Test
    void forwarders() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode added = Uapi.success(call(alice, token, "add_forwarder", Map.of("domain", alice.domain(), "email", "sales", "fwdopt", "fwd",
                "fwdemail", "Boss@Example.NET"))).get("data").get(0);
        assertEquals("sales@" + alice.domain(), added.get("email").textValue());
        assertEquals("boss@example.net", added.get("forward").textValue());
        Uapi.success(call(alice, token, "add_forwarder", Map.of("domain", alice.domain(), "email", "old", "fwdopt", "fail",
                "failmsgs", "Gone")));
        JsonNode list = Uapi.success(call(alice, token, "list_forwarders", Map.of("domain", alice.domain()))).get("data");
        assertEquals(2, list.size());
        assertEquals(":fail: Gone", list.get(0).get("forward").textValue());
        // cPanel's reference (Email::list_forwarders): regex "filters the forwarded address or destination"
        JsonNode byDestination = Uapi.success(call(alice, token, "list_forwarders", Map.of("domain", alice.domain(), "regex", "boss"))).get("data");
        assertEquals(1, byDestination.size(), byDestination.toString());
        assertEquals("sales@" + alice.domain(), byDestination.get(0).get("dest").textValue());
        JsonNode byAddress = Uapi.success(call(alice, token, "list_forwarders", Map.of("domain", alice.domain(), "regex", "^old@"))).get("data");
        assertEquals(1, byAddress.size(), byAddress.toString());
        Uapi.failure(call(alice, token, "add_forwarder", Map.of("domain", alice.domain(), "email", "x", "fwdopt", "teleport")),
                "“teleport” is not a valid “fwdopt”: use fwd, fail, blackhole or pipe."); // OpenUAPI's own wording
        Uapi.failure(call(alice, token, "add_forwarder", Map.of("domain", alice.domain(), "email", "x", "fwdopt", "pipe", "pipefwd", "/bin/sh")),
                "The path “/bin/sh” is outside your home directory."); // OpenUAPI's own wording (Home.path)
        Uapi.success(call(alice, token, "delete_forwarder", Map.of("address", "sales@" + alice.domain(), "forwarder", "boss@example.net")));
        JsonNode left = Uapi.success(call(alice, token, "list_forwarders", Map.of("domain", alice.domain()))).get("data");
        assertEquals(1, left.size(), left.toString());
        assertEquals("old@" + alice.domain(), left.get(0).get("dest").textValue());
        Uapi.failure(call(alice, token, "delete_forwarder", Map.of("address", "sales@" + alice.domain(), "forwarder", "boss@example.net")),
                "The forwarder does not exist."); // OpenUAPI's own wording
    }

    @Test
    void api2ResultReasonRows() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode ok = api2(alice, token, "addpop", Map.of("domain", alice.domain(), "email", "api2", "password", "long-enough", "quota", "10"));
        assertEquals("[{\"result\":1,\"reason\":\"\"}]", ok.get("data").toString());
        JsonNode dup = api2(alice, token, "addpop", Map.of("domain", alice.domain(), "email", "api2", "password", "long-enough"));
        assertEquals(0, dup.get("data").get(0).get("result").intValue());
        assertEquals("The account “api2@" + alice.domain() + "” already exists.", dup.get("data").get(0).get("reason").textValue());
        assertEquals(dup.get("data").get(0).get("reason").textValue(), dup.get("error").textValue());
        assertEquals(2, api2(alice, token, "listpops", Map.of()).get("data").size());
        assertEquals(10, api2(alice, token, "listpopswithdisk", Map.of()).get("data").get(0).get("diskquota").intValue());
        assertEquals("[{\"result\":1,\"reason\":\"\"}]", api2(alice, token, "editquota", Map.of("domain", alice.domain(), "email", "api2",
                "quota", "20")).get("data").toString());
        assertEquals(20, api2(alice, token, "listpopswithdisk", Map.of()).get("data").get(0).get("diskquota").intValue(), "the quota changed");
        assertEquals("[{\"result\":1,\"reason\":\"\"}]", api2(alice, token, "passwdpop", Map.of("domain", alice.domain(), "email", "api2",
                "password", "other-password")).get("data").toString());
        assertEquals("[{\"result\":1,\"reason\":\"OK\"}]", api2(alice, token, "delpop", Map.of("domain", alice.domain(), "email", "api2"))
                .get("data").toString());
    }

    @Test
    void thePlanLimitsMailboxes() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String plan = "mail-" + Fixtures.randomSuffix(8);
        asRoot().contentType(ContentType.JSON).body(Map.of("name", plan, "max_email_accounts", 1)).post("/api/v1/plans").then().statusCode(201);
        asRoot().contentType(ContentType.JSON).body(Map.of("plan", plan)).put("/api/v1/accounts/" + alice.username() + "/plan").then()
                .statusCode(200);
        Uapi.success(call(alice, token, "add_pop", Map.of("email", "one", "password", "long-enough")));
        Uapi.failure(call(alice, token, "add_pop", Map.of("email", "two", "password", "long-enough")),
                "The account has reached its plan’s limit of 1 email accounts.");
        JsonNode usages = Uapi.success(alice.withToken(token).get("/execute/ResourceUsage/get_usages").asString()).get("data");
        boolean seen = false;
        for (JsonNode row : usages) {
            if (row.get("id").textValue().equals("email_accounts")) {
                assertEquals(1, row.get("usage").intValue());
                seen = true;
            }
        }
        assertTrue(seen);
    }

    @Test
    void theMeteringAgentReportsEachMailbox() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        Uapi.success(call(alice, token, "add_pop", Map.of("email", "big", "password", "long-enough", "quota", "100")));
        String address = "big@" + alice.domain();
        String usage = "/api/v1/accounts/" + alice.username() + "/usage";
        asRoot().contentType(ContentType.JSON).body(Map.of("mailboxes", Map.of(address, 25L * 1024 * 1024))).put(usage).then().statusCode(200);
        JsonNode disk = Uapi.success(call(alice, token, "list_pops_with_disk", Map.of())).get("data").get(0);
        assertEquals(25.0, disk.get("diskused").doubleValue());
        assertEquals(25, disk.get("diskusedpercent").intValue());
        asRoot().contentType(ContentType.JSON).body(Map.of("disk_used_bytes", 1L, "mailboxes", Map.of("nobody@" + alice.domain(), 5L)))
                .put(usage).then().statusCode(400).body("detail", org.hamcrest.Matchers.equalTo("The account has no mailbox “nobody@"
                        + alice.domain() + "”."));
        assertEquals(0, Uapi.success(alice.withToken(token).get("/execute/Quota/get_local_quota_info").asString()).get("data")
                .get("bytes_used").intValue(), "a refused report changes nothing");
    }

    /** Spec §7.5's worked example, on real mailboxes. */
    @Test
    void theWorkedExampleOfPostProcessing() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        for (String box : java.util.List.of("info", "info2", "info3", "sales", "admin", "support", "billing", "hello")) {
            Uapi.success(call(alice, token, "add_pop", Map.of("email", box, "password", "long-enough")));
        }
        JsonNode root = Uapi.success(alice.withToken(token).urlEncodingEnabled(false).get("/execute/Email/list_pops?api.filter_column_0=email"
                + "&api.filter_type_0=begins&api.filter_term_0=info&api.sort_column_0=email&api.paginate_start=1&api.paginate_size=2")
                .asString());
        assertEquals("{\"transformed\":1,\"records_before_filter\":9,\"filter\":{\"records_before_filter\":9},\"paginate\":"
                + "{\"total_results\":3,\"total_pages\":2,\"start_result\":1,\"results_per_page\":2,\"current_page\":1}}",
                root.get("metadata").toString());
        assertEquals("[{\"email\":\"info2@" + alice.domain() + "\",\"login\":\"info2@" + alice.domain()
                + "\",\"suspended_incoming\":0,\"suspended_login\":0},{\"email\":\"info3@" + alice.domain() + "\",\"login\":\"info3@"
                + alice.domain() + "\",\"suspended_incoming\":0,\"suspended_login\":0}]", root.get("data").toString(),
                "lexicographic, as Perl's cmp: '2' sorts before '@'");
    }

    /** The {@code data} of a UAPI body exactly as it was written: it is the envelope's last key. */
    static String rawData(String body) {
        Uapi.success(body);
        int at = body.indexOf(",\"data\":");
        assertTrue(at > 0 && body.endsWith("}\n"), body);
        return body.substring(at + ",\"data\":".length(), body.length() - 2);
    }

    /**
     * list_pops_with_disk's row, byte for byte: keys and their order from spec §9.1 row 7 (cPanel's
     * Email::list_pops_with_disk), diskquota a number or "unlimited", humandiskquota "None" and txtdiskquota
     * "unlimited" for no quota (spec). The number formats (diskused 25.0, _diskused in bytes, the percent
     * roundings) are OPENUAPI_CHOICE: today's answer, pinned so that the typed rows keep it.
     */
    @Test
    void listPopsWithDiskRowsOnTheWire() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        long before = java.time.Instant.now().getEpochSecond();
        Uapi.success(call(alice, token, "add_pop", Map.of("email", "big", "password", "long-enough", "quota", "100")));
        Uapi.success(call(alice, token, "add_pop", Map.of("email", "free", "password", "long-enough")));
        long after = java.time.Instant.now().getEpochSecond();
        String d = alice.domain();
        asRoot().contentType(ContentType.JSON).body(Map.of("mailboxes", Map.of("big@" + d, 25L * 1024 * 1024)))
                .put("/api/v1/accounts/" + alice.username() + "/usage").then().statusCode(200);
        Uapi.success(call(alice, token, "suspend_outgoing", Map.of("email", "free@" + d)));
        String body = call(alice, token, "list_pops_with_disk", Map.of());
        JsonNode rows = Uapi.success(body).get("data");
        long bigTime = rows.get(0).get("mtime").longValue();
        long freeTime = rows.get(1).get("mtime").longValue();
        assertTrue(bigTime >= before && bigTime <= after && freeTime >= before && freeTime <= after, body);
        String big = "{\"email\":\"big@" + d + "\",\"login\":\"big@" + d + "\",\"user\":\"big\",\"domain\":\"" + d + "\","
                + "\"diskused\":25.0,\"diskquota\":100,\"_diskused\":26214400,\"_diskquota\":104857600,\"diskusedpercent\":25,"
                + "\"diskusedpercent20\":20,\"diskusedpercent_float\":25.0,\"humandiskused\":\"25.00 MB\",\"humandiskquota\":\"100 MB\","
                + "\"txtdiskquota\":\"100\",\"mtime\":" + bigTime + ",\"has_suspended\":0,\"hold_outgoing\":0,\"suspended_incoming\":0,"
                + "\"suspended_login\":0,\"suspended_outgoing\":0}";
        String free = "{\"email\":\"free@" + d + "\",\"login\":\"free@" + d + "\",\"user\":\"free\",\"domain\":\"" + d + "\","
                + "\"diskused\":0.0,\"diskquota\":\"unlimited\",\"_diskused\":0,\"_diskquota\":0,\"diskusedpercent\":0,"
                + "\"diskusedpercent20\":0,\"diskusedpercent_float\":0.0,\"humandiskused\":\"0.00 MB\",\"humandiskquota\":\"None\","
                + "\"txtdiskquota\":\"unlimited\",\"mtime\":" + freeTime + ",\"has_suspended\":1,\"hold_outgoing\":0,\"suspended_incoming\":0,"
                + "\"suspended_login\":0,\"suspended_outgoing\":1}";
        assertEquals("[" + big + "," + free + "]", rawData(body));
        assertEquals("[" + big + "]", api2(alice, token, "listpopswithdisk", Map.of("regex", "^big")).get("data").toString(),
                "API 2 gives the same rows");
    }

    /**
     * list_pops byte for byte: the mailboxes, then the account's own row last. The order is that of the real cPanel
     * reply quoted in cPanel::APIClient (repository cpanel/p5-cPanel-APIClient, lib/cPanel/APIClient/Request/
     * UAPIFromWHM1.pm: {"email":"mail@proxied.tld","login":"mail@proxied.tld",…} then {"email":"proxied",
     * "login":"Main Account",…}) and of the "Output (JSON)" of cPanel's own documentation page "UAPI Functions -
     * Email::list_pops" (example1@example.com, example2@example.com, then the main account). api.docs.cpanel.net's
     * current example has one mailbox row only, so it says nothing about the order.
     */
    @Test
    void listPopsRowsOnTheWire() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        Uapi.success(call(alice, token, "add_pop", Map.of("email", "info", "password", "long-enough")));
        Uapi.success(call(alice, token, "suspend_incoming", Map.of("email", "info@" + alice.domain())));
        assertEquals("[{\"email\":\"info@" + alice.domain() + "\",\"login\":\"info@" + alice.domain() + "\",\"suspended_incoming\":1,"
                + "\"suspended_login\":0},"
                + "{\"email\":\"" + alice.username() + "\",\"login\":\"Main Account\",\"suspended_incoming\":0,\"suspended_login\":0}]",
                rawData(call(alice, token, "list_pops", Map.of())));
        assertEquals("[{\"email\":\"info@" + alice.domain() + "\",\"login\":\"info@" + alice.domain() + "\",\"suspended_incoming\":1,"
                + "\"suspended_login\":0}]", rawData(call(alice, token, "list_pops", Map.of("skip_main", "1"))));
    }

    /**
     * list_forwarders and add_forwarder rows, byte for byte. Keys and order: cPanel's Email::list_forwarders
     * example ({"dest":"forwarded@example.com","forward":"user@example.com","html_dest":…,"html_forward":…,
     * "uri_dest":"forwarded%40example.com","uri_forward":"user%40example.com"}, api.docs.cpanel.net) and
     * Email::add_forwarder's {domain, email, forward}. The encoding of ':', '|', '/' and ' ' in uri_forward is
     * OPENUAPI_CHOICE (Java's form encoding: a space is '+'), pinned as today's answer.
     */
    @Test
    void forwarderRowsOnTheWire() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String d = alice.domain();
        assertEquals("[{\"domain\":\"" + d + "\",\"email\":\"sales@" + d + "\",\"forward\":\"boss@example.net\"}]",
                rawData(call(alice, token, "add_forwarder", Map.of("domain", d, "email", "sales", "fwdopt", "fwd", "fwdemail", "boss@example.net"))));
        Uapi.success(call(alice, token, "add_forwarder", Map.of("domain", d, "email", "old", "fwdopt", "fail", "failmsgs", "Gone away")));
        Uapi.success(call(alice, token, "add_forwarder", Map.of("domain", d, "email", "robot", "fwdopt", "pipe", "pipefwd", "bin/x.sh")));
        String home = alice.home();
        assertEquals("[{\"dest\":\"old@" + d + "\",\"forward\":\":fail: Gone away\",\"html_dest\":\"old@" + d + "\","
                + "\"html_forward\":\":fail: Gone away\",\"uri_dest\":\"old%40" + d + "\",\"uri_forward\":\"%3Afail%3A+Gone+away\"},"
                + "{\"dest\":\"robot@" + d + "\",\"forward\":\"|" + home + "/bin/x.sh\",\"html_dest\":\"robot@" + d + "\","
                + "\"html_forward\":\"|" + home + "/bin/x.sh\",\"uri_dest\":\"robot%40" + d + "\",\"uri_forward\":\"%7C"
                + java.net.URLEncoder.encode(home, java.nio.charset.StandardCharsets.UTF_8) + "%2Fbin%2Fx.sh\"},"
                + "{\"dest\":\"sales@" + d + "\",\"forward\":\"boss@example.net\",\"html_dest\":\"sales@" + d + "\","
                + "\"html_forward\":\"boss@example.net\",\"uri_dest\":\"sales%40" + d + "\",\"uri_forward\":\"boss%40example.net\"}]",
                rawData(call(alice, token, "list_forwarders", Map.of("domain", d))));
    }

    /** API 2's failed {result,reason} row, byte for byte, and the error beside it (spec §9.2). */
    @Test
    void api2FailureRowOnTheWire() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode refused = api2(alice, token, "passwdpop", Map.of("domain", alice.domain(), "email", "nobody", "password", "long-enough"));
        assertEquals("[{\"result\":0,\"reason\":\"The email account “nobody” does not exist.\"}]", refused.get("data").toString());
        assertEquals("The email account “nobody” does not exist.", refused.get("error").textValue());
    }

    /**
     * html_dest escapes ' as &#39;, as cPanel's Cpanel::Encoder::Tiny::safe_html_encode_str does (its
     * %HTML_ENCODE_MAP: & < > " '), and & as &amp;. Before the one common.Html escaper, Email left ' alone
     * (a deliberate fix). uri_dest's %27 and %26 are Java's form encoding (OPENUAPI_CHOICE).
     */
    @Test
    void htmlDestEscapesTheApostropheAsCpanelDoes() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String d = alice.domain();
        Uapi.success(call(alice, token, "add_forwarder", Map.of("domain", d, "email", "o'neil&co", "fwdopt", "blackhole")));
        assertEquals("[{\"dest\":\"o'neil&co@" + d + "\",\"forward\":\":blackhole:\",\"html_dest\":\"o&#39;neil&amp;co@" + d + "\","
                + "\"html_forward\":\":blackhole:\",\"uri_dest\":\"o%27neil%26co%40" + d + "\",\"uri_forward\":\"%3Ablackhole%3A\"}]",
                rawData(call(alice, token, "list_forwarders", Map.of("domain", d))));
    }

    /** The OpenAPI document describes the typed rows: their keys in the order of the wire, with their types. */
    @Test
    void theOpenApiDocumentDescribesTheRows() {
        JsonNode paths = Fixtures.json(io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString()).get("paths");
        JsonNode row = data(paths, "/execute/Email/list_pops_with_disk").get("items");
        assertEquals(java.util.List.of("email", "login", "user", "domain", "diskused", "diskquota", "_diskused", "_diskquota", "diskusedpercent",
                "diskusedpercent20", "diskusedpercent_float", "humandiskused", "humandiskquota", "txtdiskquota", "mtime", "has_suspended",
                "hold_outgoing", "suspended_incoming", "suspended_login", "suspended_outgoing"), names(row.get("properties")),
                "spec §9.1 row 7's keys, in order");
        assertEquals("number", row.get("properties").get("diskused").get("type").textValue());
        assertEquals("string", row.get("properties").get("diskquota").get("type").textValue(), "a number or unlimited: documented as a string");
        assertEquals("integer", row.get("properties").get("_diskused").get("type").textValue());
        JsonNode forwarder = data(paths, "/execute/Email/list_forwarders").get("items");
        assertEquals(java.util.List.of("dest", "forward", "html_dest", "html_forward", "uri_dest", "uri_forward"), names(forwarder.get("properties")));
        JsonNode result = paths.get("/json-api/cpanel;module=Email;func=addpop").get("get").get("responses").get("200").get("content")
                .get("application/json").get("schema").get("properties").get("cpanelresult").get("properties").get("data").get("items");
        assertEquals(java.util.List.of("result", "reason"), names(result.get("properties")), "API 2's {result, reason} row");
        assertEquals("integer", result.get("properties").get("result").get("type").textValue());
    }

    /** The schema of a UAPI function's data in the OpenAPI document. */
    static JsonNode data(JsonNode paths, String path) {
        return paths.get(path).get("get").get("responses").get("200").get("content").get("application/json").get("schema").get("properties")
                .get("data");
    }

    static java.util.List<String> names(JsonNode object) {
        java.util.List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
