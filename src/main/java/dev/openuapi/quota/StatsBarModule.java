package dev.openuapi.quota;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ServerIdentity;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;

/**
 * UAPI {@code StatsBar::get_stats} (spec §9.1 row 29): the cPanel sidebar's rows. Usage rows carry
 * count/max (max "unlimited" when the plan sets none) and percentages; server rows carry {@code value}.
 */
@ApplicationScoped
public class StatsBarModule implements ApiModule {

    private final UsageService usage;
    private final ServerIdentity server;

    StatsBarModule(UsageService usage, ServerIdentity server) {
        this.usage = usage;
        this.server = server;
    }

    @Override
    public String name() {
        return "StatsBar";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(ApiFunction.named("get_stats").readsOnly()
                .summary("Return the account's statistics rows")
                .description("display is a |-separated list of: hostname, cpanelversion, diskusage, bandwidthusage, emailaccounts, "
                        + "sqldatabases (or mysqldatabases), ftpaccounts, subdomains, addondomains, parkeddomains. Unknown names are "
                        + "left out.")
                .param(Param.string("display", "The rows wanted, separated by |.").required().example("diskusage|cpanelversion"))
                .returns(Shape.arrayOf("One row per known name, in the order asked.", Shape.object("A row.")
                        .field("name", Shape.string("The display name asked for."))
                        .field("item", Shape.string("What the row shows."))
                        .field("count", Shape.string("Current use."))
                        .field("max", Shape.string("The limit, or unlimited."))
                        .field("percent", Shape.integer("count as a percentage of max (0 when unlimited)."))
                        .field("value", Shape.string("Server rows (hostname, cpanelversion): the value."))
                        .build()))
                .exampleJson("""
                        [{"name":"diskusage","id":"diskusage","item":"Disk Space Usage","module":"Quota","rowtype":"even",\
                        "phrase":"Disk Space Usage","count":"1.75 MB","max":"unlimited","_count":"1.75","_max":"unlimited",\
                        "percent":0,"percent5":0,"percent10":0,"percent20":0,"units":"MB","role":"FileStorage","feature":null,\
                        "is_maxed":0,"_maxed":0,"zeroisunlimited":1},\
                        {"name":"cpanelversion","id":"cpanelversion","item":"cPanel Version","module":"StatsBar","rowtype":"even",\
                        "phrase":"cPanel Version","value":"11.120.0.0","count":"11.120.0.0"}]""")
                .handledBy(this::getStats));
    }

    private Object getStats(Call call) {
        Map<String, UsageService.ResourceUse> byId = new LinkedHashMap<>();
        for (UsageService.ResourceUse use : usage.usages(call.principal())) {
            byId.put(use.id(), use);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String name : call.args().get("display").split("\\|")) {
            String key = name.trim();
            Map<String, Object> row = switch (key) {
                case "hostname" -> valueRow(key, "Server Name", server.hostname());
                case "cpanelversion" -> valueRow(key, "cPanel Version", server.cpanelVersion());
                case "diskusage" -> module(usageRow(key, "Disk Space Usage", byId.get("disk_usage"), "MB", "FileStorage", null), "Quota");
                case "bandwidthusage" -> module(usageRow(key, "Monthly Bandwidth Transfer", byId.get("bandwidth"), "MB", "WebServer",
                        "bandwidth"), "Stats");
                case "emailaccounts" -> usageRow(key, "Email Accounts", byId.get("email_accounts"), "", "MailReceive", "popaccts");
                case "sqldatabases", "mysqldatabases" -> usageRow(key, "Databases", byId.get("mysql_databases"), "", "MySQL", "mysql");
                case "ftpaccounts" -> usageRow(key, "FTP Accounts", byId.get("ftp_accounts"), "", "FTP", "ftpaccts");
                case "subdomains" -> usageRow(key, "Subdomains", byId.get("subdomains"), "", "WebServer", "subdomains");
                case "addondomains" -> usageRow(key, "Addon Domains", byId.get("addon_domains"), "", "WebServer", "addondomains");
                case "parkeddomains" -> usageRow(key, "Aliases", byId.get("parked_domains"), "", "WebServer", "parkeddomains");
                default -> null;
            };
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static Map<String, Object> valueRow(String name, String item, String value) {
        Map<String, Object> row = base(name, item);
        row.put("value", value);
        row.put("count", value);
        return row;
    }

    /**
     * Bytes (disk, bandwidth): {@code _count}/{@code _max} in MB with two decimals, {@code count}/{@code max} for people
     * ("1.75 MB", "1 GB"), as cPanel's rows; counts as they are.
     */
    private static Map<String, Object> usageRow(String name, String item, UsageService.ResourceUse source, String units, String role,
            String feature) {
        long used = source.usage();
        Long maximum = source.maximum();
        boolean bytes = units.equals("MB");
        String rawCount = bytes ? String.format(java.util.Locale.ROOT, "%.2f", used / (double) UsageService.MIB) : String.valueOf(used);
        String rawMax = maximum == null ? "unlimited"
                : bytes ? String.format(java.util.Locale.ROOT, "%.2f", maximum.longValue() / (double) UsageService.MIB)
                        : String.valueOf(maximum.longValue());
        String count = bytes ? formatBytes(used) : rawCount;
        String max = maximum == null ? "unlimited" : bytes ? formatBytes(maximum.longValue()) : rawMax;
        int percent = maximum == null || maximum.longValue() == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * used / maximum.longValue()));
        boolean maxed = maximum != null && used >= maximum.longValue();
        Map<String, Object> row = base(name, item);
        row.put("count", count);
        row.put("max", max);
        row.put("_count", rawCount);
        row.put("_max", rawMax);
        row.put("percent", percent);
        row.put("percent5", Math.round(percent / 5.0) * 5);
        row.put("percent10", Math.round(percent / 10.0) * 10);
        row.put("percent20", Math.round(percent / 20.0) * 20);
        row.put("units", units);
        row.put("role", role);
        row.put("feature", feature);
        row.put("is_maxed", maxed ? 1 : 0);
        row.put("_maxed", maxed ? 1 : 0);
        row.put("zeroisunlimited", 1);
        return row;
    }

    private static Map<String, Object> module(Map<String, Object> row, String module) {
        row.put("module", module);
        return row;
    }

    /** cPanel's format_bytes: bytes below 1 KB, else the largest unit (1024-based) with up to two decimals ("1.75 MB", "1 GB"). */
    static String formatBytes(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : dev.openuapi.common.ByteSize.inUnits(bytes);
    }

    private static Map<String, Object> base(String name, String item) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("id", name);
        row.put("item", item);
        row.put("module", "StatsBar");
        row.put("rowtype", "even");
        row.put("phrase", item);
        return row;
    }
}
