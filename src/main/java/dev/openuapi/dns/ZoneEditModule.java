package dev.openuapi.dns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Shape;

/**
 * cPanel API 2 {@code ZoneEdit} (spec §9.2), the module ACME DNS-01 clients drive: fetch the zone,
 * add a {@code _acme-challenge} TXT record, find it again with exact-match filters, remove it by line.
 * Changes answer {@code data[0].result.{status,statusmsg,newserial}}; refusals keep that shape with
 * {@code status:0} and never contain {@code newserial}.
 */
@ApplicationScoped
public class ZoneEditModule implements ApiModule {

    public static final String FEATURE = "zoneedit";
    /** fetchzone_records' exact-match filters; lists separated by | (or , except for text) match any. */
    private static final List<String> FILTERS = List.of("line", "name", "type", "class", "ttl", "address", "cname", "txtdata",
            "exchange", "preference", "nsdname", "target");

    private static final Param DOMAIN = Param.of("domain", ParamType.DOMAIN, "The zone (one of the account's domains).")
            .required().example("example.com");
    private static final Param LINE = Param.of("line", ParamType.INTEGER,
            "The record's 1-based line in the zone file, as fetchzone_records reports it (Line is accepted too).").example("8");

    private static final Shape RECORD = Shape.object("A record, with the fields of its type.")
            .field("line", Shape.integer("1-based line in the zone file."))
            .field("Line", Shape.integer("The same as line."))
            .field("name", Shape.string("Owner name, fully qualified with a trailing dot."))
            .field("type", Shape.string("A, AAAA, CNAME, TXT, MX, SRV, CAA, NS or SOA."))
            .field("class", Shape.string("Always IN."))
            .field("ttl", Shape.integer("Time to live in seconds."))
            .field("address", Shape.string("A and AAAA: the address."))
            .field("cname", Shape.string("CNAME: the target."))
            .field("txtdata", Shape.string("TXT: the text."))
            .field("exchange", Shape.string("MX: the mail server."))
            .field("preference", Shape.integer("MX: the preference."))
            .field("record", Shape.string("The record's main value (address, cname, txtdata, exchange, …)."))
            .build();

    private static final Shape CHANGE = Shape.arrayOf("One element.", Shape.object("The outcome.")
            .field("result", Shape.object("status 1 with the zone's new serial, or status 0 with the reason.")
                    .field("status", Shape.integer("1 or 0."))
                    .field("statusmsg", Shape.string("What happened."))
                    .field("newserial", Shape.string("The SOA serial after the change (only on success)."))
                    .build())
            .build());

    private final ZoneService zones;

    ZoneEditModule(ZoneService zones) {
        this.zones = zones;
    }

    @Override
    public String name() {
        return "ZoneEdit";
    }

    @Override
    public Optional<String> feature() {
        return Optional.of(FEATURE);
    }

    @Override
    public List<ApiFunction> functions() {
        List<Param> recordParams = List.of(
                Param.string("name", "Owner name: relative to the zone, or fully qualified (a trailing dot makes it absolute).")
                        .example("_acme-challenge"),
                Param.string("type", "A, AAAA, CNAME, TXT, MX, SRV, CAA or NS.").example("TXT"),
                Param.of("ttl", ParamType.INTEGER, "Seconds; 14400 when omitted.").example("300"),
                Param.string("address", "A/AAAA: the IP address."),
                Param.string("cname", "CNAME: the target host."),
                Param.string("txtdata", "TXT: the text.").example("token-value"),
                Param.string("exchange", "MX: the mail server."),
                Param.of("preference", ParamType.INTEGER, "MX: the preference."),
                Param.of("priority", ParamType.INTEGER, "SRV: the priority."),
                Param.of("weight", ParamType.INTEGER, "SRV: the weight."),
                Param.of("port", ParamType.INTEGER, "SRV: the port."),
                Param.string("target", "SRV: the target host."),
                Param.string("nsdname", "NS: the name server."),
                Param.of("flag", ParamType.INTEGER, "CAA: the flag (0 or 128)."),
                Param.string("tag", "CAA: issue, issuewild or iodef."),
                Param.string("value", "CAA: the value."));
        ApiFunction.Builder add = ApiFunction.named("add_zone_record").api2()
                .summary("Add a DNS record")
                .description("Adds a record to one of the account's zones and bumps the SOA serial.")
                .param(DOMAIN);
        ApiFunction.Builder edit = ApiFunction.named("edit_zone_record").api2()
                .summary("Change a DNS record")
                .description("Replaces the record on a line with the given fields; type and name default to the record's own.")
                .param(DOMAIN).param(LINE);
        recordParams.forEach(add::param);
        recordParams.forEach(edit::param);
        ApiFunction.Builder records = ApiFunction.named("fetchzone_records").api2()
                .summary("List a zone's records, optionally filtered")
                .description("Each filter argument keeps only records whose field equals it exactly; separate alternatives with |.")
                .param(DOMAIN);
        for (String filter : FILTERS) {
            records.param(Param.string(filter, "Keep only records whose " + filter + " equals this."));
        }
        return List.of(
                ApiFunction.named("fetchzones").api2()
                        .summary("Return the account's zones as zone-file lines")
                        .returns(Shape.arrayOf("One element.", Shape.object("The zones.")
                                .field("status", Shape.integer("1."))
                                .field("statusmsg", Shape.string("Zones fetched"))
                                .field("zones", Shape.mapOf("Zone name to its zone-file lines.",
                                        Shape.arrayOf("The lines.", Shape.string("A line."))))
                                .build()))
                        .handledBy(this::fetchZones),
                ApiFunction.named("fetchzone").api2()
                        .summary("Return one zone's records and serial")
                        .param(DOMAIN)
                        .param(Param.of("customonly", ParamType.BOOLEAN, "1: leave out the SOA and the zone's own NS records."))
                        .returns(Shape.arrayOf("One element.", Shape.object("The zone.")
                                .field("status", Shape.integer("1."))
                                .field("statusmsg", Shape.string("Zone Serialized"))
                                .field("serialnum", Shape.string("The SOA serial."))
                                .field("record", Shape.arrayOf("The records.", RECORD))
                                .build()))
                        .handledBy(this::fetchZone),
                records.returns(Shape.arrayOf("The matching records.", RECORD)).handledBy(this::fetchZoneRecords),
                add.returns(CHANGE).handledBy(call -> change(call, "Created the record.",
                        () -> zones.add(call.principal().username(), call.args().get("domain"), input(call.args())))),
                edit.returns(CHANGE).handledBy(call -> change(call, "Updated the record.",
                        () -> zones.edit(call.principal().username(), call.args().get("domain"), line(call.args()), input(call.args())))),
                ApiFunction.named("remove_zone_record").api2()
                        .summary("Remove a DNS record")
                        .description("Removes the record on the given line (as numbered by fetchzone_records) and bumps the serial.")
                        .param(DOMAIN).param(LINE)
                        .returns(CHANGE)
                        .handledBy(call -> change(call, "Removed the record.",
                                () -> zones.remove(call.principal().username(), call.args().get("domain"), line(call.args())))));
    }

    private Object fetchZones(Call call) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (ZoneService.ZoneView view : zones.zones(call.principal().username())) {
            all.put(view.zone().name(), view.lines());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", 1);
        result.put("statusmsg", "Zones fetched");
        result.put("zones", all);
        return List.of(result);
    }

    private Object fetchZone(Call call) {
        ZoneService.ZoneView view = zones.view(call.principal().username(), call.args().get("domain"));
        boolean customOnly = call.args().isTrue("customonly");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : rows(view)) {
            boolean system = "SOA".equals(row.get("type"))
                    || ("NS".equals(row.get("type")) && (view.zone().name() + ".").equals(row.get("name")));
            if (!customOnly || !system) {
                rows.add(row);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", 1);
        result.put("statusmsg", "Zone Serialized");
        result.put("serialnum", view.serial());
        result.put("record", rows);
        return List.of(result);
    }

    private Object fetchZoneRecords(Call call) {
        ZoneService.ZoneView view = zones.view(call.principal().username(), call.args().get("domain"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : rows(view)) {
            if (matchesFilters(row, call.args(), view.zone().name())) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> rows(ZoneService.ZoneView view) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < view.records().size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            int line = ZoneService.ZoneView.lineOf(i);
            row.put("line", line);
            row.put("Line", line);
            row.putAll(RecordCodec.fields(view.records().get(i)));
            rows.add(row);
        }
        return rows;
    }

    /**
     * Every filter given must equal the record's field (one of its |-separated alternatives). A name
     * filter may be fully qualified (with or without the trailing dot) or relative to the zone.
     */
    static boolean matchesFilters(Map<String, Object> row, Args args, String zone) {
        for (String filter : FILTERS) {
            String wanted = args.get(filter);
            if (wanted == null || wanted.isEmpty()) {
                continue;
            }
            Object actual = row.get(filter);
            if (actual == null) {
                return false;
            }
            String separators = filter.equals("txtdata") ? "\\|" : "[|,]";
            boolean any = false;
            for (String alternative : wanted.split(separators, -1)) {
                if (equalsField(filter, String.valueOf(actual), alternative, zone)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalsField(String filter, String actual, String wanted, String zone) {
        return switch (filter) {
            case "name" -> hostKey(actual).equals(ownerKey(wanted, zone));
            case "cname", "exchange", "nsdname", "target" -> hostKey(actual).equals(hostKey(wanted));
            case "type", "class" -> actual.equalsIgnoreCase(wanted.trim());
            default -> actual.equals(wanted);
        };
    }

    private static String ownerKey(String name, String zone) {
        String key = hostKey(name);
        boolean absolute = name.trim().endsWith(".") || key.equals(zone) || key.endsWith("." + zone);
        return absolute ? key : key.equals("@") ? zone : key + "." + zone;
    }

    private static String hostKey(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static ZoneService.RecordInput input(Args args) {
        return new ZoneService.RecordInput(args.get("type"), args.get("name"), args.get("ttl"), args::get);
    }

    private static String line(Args args) {
        String line = args.get("line");
        return line == null || line.isEmpty() ? args.get("Line") : line;
    }

    /** Runs a change and answers in ZoneEdit's shape, success or refusal. */
    private static Object change(Call call, String done, java.util.function.Supplier<String> action) {
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            String serial = action.get();
            result.put("status", 1);
            result.put("statusmsg", done);
            result.put("newserial", serial);
        } catch (ApiException e) {
            result.put("status", 0);
            result.put("statusmsg", e.getMessage());
            call.error(e.getMessage());
        }
        return List.of(Map.of("result", result));
    }
}
