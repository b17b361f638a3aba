package dev.openuapi.face.whm1;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.ListTransform;

/**
 * WHM API 1's own syntax for the shared list operations (spec §10.1): {@code api.filter.enable=1} with
 * {@code api.filter.<id>.field/type/arg0}, {@code api.sort.enable=1} with {@code api.sort.<id>.field/method/reverse},
 * {@code api.chunk.enable=1} with {@code start}/{@code size}, and {@code api.columns.enable=1} with
 * {@code api.columns.<id>}. It applies to the one list inside {@code data} (such as {@code data.acct}).
 */
final class WhmPostProcessing {

    static final int DEFAULT_CHUNK = 20;

    private WhmPostProcessing() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> apply(Map<String, Object> body, Args args) {
        Object data = body.get("data");
        if (!(data instanceof Map<?, ?> map) || map.size() != 1 || !(map.values().iterator().next() instanceof List<?> rows)) {
            return body;
        }
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
        ListTransform.Spec spec = new ListTransform.Spec(columns, filters, sorts, chunk,
                (long) ListTransform.number(args.getOrDefault("api.chunk.start", "1")), size);
        if (spec.isEmpty()) {
            return body;
        }
        ListTransform.Result result = ListTransform.apply(rows, spec);
        Map<String, Object> metadata = (Map<String, Object>) body.get("metadata");
        if (result.error() != null) {
            metadata.put("result", 0);
            metadata.put("reason", result.error());
            body.remove("data");
            return body;
        }
        String key = (String) map.keySet().iterator().next();
        Map<String, Object> newData = new LinkedHashMap<>();
        newData.put(key, result.rows());
        body.put("data", newData);
        if (!filters.isEmpty()) {
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
        return body;
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
