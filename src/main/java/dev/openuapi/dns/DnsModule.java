package dev.openuapi.dns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Shape;

/**
 * UAPI {@code DNS}: the zone as parsed lines (base64 fields) and atomic batch edits guarded by the serial. Each needs
 * the {@code zoneedit} feature; the module's lookups ({@link DnsLookupModule}) do not, so the feature is the functions'.
 */
@ApplicationScoped
public class DnsModule implements ApiModule {

    private static final Param ZONE = Param.of("zone", ParamType.DOMAIN, "The zone (one of the account's domains).")
            .required().example("example.com");
    private static final Param SERIAL = Param.of("serial", ParamType.INTEGER, "The zone's current SOA serial (from parse_zone).")
            .required().example("2026070101");
    private static final Param ADD = Param.string("add",
            "A record to add, as JSON: {\"dname\",\"ttl\",\"record_type\",\"data\":[…]}. Repeatable.").multiple()
            .example("{\"dname\":\"www\",\"ttl\":300,\"record_type\":\"A\",\"data\":[\"192.0.2.10\"]}");
    private static final Param EDIT = Param.string("edit", "A record to replace, as JSON with its line_index. Repeatable.").multiple()
            .example("{\"line_index\":6,\"dname\":\"example.com.\",\"ttl\":14400,\"record_type\":\"A\",\"data\":[\"192.0.2.20\"]}");
    private static final Param REMOVE = Param.of("remove", ParamType.INTEGER, "The line_index of a record to remove. Repeatable.")
            .multiple().example("7");

    private final ZoneService zones;
    private final ObjectMapper json;

    DnsModule(ZoneService zones, ObjectMapper json) {
        this.zones = zones;
        this.json = json;
    }

    @Override
    public String name() {
        return "DNS";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(
                ApiFunction.named("parse_zone").readsOnly().feature(ZoneEditModule.FEATURE)
                        .summary("Parse a zone into lines")
                        .description("Returns every line of the zone file. Names, text and record data are base64-encoded; "
                                + "line_index is 0-based and is what mass_edit_zone takes.")
                        .param(ZONE)
                        .returns(Shape.arrayOf("The zone file's lines.", Shape.of(DnsRows.Line.class)))
                        .exampleJson("""
                                [{"type":"comment","line_index":0,"text_b64":\
                                "OyBjUGFuZWwgZmlyc3Q6MTEuMTIwLjAuMTYgKHVwZGF0ZV90aW1lKToxNzgyODY0MDYwIENwYW5lbDo6Wm9uZUZpbGU6OlZFUlNJT046MS4z\
                                IGhvc3RuYW1lOm9wZW51YXBpIGxhdGVzdDpPcGVuVUFQSQ=="},\
                                {"type":"record","line_index":6,"dname_b64":"ZXhhbXBsZS5jb20u","record_type":"A","ttl":14400,\
                                "data_b64":["MTkyLjAuMi4xMA=="]}]""")
                        .handledBy(this::parseZone),
                ApiFunction.named("mass_edit_zone").changesState().feature(ZoneEditModule.FEATURE)
                        .summary("Add, edit and remove records in one change")
                        .description("Applies every edit, removal and addition in one transaction with one serial bump. Fails as "
                                + "a whole, changing nothing, when serial is stale or any item is invalid.")
                        .param(ZONE)
                        .param(SERIAL)
                        .param(ADD)
                        .param(EDIT)
                        .param(REMOVE)
                        .returns(Shape.of(DnsRows.MassEdit.class))
                        .exampleJson("{\"new_serial\":\"2026070102\"}")
                        .exampleNotLive("serial must be the fresh zone's SOA serial, which changes with the day it is made: "
                                + "DnsLiveExamplesTest reads it with parse_zone first, then proves the example")
                        .exampleSetup("/json-api/cpanel?cpanel_jsonapi_apiversion=2&cpanel_jsonapi_module=ZoneEdit"
                                + "&cpanel_jsonapi_func=add_zone_record&domain=example.com&name=_acme-challenge&type=TXT&txtdata=token-value")
                        .handledBy(this::massEditZone));
    }

    private Object parseZone(Call call) {
        ZoneService.ZoneView view = zones.view(call.principal().username(), ZONE.from(call));
        List<String> lines = view.lines();
        List<DnsRows.Line> parsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int recordIndex = i - ZoneService.HEADER_LINES;
            if (recordIndex < 0) {
                parsed.add(DnsRows.Line.text(lines.get(i).startsWith(";") ? "comment" : "control", i, b64(lines.get(i))));
            } else {
                ZoneRecord record = view.records().get(recordIndex);
                parsed.add(DnsRows.Line.record(i, b64(record.name() + "."), record.type(), record.ttl(),
                        record.data().zoneFields().stream().map(DnsModule::b64).toList()));
            }
        }
        return parsed;
    }

    private Object massEditZone(Call call) {
        Map<Integer, ZoneService.RecordInput> edits = new LinkedHashMap<>();
        for (String raw : EDIT.allFrom(call)) {
            JsonNode item = item(raw, "edit");
            JsonNode index = item.get("line_index");
            if (index == null || !index.canConvertToInt() || index.asInt() < 0) {
                throw ApiException.invalid("Each “edit” needs a “line_index”.");
            }
            edits.put(index.asInt(), input(item));
        }
        List<Integer> removes = new ArrayList<>();
        for (String raw : REMOVE.allFrom(call)) {
            if (!raw.matches("\\d{1,9}")) {
                throw ApiException.invalid(Quote.of(raw) + " is not a valid line index.");
            }
            removes.add(Integer.parseInt(raw));
        }
        List<ZoneService.RecordInput> adds = new ArrayList<>();
        for (String raw : ADD.allFrom(call)) {
            adds.add(input(item(raw, "add")));
        }
        String serial = zones.massEdit(call.principal().username(), ZONE.from(call), SERIAL.from(call), edits, removes, adds);
        return new DnsRows.MassEdit(serial);
    }

    private JsonNode item(String raw, String kind) {
        try {
            JsonNode node = json.readTree(raw);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // fall through to the refusal below
        }
        throw ApiException.invalid("Each " + Quote.of(kind) + " must be a JSON object.");
    }

    /** A mass_edit_zone item ({@code dname}, {@code ttl}, {@code record_type}, positional {@code data}). */
    private static ZoneService.RecordInput input(JsonNode item) {
        List<String> data = new ArrayList<>();
        JsonNode array = item.get("data");
        if (array != null && array.isArray()) {
            array.forEach(part -> data.add(part.isValueNode() ? part.asText() : part.toString()));
        }
        return new ZoneService.RecordInput(text(item.get("record_type")), text(item.get("dname")), text(item.get("ttl")),
                (type, zone) -> data(data, type, zone));
    }

    /**
     * The data of a record of {@code type} from mass_edit_zone's positional parts, in zone-file order (MX:
     * preference, exchange; SRV: priority, weight, port, target; CAA: flag, tag, value; TXT: its strings, joined).
     * A missing part is refused with the name of ZoneEdit's field for it.
     */
    static RecordData data(List<String> data, String type, String zone) {
        return switch (type) {
            case "A" -> RecordData.A.parse(part(data, 0));
            case "AAAA" -> RecordData.Aaaa.parse(part(data, 0));
            case "CNAME" -> RecordData.Cname.parse(part(data, 0), zone);
            case "NS" -> RecordData.Ns.parse(part(data, 0), zone);
            case "TXT" -> RecordData.Txt.parse(String.join("", data));
            case "MX" -> RecordData.Mx.parse(part(data, 0), part(data, 1), zone);
            case "SRV" -> RecordData.Srv.parse(part(data, 0), part(data, 1), part(data, 2), part(data, 3), zone);
            case "CAA" -> RecordData.Caa.parse(part(data, 0), part(data, 1), part(data, 2));
            default -> throw RecordSyntax.unsupportedType(type);
        };
    }

    private static String part(List<String> data, int index) {
        return index < data.size() ? data.get(index) : null;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
