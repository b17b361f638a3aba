package dev.openuapi.face.whm1;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.ListTransform;
import dev.openuapi.kernel.Outcome;

/**
 * WHM API 1's reply (spec §10.1): {@code {"metadata":{command,version,result,reason},"data":…}}, with
 * {@code data} left out when the function returns nothing, after WHM's own syntax for the shared list
 * operations: {@code api.filter.enable=1} with {@code api.filter.<id>.field/type/arg0},
 * {@code api.sort.enable=1} with {@code api.sort.<id>.field/method/reverse}, {@code api.chunk.enable=1} with
 * {@code start}/{@code size}, and {@code api.columns.enable=1} with {@code api.columns.<id>}. They apply to the
 * one list inside {@code data} (such as {@code data.acct}).
 */
public final class WhmResult {

    static final int DEFAULT_CHUNK = 20;

    private WhmResult() {
    }

    /** The reply to a call that never reached a function (a request WHM API 1 cannot read, say). */
    public static Map<String, Object> failure(String function, String reason) {
        return of(function, Outcome.failed(reason), Args.empty());
    }

    /** @param args the request's arguments, {@code api.*} included */
    public static Map<String, Object> of(String function, Outcome outcome, Args args) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("command", function);
        metadata.put("version", 1);
        metadata.put("result", outcome.ok() ? 1 : 0);
        metadata.put("reason", outcome.ok() ? "OK" : outcome.errors().get(0));
        Object data = outcome.ok() ? outcome.data() : null;
        if (data instanceof Map<?, ?> map && map.size() == 1 && map.values().iterator().next() instanceof List<?> rows) {
            ListTransform.Spec spec = spec(args);
            if (!spec.isEmpty()) {
                data = transform(String.valueOf(map.keySet().iterator().next()), rows, spec, metadata);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("metadata", metadata);
        if (data != null) {
            body.put("data", data);
        }
        return body;
    }

    /** Filters, sorts, chunks and projects the rows; says what it did in {@code metadata}. Null data on failure. */
    private static Map<String, Object> transform(String key, List<?> rows, ListTransform.Spec spec, Map<String, Object> metadata) {
        ListTransform.Result result = ListTransform.apply(rows, spec);
        if (result.error() != null) {
            metadata.put("result", 0);
            metadata.put("reason", result.error());
            return null;
        }
        if (!spec.filters().isEmpty()) {
            long filtered = result.paginate() == null ? result.rows().size() : ((Number) result.paginate().get("total_results")).longValue();
            metadata.put("filter", Map.of("filtered", filtered));
        }
        if (result.paginate() != null) {
            Map<String, Object> p = result.paginate();
            Map<String, Object> chunkInfo = new LinkedHashMap<>();
            chunkInfo.put("start", p.get("start_result"));
            chunkInfo.put("current", p.get("current_page"));
            chunkInfo.put("size", p.get("results_per_page"));
            chunkInfo.put("chunks", p.get("total_pages"));
            chunkInfo.put("records", p.get("total_results"));
            metadata.put("chunk", chunkInfo);
        }
        if (!result.messages().isEmpty()) {
            metadata.put("output", Map.of("messages", result.messages()));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(key, result.rows());
        return data;
    }

    private static ListTransform.Spec spec(Args args) {
        List<String> columns = new ArrayList<>();
        if (args.isTrue("api.columns.enable")) {
            args.asMap().forEach((key, value) -> {
                if (key.startsWith("api.columns.") && !key.equals("api.columns.enable") && value != null && !value.isEmpty()) {
                    columns.add(value);
                }
            });
        }
        List<ListTransform.Filter> filters = new ArrayList<>();
        if (args.isTrue("api.filter.enable")) {
            for (String id : ids(args, "api.filter.", ".field")) {
                filters.add(new ListTransform.Filter(args.get("api.filter." + id + ".field"),
                        args.getOrDefault("api.filter." + id + ".type", "contains"), args.get("api.filter." + id + ".arg0")));
            }
        }
        List<ListTransform.Sort> sorts = new ArrayList<>();
        if (args.isTrue("api.sort.enable")) {
            for (String id : ids(args, "api.sort.", ".field")) {
                sorts.add(new ListTransform.Sort(args.get("api.sort." + id + ".field"),
                        args.getOrDefault("api.sort." + id + ".method", "lexicographic"), args.getOrDefault("api.sort." + id + ".reverse", "")));
            }
        }
        boolean chunk = args.isTrue("api.chunk.enable");
        long size = chunk ? Math.max(1, (long) ListTransform.number(args.getOrDefault("api.chunk.size", String.valueOf(DEFAULT_CHUNK)))) : 0;
        return new ListTransform.Spec(columns, filters, sorts, chunk, (long) ListTransform.number(args.getOrDefault("api.chunk.start", "1")),
                size);
    }

    /** The ids of {@code prefix<id>suffix} keys, in order. */
    private static List<String> ids(Args args, String prefix, String suffix) {
        TreeSet<String> ids = new TreeSet<>();
        for (String key : args.asMap().keySet()) {
            if (key.startsWith(prefix) && key.endsWith(suffix) && key.length() > prefix.length() + suffix.length()) {
                ids.add(key.substring(prefix.length(), key.length() - suffix.length()));
            }
        }
        return new ArrayList<>(ids);
    }
}
