package dev.openuapi.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * cPanel API 2's {@code cpanelresult} envelope (spec §8.2), with API 2's own filter, sort, paginate and
 * columns arguments ({@code api2_*}, spec §8.3), which, unlike UAPI's, need their switches.
 */
public final class Api2Result {

    private Api2Result() {
    }

    public static Map<String, Object> of(String module, String function, Outcome outcome, Args args) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("apiversion", 2);
        result.put("module", module);
        result.put("func", function);
        if (outcome.status() == Outcome.Status.NOT_FOUND) {
            result.put("error", outcome.errors().get(0)); // the shape of cPanel's own fixture, nothing more
            return wrap(result);
        }
        if (!outcome.ok()) {
            String reason = outcome.errors().get(0);
            result.put("event", event(0, reason));
            result.put("error", reason);
            result.put("data", List.of());
            return wrap(result);
        }
        ListTransform.Result transformed = ListTransform.apply(asList(outcome.data()), spec(args));
        if (transformed.error() != null) {
            result.put("event", event(0, transformed.error()));
            result.put("error", transformed.error());
            result.put("data", List.of());
            return wrap(result);
        }
        result.put("event", event(1, null));
        result.put("data", transformed.rows());
        if (!outcome.errors().isEmpty()) {
            result.put("error", outcome.errors().get(0));
        }
        if (transformed.paginate() != null) {
            result.put("paginate", transformed.paginate());
        }
        if (transformed.recordsBeforeFilter() != null) {
            result.put("records_before_filter", transformed.recordsBeforeFilter());
        }
        return wrap(result);
    }

    /** API 2 data is nearly always an array: a single object becomes a one-element array. */
    private static List<?> asList(Object data) {
        if (data == null) {
            return List.of();
        }
        if (data instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        return List.of(data);
    }

    private static Map<String, Object> event(int result, String reason) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("result", result);
        if (reason != null) {
            event.put("reason", reason);
        }
        return event;
    }

    private static Map<String, Object> wrap(Map<String, Object> result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cpanelresult", result);
        return body;
    }

    /** Reads {@code api2_columns*}, {@code api2_filter*}, {@code api2_sort*} and {@code api2_paginate*}. */
    static ListTransform.Spec spec(Args args) {
        List<String> columns = new ArrayList<>();
        if (args.isTrue("api2_columns")) {
            args.asMap().forEach((key, value) -> {
                if (key.startsWith("api2_columns_") && value != null && !value.isEmpty()) {
                    columns.add(value);
                }
            });
        }
        List<ListTransform.Filter> filters = new ArrayList<>();
        if (args.isTrue("api2_filter")) {
            for (String suffix : suffixes(args, "api2_filter_column")) {
                filters.add(new ListTransform.Filter(args.get("api2_filter_column" + suffix),
                        args.getOrDefault("api2_filter_type" + suffix, "contains"), args.get("api2_filter_term" + suffix)));
            }
        }
        List<ListTransform.Sort> sorts = new ArrayList<>();
        if (args.isTrue("api2_sort")) {
            for (String suffix : suffixes(args, "api2_sort_column")) {
                sorts.add(new ListTransform.Sort(args.get("api2_sort_column" + suffix),
                        args.getOrDefault("api2_sort_method" + suffix, "lexicographic"), args.isTrue("api2_sort_reverse" + suffix)));
            }
        }
        boolean paginate = args.isTrue("api2_paginate");
        return new ListTransform.Spec(columns, filters, sorts, paginate,
                (long) ListTransform.number(args.getOrDefault("api2_paginate_start", "1")),
                (long) ListTransform.number(args.getOrDefault("api2_paginate_size", "0")));
    }

    /** The bare key first, then its suffixed variants ({@code _0}, {@code _a}, …) in order. */
    private static List<String> suffixes(Args args, String prefix) {
        List<String> found = new ArrayList<>();
        if (args.get(prefix) != null) {
            found.add("");
        }
        args.asMap().keySet().stream()
                .filter(key -> key.startsWith(prefix) && key.length() > prefix.length() && args.get(key) != null)
                .map(key -> key.substring(prefix.length()))
                .sorted((a, b) -> {
                    double na = ListTransform.number(a.replaceFirst("^[_-]", ""));
                    double nb = ListTransform.number(b.replaceFirst("^[_-]", ""));
                    return na != nb ? Double.compare(na, nb) : a.compareTo(b);
                })
                .forEach(found::add);
        return found;
    }
}
