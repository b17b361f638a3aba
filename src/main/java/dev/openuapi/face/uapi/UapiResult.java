package dev.openuapi.face.uapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.ListTransform;
import dev.openuapi.kernel.Outcome;

/**
 * The UAPI result envelope (spec §6.1): exactly six keys. {@code errors}, {@code warnings} and
 * {@code messages} are {@code null}, not {@code []}, when empty; {@code data} is always present.
 */
public final class UapiResult {

    private final boolean ok;
    private final List<String> errors;
    private final List<String> warnings;
    private final List<String> messages;
    private final Map<String, Object> metadata;
    private final Object data;

    private UapiResult(boolean ok, List<String> errors, List<String> warnings, List<String> messages,
            Map<String, Object> metadata, Object data) {
        this.ok = ok;
        this.errors = errors;
        this.warnings = warnings;
        this.messages = messages;
        this.metadata = metadata;
        this.data = data;
    }

    public static UapiResult success(Object data, List<String> warnings, List<String> messages) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (data instanceof List) {
            metadata.put("transformed", 1); // cPanel marks every array result, even with no api.* arguments
        }
        return new UapiResult(true, List.of(), warnings, messages, metadata, data);
    }

    /**
     * The envelope of a function's outcome, with UAPI's post-processing (spec §7: {@code api.columns_*},
     * {@code api.filter_*}, {@code api.sort_*}, {@code api.paginate_*}) applied to array data. No function
     * does this itself.
     */
    public static UapiResult of(Outcome outcome, Args args) {
        if (!outcome.ok()) {
            return new UapiResult(false, outcome.errors(), outcome.warnings(), outcome.messages(), new LinkedHashMap<>(), null);
        }
        if (!outcome.errors().isEmpty()) {
            // a function that failed part-way but still has data to show (Batch::strict's results so far)
            return new UapiResult(false, outcome.errors(), outcome.warnings(), outcome.messages(), new LinkedHashMap<>(), outcome.data());
        }
        if (!(outcome.data() instanceof List<?> rows)) {
            return success(outcome.data(), outcome.warnings(), outcome.messages());
        }
        ListTransform.Spec spec = ListTransform.parse(args, "api.", false);
        if (spec.isEmpty()) {
            return success(rows, outcome.warnings(), outcome.messages());
        }
        ListTransform.Result transformed = ListTransform.apply(rows, spec);
        List<String> messages = new ArrayList<>(outcome.messages());
        messages.addAll(transformed.messages());
        if (transformed.error() != null) {
            return new UapiResult(false, List.of(transformed.error()), outcome.warnings(), messages, new LinkedHashMap<>(), null);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("transformed", 1);
        if (transformed.recordsBeforeFilter() != null) {
            // cPanel 11.120 puts it at the top level; cPanel's node client reads metadata.filter: give both
            metadata.put("records_before_filter", transformed.recordsBeforeFilter());
            metadata.put("filter", Map.of("records_before_filter", transformed.recordsBeforeFilter()));
        }
        if (transformed.paginate() != null) {
            metadata.put("paginate", transformed.paginate());
        }
        if (!transformed.invalidColumns().isEmpty()) {
            metadata.put("invalid_columns", transformed.invalidColumns());
        }
        return new UapiResult(true, List.of(), outcome.warnings(), messages, metadata, transformed.rows());
    }

    public static UapiResult failure(String error) {
        return new UapiResult(false, List.of(error), List.of(), List.of(), new LinkedHashMap<>(), null);
    }

    public boolean ok() {
        return ok;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ok ? 1 : 0);
        body.put("errors", nullIfEmpty(errors));
        body.put("warnings", nullIfEmpty(warnings));
        body.put("messages", nullIfEmpty(messages));
        body.put("metadata", metadata);
        body.put("data", data);
        return body;
    }

    private static List<String> nullIfEmpty(List<String> list) {
        return list == null || list.isEmpty() ? null : List.copyOf(list);
    }
}
