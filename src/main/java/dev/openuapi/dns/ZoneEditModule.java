package dev.openuapi.dns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
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

    /** An example of each fetchzone_records filter, for the documentation account's zone. */
    private static final Map<String, String> FILTER_EXAMPLES = Map.ofEntries(Map.entry("line", "7"), Map.entry("name", "example.com."),
            Map.entry("type", "A"), Map.entry("class", "IN"), Map.entry("ttl", "14400"), Map.entry("address", "192.0.2.10"),
            Map.entry("cname", "www.example.com."), Map.entry("txtdata", "token-value"), Map.entry("exchange", "mail.example.com"),
            Map.entry("preference", "0"), Map.entry("nsdname", "ns1.example.com"), Map.entry("target", "sip.example.com"));
    /** The record the change examples work on: a TXT record on line 8, after the new zone's SOA, two NS and A records. */
    private static final String ADD_TXT = "/json-api/cpanel?cpanel_jsonapi_apiversion=2&cpanel_jsonapi_module=ZoneEdit"
            + "&cpanel_jsonapi_func=add_zone_record&domain=example.com&name=_acme-challenge&type=TXT&ttl=300&txtdata=token-value";
    private static final String CHANGED = "[{\"result\":{\"status\":1,\"statusmsg\":\"%s\",\"newserial\":\"2026070102\"}}]";
    private static final String SOA_ROW = "{\"line\":4,\"Line\":4,\"name\":\"example.com.\",\"type\":\"SOA\",\"class\":\"IN\","
            + "\"ttl\":86400,\"mname\":\"ns1.example.com\",\"rname\":\"hostmaster.example.com\",\"serial\":\"2026070101\","
            + "\"refresh\":3600,\"retry\":1800,\"expire\":1209600,\"minimum\":86400}";

    private static final Param DOMAIN = Param.of("domain", ParamType.DOMAIN, "The zone (one of the account's domains).")
            .required().example("example.com");
    private static final Param LINE = Param.of("line", ParamType.INTEGER,
            "The record's 1-based line in the zone file, as fetchzone_records reports it (Line is accepted too).").example("8");

    /** cPanel's optional guard against acting on a stale view of the zone (Whostmgr::DNS, WHM removezonerecord). */
    private static final Param SERIALNUM = Param.string("serialnum",
            "The zone's serial as fetchzone returned it. If given and the zone has changed since, the call fails "
                    + "with “Zone file changed since last read.” and changes nothing; without it, line numbers refer to the zone as it is now.")
            .example("2026070101");

    private static final Shape RECORD = Shape.of(ZoneEditRows.Record.class);
    private static final Shape CHANGE = Shape.arrayOf("One element.", Shape.of(ZoneEditRows.Change.class));

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
                Param.string("address", "A/AAAA: the IP address.").example("192.0.2.10"),
                Param.string("cname", "CNAME: the target host.").example("www.example.com"),
                Param.string("txtdata", "TXT: the text.").example("token-value"),
                Param.string("exchange", "MX: the mail server.").example("mail.example.com"),
                Param.of("preference", ParamType.INTEGER, "MX: the preference.").example("10"),
                Param.of("priority", ParamType.INTEGER, "SRV: the priority.").example("0"),
                Param.of("weight", ParamType.INTEGER, "SRV: the weight.").example("5"),
                Param.of("port", ParamType.INTEGER, "SRV: the port.").example("5060"),
                Param.string("target", "SRV: the target host.").example("sip.example.com"),
                Param.string("nsdname", "NS: the name server.").example("ns1.example.com"),
                Param.of("flag", ParamType.INTEGER, "CAA: the flag (0 or 128).").example("0"),
                Param.string("tag", "CAA: issue, issuewild or iodef.").example("issue"),
                Param.string("value", "CAA: the value.").example("letsencrypt.org"));
        ApiFunction.Builder add = ApiFunction.named("add_zone_record").api2().changesState()
                .summary("Add a DNS record")
                .description("Adds a record to one of the account's zones and bumps the SOA serial.")
                .param(DOMAIN);
        ApiFunction.Builder edit = ApiFunction.named("edit_zone_record").api2().changesState()
                .summary("Change a DNS record")
                .description("Replaces the record on a line with the given fields; type and name default to the record's own.")
                .param(DOMAIN).param(LINE).param(SERIALNUM);
        recordParams.forEach(add::param);
        recordParams.forEach(edit::param);
        ApiFunction.Builder records = ApiFunction.named("fetchzone_records").api2().readsOnly()
                .summary("List a zone's records, optionally filtered")
                .description("Each filter argument keeps only records whose field equals it exactly; separate alternatives with |.")
                .param(DOMAIN);
        for (String filter : FILTERS) {
            records.param(Param.string(filter, "Keep only records whose " + filter + " equals this.").example(FILTER_EXAMPLES.get(filter)));
        }
        return List.of(
                ApiFunction.named("fetchzones").api2().readsOnly()
                        .summary("Return the account's zones as zone-file lines")
                        .returns(Shape.arrayOf("One element.", Shape.of(ZoneEditRows.Zones.class)))
                        .exampleJson("""
                                [{"status":1,"statusmsg":"Zones fetched","zones":{"example.com":[\
                                "; cPanel first:11.120.0.16 (update_time):1782864060 Cpanel::ZoneFile::VERSION:1.3 hostname:openuapi \
                                latest:OpenUAPI","; Zone file for example.com","$TTL 14400",\
                                "example.com. 86400 IN SOA ns1.example.com. hostmaster.example.com. 2026070101 3600 1800 1209600 86400",\
                                "example.com. 86400 IN NS ns1.example.com.","example.com. 86400 IN NS ns2.example.com.",\
                                "example.com. 14400 IN A 192.0.2.10"]}}]""")
                        .handledBy(this::fetchZones),
                ApiFunction.named("fetchzone").api2().readsOnly()
                        .summary("Return one zone's records and serial")
                        .param(DOMAIN)
                        .param(Param.of("customonly", ParamType.BOOLEAN, "1: leave out the SOA and the zone's own NS records.")
                                .example("0"))
                        .returns(Shape.arrayOf("One element.", Shape.of(ZoneEditRows.ZoneRecords.class)))
                        .exampleJson("[{\"status\":1,\"statusmsg\":\"Zone Serialized\",\"serialnum\":\"2026070101\",\"record\":["
                                + SOA_ROW + "]}]")
                        .handledBy(this::fetchZone),
                records.returns(Shape.arrayOf("The matching records.", RECORD))
                        .exampleJson("""
                                [{"line":7,"Line":7,"name":"example.com.","type":"A","class":"IN","ttl":14400,"address":"192.0.2.10",\
                                "record":"192.0.2.10"}]""")
                        .exampleArgs("domain=example.com&type=A&class=IN&name=example.com.")
                        .handledBy(this::fetchZoneRecords),
                add.returns(CHANGE).exampleJson(CHANGED.formatted("Created the record."))
                        .exampleArgs("domain=example.com&name=_acme-challenge&type=TXT&ttl=300&txtdata=token-value")
                        .handledBy(call -> change(call, "Created the record.",
                        () -> zones.add(call.principal().username(), DOMAIN.from(call), input(call.args())))),
                edit.returns(CHANGE).exampleJson(CHANGED.formatted("Updated the record.")).exampleSetup(ADD_TXT)
                        .exampleArgs("domain=example.com&line=8&name=_acme-challenge&type=TXT&ttl=300&txtdata=new-token-value")
                        .handledBy(call -> change(call, "Updated the record.",
                        () -> zones.edit(call.principal().username(), DOMAIN.from(call), line(call.args()), SERIALNUM.from(call),
                                input(call.args())))),
                ApiFunction.named("remove_zone_record").api2().changesState()
                        .summary("Remove a DNS record")
                        .description("Removes the record on the given line (as numbered by fetchzone_records) and bumps the serial.")
                        .param(DOMAIN).param(LINE).param(SERIALNUM)
                        .returns(CHANGE)
                        .exampleJson(CHANGED.formatted("Removed the record.")).exampleSetup(ADD_TXT).exampleArgs("domain=example.com&line=8")
                        .handledBy(call -> change(call, "Removed the record.",
                                () -> zones.remove(call.principal().username(), DOMAIN.from(call), line(call.args()),
                                        SERIALNUM.from(call)))));
    }

    private Object fetchZones(Call call) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (ZoneService.ZoneView view : zones.zones(call.principal().username())) {
            all.put(view.zone().name(), view.lines());
        }
        return List.of(new ZoneEditRows.Zones(1, "Zones fetched", all));
    }

    private Object fetchZone(Call call) {
        ZoneService.ZoneView view = zones.view(call.principal().username(), DOMAIN.from(call));
        boolean customOnly = call.args().isTrue("customonly");
        List<ZoneEditRows.Record> rows = new ArrayList<>();
        for (ZoneEditRows.Record row : rows(view)) {
            boolean system = "SOA".equals(row.type()) || ("NS".equals(row.type()) && (view.zone().name() + ".").equals(row.name()));
            if (!customOnly || !system) {
                rows.add(row);
            }
        }
        return List.of(new ZoneEditRows.ZoneRecords(1, "Zone Serialized", view.serial(), rows));
    }

    private Object fetchZoneRecords(Call call) {
        ZoneService.ZoneView view = zones.view(call.principal().username(), DOMAIN.from(call));
        List<ZoneEditRows.Record> rows = new ArrayList<>();
        for (ZoneEditRows.Record row : rows(view)) {
            if (matchesFilters(row, call.args(), view.zone().name())) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<ZoneEditRows.Record> rows(ZoneService.ZoneView view) {
        List<ZoneEditRows.Record> rows = new ArrayList<>();
        for (int i = 0; i < view.records().size(); i++) {
            rows.add(ZoneEditRows.Record.of(ZoneService.ZoneView.lineOf(i), view.records().get(i)));
        }
        return rows;
    }

    /**
     * Every filter given must equal the record's field (one of its |-separated alternatives). A name
     * filter may be fully qualified (with or without the trailing dot) or relative to the zone.
     */
    static boolean matchesFilters(ZoneEditRows.Record row, Args args, String zone) {
        for (String filter : FILTERS) {
            String wanted = args.get(filter);
            if (wanted == null || wanted.isEmpty()) {
                continue;
            }
            Object actual = row.field(filter);
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
        return new ZoneService.RecordInput(args.get("type"), args.get("name"), args.get("ttl"), (type, zone) -> data(args, type, zone));
    }

    /** The data of a record of {@code type} from ZoneEdit's named fields ({@code address}, {@code exchange}, …). */
    static RecordData data(Args args, String type, String zone) {
        return switch (type) {
            case "A" -> RecordData.A.parse(args.get("address"));
            case "AAAA" -> RecordData.Aaaa.parse(args.get("address"));
            case "CNAME" -> RecordData.Cname.parse(args.get("cname"), zone);
            case "NS" -> RecordData.Ns.parse(args.get("nsdname"), zone);
            case "TXT" -> RecordData.Txt.parse(args.get("txtdata"));
            case "MX" -> RecordData.Mx.parse(args.get("preference"), args.get("exchange"), zone);
            case "SRV" -> RecordData.Srv.parse(args.get("priority"), args.get("weight"), args.get("port"), args.get("target"), zone);
            case "CAA" -> RecordData.Caa.parse(args.get("flag"), args.get("tag"), args.get("value"));
            default -> throw RecordSyntax.unsupportedType(type);
        };
    }

    /** The 1-based zone-file line the change names ({@code line}, or its alias {@code Line}). */
    private static int line(Args args) {
        String line = args.get("line");
        if (line == null || line.isEmpty()) {
            line = args.get("Line");
        }
        if (line == null || line.isEmpty()) {
            throw ApiException.invalid("You must specify the “line” of the record.");
        }
        if (!line.matches("\\d{1,9}")) {
            throw ApiException.invalid(Quote.of(line) + " is not a valid line number.");
        }
        return Integer.parseInt(line);
    }

    /** Runs a change and answers in ZoneEdit's shape, success or refusal. */
    private static Object change(Call call, String done, java.util.function.Supplier<String> action) {
        ZoneEditRows.Outcome result;
        try {
            result = new ZoneEditRows.Outcome(1, done, action.get());
        } catch (ApiException e) {
            result = new ZoneEditRows.Outcome(0, e.getMessage(), null);
            call.error(e.getMessage());
        }
        return List.of(new ZoneEditRows.Change(result));
    }
}
