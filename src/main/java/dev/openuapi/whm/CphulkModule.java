package dev.openuapi.whm;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openuapi.auth.ClientAddress;
import dev.openuapi.common.ApiException;
import dev.openuapi.hulk.HulkBlock;
import dev.openuapi.hulk.HulkService;
import dev.openuapi.hulk.HulkSettings;
import dev.openuapi.hulk.IpRange;
import dev.openuapi.hulk.LoginFailure;
import dev.openuapi.hulk.LoginGuard.Kind;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Shape;
import dev.openuapi.operator.Acl;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * WHM API 1's cPHulk functions (api.docs.cpanel.net, "Login Security (cPHulk)"; cPanel's
 * {@code cpanel-cphulk-api-openapi.yml}): status, on and off, settings, the white and black lists, the login
 * history and the brutes. cPanel names no ACL for them; they change a server-wide setting, so they are
 * root-level ({@code all}).
 */
@ApplicationScoped
public class CphulkModule implements ApiModule {

    static final String LIST_NAME = "The list_name parameter must be “white” or “black”.";
    /** cPanel's example for get_cphulk_brutes' times: {@code 2014-12-07T00:00:00.000Z}. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final HulkService hulk;
    private final ClientAddress clientAddress;
    private final CurrentVertxRequest request;
    private final ObjectMapper json;

    CphulkModule(HulkService hulk, ClientAddress clientAddress, CurrentVertxRequest request, ObjectMapper json) {
        this.hulk = hulk;
        this.clientAddress = clientAddress;
        this.request = request;
        this.json = json;
    }

    @Override
    public String name() {
        return WHM;
    }

    @Override
    public String group() {
        return "cPHulk";
    }

    private static Param listName() {
        return Param.string("list_name", "white or black.").required().example("white");
    }

    private static Param skipCheck() {
        return Param.of("skip_enabled_check", ParamType.BOOLEAN, "1: do not fail when cPHulk is disabled.").example("1");
    }

    private static Shape recordsAnswer(String what, boolean batch) {
        Shape.ObjectBuilder shape = Shape.object(what);
        if (!batch) {
            shape.field("comment", Shape.string("The comment given.").orNull());
        }
        shape
                .field("ip_blocks_removed", Shape.integer("Blocks of the added addresses that were removed."))
                .field("ips_added", Shape.arrayOf("The added records, ranges as first-last.", Shape.string("A record.")))
                .field("ips_failed", Shape.mapOf("Why each refused record failed.", Shape.string("The reason.")))
                .field("iptable_bans_removed", Shape.integer("Always 0: OpenUAPI has no firewall."))
                .field("list_name", Shape.string("white or black."))
                .field("requester_ip", Shape.string("The caller's address."))
                .field("requester_ip_is_whitelisted", Shape.integer("1 if the caller's address is on the whitelist."));
        if (batch) {
            shape.field("original_ips_added", Shape.arrayOf("The added records as given.", Shape.string("A record.")));
        }
        return shape.build();
    }

    private static Shape loginRows(String key, String what) {
        return Shape.object(what).field(key, Shape.arrayOf(what, Shape.object("One entry.").field("authservice", Shape.string("The service."))
                .field("exptime", Shape.string("When it stops counting (ISO 8601, UTC).")).field("ip", Shape.string("The address."))
                .field("logintime", Shape.string("When it happened (ISO 8601, UTC).")).field("service", Shape.string("cpaneld or whostmgrd."))
                .field("timeleft", Shape.integer("Minutes left.")).field("user", Shape.string("The username.")).build())).build();
    }

    private static Shape bruteRows(String key, String what) {
        return Shape.object(what).field(key, Shape.arrayOf(what, Shape.object("One blocked address.")
                .field("exptime", Shape.string("When the block ends (ISO 8601, UTC).")).field("ip", Shape.string("The address."))
                .field("logintime", Shape.string("When the block began (ISO 8601, UTC).")).field("notes", Shape.string("Why."))
                .field("timeleft", Shape.integer("Minutes left.")).build())).build();
    }

    /** cPHulk's switch, settings and lists are the server's: their examples run in a test profile of their own. */
    private static final String SERVER_WIDE = "cPHulk's switch, settings and lists are the whole server's";
    /** The address the record examples use (cPanel's example), and its answer's requester part. */
    private static final String RECORD_IP = "192.168.0.1";
    private static final String REQUESTER = "\"requester_ip\":\"10.1.4.228\",\"requester_ip_is_whitelisted\":0";

    @Override
    public List<ApiFunction> functions() {
        Shape config = Shape.object("cPHulk's settings.").field("cphulk_config", Shape.mapOf("Each setting.", Shape.string("Its value."))).build();
        return List.of(
                ApiFunction.named("cphulk_status").whm1().acl(Acl.ROOT).summary("Return login security status")
                        .returns(Shape.object("The status.").field("is_enabled", Shape.integer("1 when cPHulk is on."))
                                .field("service", Shape.string("cPHulk")).build())
                        .exampleJson("{\"is_enabled\":1,\"service\":\"cPHulk\"}")
                        .handledBy(call -> {
                            Map<String, Object> data = new LinkedHashMap<>();
                            data.put("is_enabled", hulk.enabled() ? 1 : 0);
                            data.put("service", "cPHulk");
                            return data;
                        }),
                ApiFunction.named("enable_cphulk").whm1().acl(Acl.ROOT).summary("Enable login security")
                        .example(null).exampleIsolated(SERVER_WIDE) // cPanel's sample answer: metadata only
                        .handledBy(call -> {
                    hulk.setEnabled(true);
                    return null;
                }),
                ApiFunction.named("disable_cphulk").whm1().acl(Acl.ROOT).summary("Disable login security")
                        .example(null).exampleIsolated(SERVER_WIDE) // cPanel's sample answer: metadata only
                        .handledBy(call -> {
                    hulk.setEnabled(false);
                    return null;
                }),
                ApiFunction.named("set_cphulk_config_key").whm1().acl(Acl.ROOT).summary("Update login security configuration settings")
                        .description("Keys that need a firewall, a command runner, a country database or notifications take only an "
                                + "empty value or 0: OpenUAPI has none of those.")
                        .param(Param.string("key", "One of cPanel's keys (" + String.join(", ", HulkSettings.KEYS) + ").").required()
                                .example("max_failures_byip"))
                        .param(Param.string("value", "The new value.").required().example("15")).returns(config)
                        .exampleJson("{\"cphulk_config\":{\"block_brute_force_with_firewall\":0,\"block_excessive_brute_force_with_firewall\":0,"
                                + "\"brute_force_period_mins\":5,\"brute_force_period_sec\":300,\"can_temp_ban_firewall\":0,"
                                + "\"command_to_run_on_brute_force\":\"\",\"command_to_run_on_excessive_brute_force\":\"\","
                                + "\"country_blacklist\":\"\",\"country_whitelist\":\"\",\"ip_based_protection\":1,"
                                + "\"ip_brute_force_period_mins\":15,\"ip_brute_force_period_sec\":900,\"is_enabled\":1,"
                                + "\"lookback_period_min\":360,\"lookback_time\":21600,\"mark_as_brute\":30,\"max_failures\":15,"
                                + "\"max_failures_byip\":15,\"notify_on_brute\":0,\"notify_on_root_login\":0,"
                                + "\"notify_on_root_login_for_known_netblock\":0,\"username_based_protection\":1,"
                                + "\"username_based_protection_for_root\":0,\"username_based_protection_local_origin\":1}}")
                        .exampleIsolated(SERVER_WIDE)
                        .handledBy(call -> Map.of("cphulk_config",
                                hulk.setKey(call.args().get("key"), call.args().get("value")).asCpanelConfig(hulk.hardOff()))),
                ApiFunction.named("read_cphulk_records").whm1().acl(Acl.ROOT).summary("Return login security list records")
                        .param(listName()).param(skipCheck())
                        .returns(Shape.object("The list.").field("ips_in_list", Shape.mapOf("Each record and its comment.", Shape.string("")))
                                .field("list_name", Shape.string("white or black.")).field("requester_ip", Shape.string("The caller's address."))
                                .field("requester_ip_is_whitelisted", Shape.integer("1 if the caller's address is on the whitelist."))
                                .field("warning_ip", Shape.string("Present when the caller's address is not on the whitelist.")).build())
                        .exampleJson("{\"ips_in_list\":{\"" + RECORD_IP + "\":\"George Wendt flying through the air.\"},"
                                + "\"list_name\":\"black\"," + REQUESTER + ",\"warning_ip\":\"The IP address is not on the white list.\"}")
                        // the blacklist, to which only this example adds: the whitelist has the other examples' records
                        .exampleSetup("/json-api/create_cphulk_record?api.version=1&list_name=black&skip_enabled_check=1&ip=" + RECORD_IP
                                + "&comment=George%20Wendt%20flying%20through%20the%20air.")
                        .exampleArgs("list_name=black&skip_enabled_check=1")
                        .exampleIsolated(SERVER_WIDE)
                        .handledBy(this::read),
                ApiFunction.named("create_cphulk_record").whm1().acl(Acl.ROOT).summary("Add login security record to list")
                        .param(Param.string("ip", "An address, CIDR range or first-last range (ip, ip-1, ip-2, …).").multiple().required()
                                .example("192.168.0.2"))
                        .param(listName()).param(Param.string("comment", "A comment (at most 255 characters).")
                                .example("George Wendt flying through the air.")).param(skipCheck())
                        .returns(recordsAnswer("What was added.", false))
                        .exampleJson("{\"comment\":\"George Wendt flying through the air.\",\"ip_blocks_removed\":0,"
                                + "\"ips_added\":[\"192.168.0.2\"],\"ips_failed\":{},\"iptable_bans_removed\":0,\"list_name\":\"white\","
                                + REQUESTER + "}")
                        .exampleIsolated(SERVER_WIDE)
                        .handledBy(this::create),
                ApiFunction.named("batch_create_cphulk_records").whm1().acl(Acl.ROOT)
                        .summary("Add login security record to list with comment")
                        .description("records: a JSON array of {\"ip\": …, \"comment\": …}, in a JSON request body or as a parameter.")
                        .param(listName()).param(Param.string("records", "The records, as a JSON array.").required()
                                .example("[{\"comment\":\"System administrators and support systems.\",\"ip\":\"192.168.1.0/30\"}]"))
                        .param(skipCheck())
                        .returns(recordsAnswer("What was added.", true))
                        .exampleJson("{\"ip_blocks_removed\":0,\"ips_added\":[\"192.168.1.0-192.168.1.3\"],\"ips_failed\":{},"
                                + "\"iptable_bans_removed\":0,\"list_name\":\"white\",\"original_ips_added\":[\"192.168.1.0/30\"]," + REQUESTER + "}")
                        .exampleIsolated(SERVER_WIDE)
                        .handledBy(this::batchCreate),
                ApiFunction.named("delete_cphulk_record").whm1().acl(Acl.ROOT).summary("Remove login security record from list")
                        .param(Param.string("ip", "A record as it was added (ip, ip-1, ip-2, …).").multiple().required()
                                .example("192.168.0.3"))
                        .param(listName()).param(skipCheck())
                        .returns(Shape.object("What was removed.").field("ips_failed", Shape.mapOf("Why.", Shape.string("The reason.")))
                                .field("ips_removed", Shape.arrayOf("The removed records.", Shape.string("A record.")))
                                .field("list_name", Shape.string("white or black.")).field("requester_ip", Shape.string("The caller's address."))
                                .field("requester_ip_is_whitelisted", Shape.integer("1 if the caller's address is on the whitelist.")).build())
                        .exampleJson("{\"ips_failed\":{},\"ips_removed\":[\"192.168.0.3\"],\"list_name\":\"white\"," + REQUESTER + "}")
                        .exampleSetup("/json-api/create_cphulk_record?api.version=1&list_name=white&skip_enabled_check=1&ip=192.168.0.3")
                        .exampleIsolated(SERVER_WIDE)
                        .handledBy(this::delete),
                ApiFunction.named("flush_cphulk_login_history").whm1().acl(Acl.ROOT).summary("Remove all login security records")
                        .returns(Shape.object("How much went.").field("records_removed", Shape.integer("Entries deleted.")).build())
                        .exampleJson("{\"records_removed\":1}").exampleIsolated(SERVER_WIDE)
                        .handledBy(call -> Map.of("records_removed", hulk.flushHistory())),
                ApiFunction.named("flush_cphulk_login_history_for_ips").whm1().acl(Acl.ROOT)
                        .summary("Remove login security IP address block")
                        .param(Param.string("ip", "An address to unblock (ip, ip-1, ip-2, …).").multiple().required().example("192.0.2.100"))
                        .exampleJson("{\"iptable_bans_removed\":0,\"records_removed\":1}").exampleIsolated(SERVER_WIDE)
                        .returns(Shape.object("How much went.").field("iptable_bans_removed", Shape.integer("Always 0: no firewall."))
                                .field("records_removed", Shape.integer("Entries deleted.")).build())
                        .handledBy(call -> {
                            Map<String, Object> data = new LinkedHashMap<>();
                            data.put("iptable_bans_removed", 0);
                            data.put("records_removed", hulk.flushHistoryFor(call.args().getMultiple("ip")));
                            return data;
                        }),
                ApiFunction.named("get_cphulk_brutes").whm1().acl(Acl.ROOT).summary("Return login security brute force attacks")
                        .returns(bruteRows("brutes", "Addresses blocked for too many failures in the IP period."))
                        .exampleJson("{\"brutes\":[" + "{\"exptime\":\"2014-12-07T00:05:00.000Z\",\"ip\":\"192.0.2.100\",\"logintime\":\"2014-12-07T00:00:00.000Z\","
                                + "\"notes\":\"5 login failures from 192.0.2.100\",\"timeleft\":5}" + "]}")
                        .exampleNotLive("only failed logins from a non-loopback address block one, and no API call fails a login")
                        .handledBy(call -> Map.of("brutes", brutes(Kind.IP))),
                ApiFunction.named("get_cphulk_excessive_brutes").whm1().acl(Acl.ROOT)
                        .summary("Return login security excessive brute force attacks")
                        .returns(bruteRows("excessive_brutes", "Addresses blocked as excessive brutes."))
                        // no API call fails a login, so none is blocked here: the rows are get_cphulk_brutes' (see its example)
                        .exampleJson("{\"excessive_brutes\":[]}")
                        .handledBy(call -> Map.of("excessive_brutes", brutes(Kind.EXCESSIVE))),
                ApiFunction.named("get_cphulk_user_brutes").whm1().acl(Acl.ROOT).summary("Return login security brute force attacks by user")
                        .returns(loginRows("user_brutes", "Locked users."))
                        .exampleJson("{\"user_brutes\":[" + "{\"authservice\":\"cpaneld\",\"exptime\":\"2014-12-07T00:05:00.000Z\",\"ip\":\"192.0.2.100\","
                                + "\"logintime\":\"2014-12-07T00:00:00.000Z\",\"service\":\"cpaneld\",\"timeleft\":5,\"user\":\"example\"}" + "]}")
                        .exampleNotLive("only failed logins lock a user, and no API call fails a login")
                        .handledBy(call -> Map.of("user_brutes", userBrutes())),
                ApiFunction.named("get_cphulk_failed_logins").whm1().acl(Acl.ROOT).summary("Return login security failed logins")
                        .returns(loginRows("failed_logins", "Failed logins in the look-back period."))
                        .exampleJson("{\"failed_logins\":[" + "{\"authservice\":\"cpaneld\",\"exptime\":\"2014-12-07T00:05:00.000Z\",\"ip\":\"192.0.2.100\","
                                + "\"logintime\":\"2014-12-07T00:00:00.000Z\",\"service\":\"cpaneld\",\"timeleft\":5,\"user\":\"example\"}" + "]}")
                        .exampleNotLive("only a failed login makes a row, and no API call fails a login")
                        .handledBy(call -> Map.of("failed_logins", failedLogins())));
    }

    private static String list(Call call) {
        String name = call.args().get("list_name");
        if (!"white".equals(name) && !"black".equals(name)) {
            throw ApiException.invalid(LIST_NAME);
        }
        return name;
    }

    private String requester() {
        return clientAddress.of(request.getCurrent().request());
    }

    private Map<String, Object> withRequester(Map<String, Object> data) {
        String ip = requester();
        data.put("requester_ip", ip);
        data.put("requester_ip_is_whitelisted", hulk.isWhitelisted(ip) ? 1 : 0);
        return data;
    }

    private Object read(Call call) {
        String name = list(call);
        hulk.requireEnabled(call.args().isTrue("skip_enabled_check"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ips_in_list", hulk.records(name));
        data.put("list_name", name);
        withRequester(data);
        if (data.get("requester_ip_is_whitelisted").equals(0)) {
            data.put("warning_ip", "The IP address is not on the white list.");
        }
        return data;
    }

    private Object create(Call call) {
        String name = list(call);
        hulk.requireEnabled(call.args().isTrue("skip_enabled_check"));
        String comment = call.args().get("comment");
        Map<String, String> records = new LinkedHashMap<>();
        call.args().getMultiple("ip").forEach(ip -> records.put(ip, comment));
        HulkService.Added added = hulk.addRecords(name, records);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("comment", comment);
        return added(data, name, added, false);
    }

    private Object batchCreate(Call call) {
        String name = list(call);
        hulk.requireEnabled(call.args().isTrue("skip_enabled_check"));
        JsonNode parsed;
        try {
            parsed = json.readTree(call.args().get("records"));
        } catch (JsonProcessingException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isArray()) {
            throw ApiException.invalid("The records parameter must be a JSON array of objects with “ip” and “comment”.");
        }
        Map<String, String> records = new LinkedHashMap<>();
        for (JsonNode record : parsed) {
            JsonNode ip = record.get("ip");
            if (ip == null || !ip.isTextual()) {
                throw ApiException.invalid("Each record needs an “ip”.");
            }
            JsonNode comment = record.get("comment");
            records.put(ip.textValue(), comment == null || comment.isNull() ? null : comment.asText());
        }
        HulkService.Added added = hulk.addRecords(name, records);
        return added(new LinkedHashMap<>(), name, added, true);
    }

    private Map<String, Object> added(Map<String, Object> data, String name, HulkService.Added added, boolean batch) {
        data.put("ip_blocks_removed", added.blocksRemoved());
        data.put("ips_added", added.added().stream().map(IpRange::asFirstLast).toList());
        data.put("ips_failed", added.failed());
        data.put("iptable_bans_removed", 0);
        data.put("list_name", name);
        withRequester(data);
        if (batch) {
            data.put("original_ips_added", added.added().stream().map(IpRange::given).toList());
        }
        return data;
    }

    private Object delete(Call call) {
        String name = list(call);
        hulk.requireEnabled(call.args().isTrue("skip_enabled_check"));
        HulkService.Removed removed = hulk.deleteRecords(name, call.args().getMultiple("ip"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ips_failed", removed.failed());
        data.put("ips_removed", removed.removed());
        data.put("list_name", name);
        return withRequester(data);
    }

    private static long minutesLeft(long until) {
        return Math.max(1, (until - System.currentTimeMillis() + 59_999) / 60_000);
    }

    private List<Map<String, Object>> brutes(Kind kind) {
        hulk.syncNow();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (HulkBlock b : hulk.activeBlocks(kind)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("exptime", TIME.format(Instant.ofEpochMilli(b.blockedUntil)));
            row.put("ip", b.address);
            row.put("logintime", TIME.format(Instant.ofEpochMilli(b.blockedSince)));
            row.put("notes", b.reason);
            row.put("timeleft", minutesLeft(b.blockedUntil));
            rows.add(row);
        }
        return rows;
    }

    private List<Map<String, Object>> userBrutes() {
        hulk.syncNow();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (HulkBlock b : hulk.activeBlocks(Kind.USER)) {
            rows.add(loginRow(b.service, b.blockedUntil, b.address, b.blockedSince, b.username));
        }
        return rows;
    }

    private List<Map<String, Object>> failedLogins() {
        hulk.syncNow();
        long lookback = hulk.current().lookbackSeconds() * 1000;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LoginFailure f : hulk.failedLogins()) {
            rows.add(loginRow(f.service, f.failedAt + lookback, f.address, f.failedAt, f.username));
        }
        return rows;
    }

    private static Map<String, Object> loginRow(String service, long until, String ip, long at, String user) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("authservice", service);
        row.put("exptime", TIME.format(Instant.ofEpochMilli(until)));
        row.put("ip", ip);
        row.put("logintime", TIME.format(Instant.ofEpochMilli(at)));
        row.put("service", service);
        row.put("timeleft", minutesLeft(until));
        row.put("user", user);
        return row;
    }
}
