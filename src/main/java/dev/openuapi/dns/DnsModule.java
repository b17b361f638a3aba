package dev.openuapi.dns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openuapi.common.ApiException;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Shape;

/** UAPI {@code DNS}: the zone as parsed lines (base64 fields) and atomic batch edits guarded by the serial. */
@ApplicationScoped
public class DnsModule implements ApiModule {

    private static final Param ZONE = Param.of("zone", ParamType.DOMAIN, "The zone (one of the account's domains).")
            .required().example("example.com");

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
    public Optional<String> feature() {
        return Optional.of(ZoneEditModule.FEATURE);
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(
                ApiFunction.named("parse_zone")
                        .summary("Parse a zone into lines")
                        .description("Returns every line of the zone file. Names, text and record data are base64-encoded; "
                                + "line_index is 0-based and is what mass_edit_zone takes.")
                        .param(ZONE)
                        .returns(Shape.arrayOf("The zone file's lines.", Shape.object("A line.")
                                .field("type", Shape.string("record, control or comment."))
                                .field("line_index", Shape.integer("0-based line number."))
                                .field("dname_b64", Shape.string("record: the owner name, base64."))
                                .field("record_type", Shape.string("record: A, MX, TXT, …"))
                                .field("ttl", Shape.integer("record: the TTL."))
                                .field("data_b64", Shape.arrayOf("record: the data parts, each base64.", Shape.string("A part.")))
                                .field("text_b64", Shape.string("control and comment: the text, base64."))
                                .build()))
                        .handledBy(this::parseZone),
                ApiFunction.named("mass_edit_zone")
                        .summary("Add, edit and remove records in one change")
                        .description("Applies every edit, removal and addition in one transaction with one serial bump. Fails as "
                                + "a whole, changing nothing, when serial is stale or any item is invalid.")
                        .param(ZONE)
                        .param(Param.of("serial", ParamType.INTEGER, "The zone's current SOA serial (from parse_zone).").required())
                        .param(Param.string("add", "A record to add, as JSON: {\"dname\",\"ttl\",\"record_type\",\"data\":[…]}. Repeatable.")
                                .multiple().example("{\"dname\":\"www\",\"ttl\":300,\"record_type\":\"A\",\"data\":[\"192.0.2.10\"]}"))
                        .param(Param.string("edit", "A record to replace, as JSON with its line_index. Repeatable.").multiple())
                        .param(Param.of("remove", ParamType.INTEGER, "The line_index of a record to remove. Repeatable.").multiple())
                        .returns(Shape.object("The outcome.").field("new_serial", Shape.string("The SOA serial after the change.")).build())
                        .handledBy(this::massEditZone));
    }

    private Object parseZone(Call call) {
        ZoneService.ZoneView view = zones.view(call.principal().username(), call.args().get("zone"));
        List<String> lines = view.lines();
        List<Map<String, Object>> parsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> line = new LinkedHashMap<>();
            int recordIndex = i - ZoneService.HEADER_LINES;
            if (recordIndex < 0) {
                line.put("type", lines.get(i).startsWith(";") ? "comment" : "control");
                line.put("line_index", i);
                line.put("text_b64", b64(lines.get(i)));
            } else {
                ZoneRecord record = view.records().get(recordIndex);
                line.put("type", "record");
                line.put("line_index", i);
                line.put("dname_b64", b64(record.name() + "."));
                line.put("record_type", record.type());
                line.put("ttl", record.ttl());
                line.put("data_b64", dataParts(record).stream().map(DnsModule::b64).toList());
            }
            parsed.add(line);
        }
        return parsed;
    }

    private Object massEditZone(Call call) {
        Map<Integer, ZoneService.RecordInput> edits = new LinkedHashMap<>();
        for (String raw : call.args().getMultiple("edit")) {
            JsonNode item = item(raw, "edit");
            JsonNode index = item.get("line_index");
            if (index == null || !index.canConvertToInt() || index.asInt() < 0) {
                throw ApiException.invalid("Each “edit” needs a “line_index”.");
            }
            edits.put(index.asInt(), input(item));
        }
        List<Integer> removes = new ArrayList<>();
        for (String raw : call.args().getMultiple("remove")) {
            if (!raw.matches("\\d{1,9}")) {
                throw ApiException.invalid("“" + raw + "” is not a valid line index.");
            }
            removes.add(Integer.parseInt(raw));
        }
        List<ZoneService.RecordInput> adds = new ArrayList<>();
        for (String raw : call.args().getMultiple("add")) {
            adds.add(input(item(raw, "add")));
        }
        String serial = zones.massEdit(call.principal().username(), call.args().get("zone"), call.args().get("serial"), edits, removes, adds);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("new_serial", serial);
        return data;
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
        throw ApiException.invalid("Each “" + kind + "” must be a JSON object.");
    }

    /** Maps mass_edit_zone's {@code data} array onto the per-type fields ZoneEdit uses. */
    private static ZoneService.RecordInput input(JsonNode item) {
        String type = text(item.get("record_type"));
        List<String> data = new ArrayList<>();
        JsonNode array = item.get("data");
        if (array != null && array.isArray()) {
            array.forEach(part -> data.add(part.isValueNode() ? part.asText() : part.toString()));
        }
        String[] names = switch (type == null ? "" : type.toUpperCase()) {
            case "A", "AAAA" -> new String[] { "address" };
            case "CNAME" -> new String[] { "cname" };
            case "NS" -> new String[] { "nsdname" };
            case "MX" -> new String[] { "preference", "exchange" };
            case "SRV" -> new String[] { "priority", "weight", "port", "target" };
            case "CAA" -> new String[] { "flag", "tag", "value" };
            default -> new String[0];
        };
        Map<String, String> fields = new HashMap<>();
        if ("TXT".equalsIgnoreCase(type)) {
            fields.put("txtdata", String.join("", data));
        }
        for (int i = 0; i < names.length && i < data.size(); i++) {
            fields.put(names[i], data.get(i));
        }
        return new ZoneService.RecordInput(type, text(item.get("dname")), text(item.get("ttl")), fields::get);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** A record's data as zone-file parts: host names with their trailing dots, TXT as its strings. */
    private static List<String> dataParts(ZoneRecord record) {
        Map<String, Object> fields = RecordCodec.fields(record);
        return switch (record.type()) {
            case "A", "AAAA" -> List.of(record.content());
            case "CNAME", "NS" -> List.of(record.content() + ".");
            case "MX" -> List.of(String.valueOf(fields.get("preference")), fields.get("exchange") + ".");
            case "SRV" -> List.of(String.valueOf(fields.get("priority")), String.valueOf(fields.get("weight")),
                    String.valueOf(fields.get("port")), fields.get("target") + ".");
            case "CAA" -> List.of(String.valueOf(fields.get("flag")), String.valueOf(fields.get("tag")), String.valueOf(fields.get("value")));
            case "TXT" -> RecordCodec.txtStrings(record.content());
            case "SOA" -> {
                String[] parts = record.content().split(" ");
                List<String> soa = new ArrayList<>(List.of(parts));
                soa.set(0, parts[0] + ".");
                soa.set(1, parts[1] + ".");
                yield soa;
            }
            default -> List.of(record.content());
        };
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
