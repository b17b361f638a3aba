package dev.openuapi.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.openuapi.common.Quote;
import dev.openuapi.common.Regexes;

/**
 * cPanel's post-processing of list results (spec §7 for UAPI, §8.3 for API 2): columns, then filters
 * (ANDed; {@code *} means any column), then sorts (the first is the primary key), then pagination. Each
 * API face parses its own argument names into a {@link Spec}; the operations are shared.
 */
public final class ListTransform {

    public record Filter(String column, String type, String term) {
    }

    /** {@code reverse} as sent: "" or "0" ascending, "1" descending, anything else makes the sort invalid. */
    public record Sort(String column, String method, String reverse) {

        public Sort(String column, String method, boolean reverse) {
            this(column, method, reverse ? "1" : "0");
        }

        boolean isReverse() {
            return "1".equals(reverse);
        }

        boolean isValid() {
            return reverse == null || reverse.isEmpty() || reverse.equals("0") || reverse.equals("1");
        }
    }

    /** {@code paginateStart} is 1-based; {@code paginateSize} below 1 means 100. Null lists mean "not asked". */
    public record Spec(List<String> columns, List<Filter> filters, List<Sort> sorts, boolean paginate, long paginateStart,
            long paginateSize) {

        public boolean isEmpty() {
            return columns.isEmpty() && filters.isEmpty() && sorts.isEmpty() && !paginate;
        }
    }

    /** The transformed rows and what the envelope reports about them. */
    public record Result(List<Object> rows, Integer recordsBeforeFilter, Map<String, Object> paginate, List<String> messages,
            List<String> invalidColumns, String error) {
    }

    public static final int DEFAULT_PAGE_SIZE = 100;
    private static final List<String> FILTER_TYPES = List.of("contains", "begins", "ends", "matches", "eq", "ne", "lt", "gt",
            "lt_handle_unlimited", "gt_handle_unlimited");
    private static final List<String> SORT_METHODS = List.of("lexicographic", "numeric", "numeric_zero_as_max", "ipv4");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)");

    private ListTransform() {
    }

    public static Result apply(List<?> data, Spec spec) {
        List<Object> rows = new ArrayList<>(data);
        List<String> messages = new ArrayList<>();
        List<String> invalidColumns = new ArrayList<>();
        boolean objects = rows.isEmpty() || rows.get(0) instanceof Map;

        if (!spec.columns().isEmpty() && objects && !rows.isEmpty()) {
            Map<?, ?> first = (Map<?, ?>) rows.get(0);
            List<String> kept = new ArrayList<>();
            for (String column : spec.columns()) {
                if (first.containsKey(column)) {
                    kept.add(column);
                } else {
                    invalidColumns.add(column);
                    messages.add(Quote.of(column) + " is not a valid column.");
                }
            }
            if (!kept.isEmpty()) {
                rows.replaceAll(row -> project((Map<?, ?>) row, kept));
            }
        }

        Integer recordsBeforeFilter = null;
        boolean unfinished = false;
        if (!spec.filters().isEmpty()) {
            recordsBeforeFilter = rows.size();
            List<Filter> ordered = new ArrayList<>(spec.filters().stream().filter(f -> !"*".equals(f.column())).toList());
            ordered.addAll(spec.filters().stream().filter(f -> "*".equals(f.column())).toList());
            for (Filter filter : ordered) {
                if (!FILTER_TYPES.contains(filter.type())) {
                    messages.add("The following “filter” arguments are invalid: " + describe(filter) + " (unknown filter type).");
                    continue;
                }
                Predicate<String> regex = null;
                if (filter.type().equals("matches") && filter.term() != null && !filter.term().isEmpty()) {
                    try {
                        regex = Regexes.compile(filter.term(), false); // RE2/J: linear time, whatever the pattern
                    } catch (Regexes.Unusable e) {
                        messages.add("The following “filter” arguments are invalid: " + describe(filter) + " (invalid regular expression: "
                                + e.getMessage() + ").");
                        continue;
                    }
                }
                if (isNoOp(filter)) {
                    continue;
                }
                if (filter.term() == null || (filter.term().isEmpty() && !filter.type().equals("eq"))) {
                    messages.add("The following “filter” arguments are invalid: " + describe(filter) + " (a term is required).");
                    continue;
                }
                if (!rows.isEmpty() && (!objects || (!"*".equals(filter.column())
                        && !((Map<?, ?>) rows.get(0)).containsKey(filter.column())))) {
                    messages.add("The following filter did not pertain to this dataset: " + describe(filter));
                    unfinished = true;
                    continue;
                }
                Predicate<String> compiled = regex;
                rows.removeIf(row -> !rowMatches((Map<?, ?>) row, filter, compiled));
            }
        }

        if (!unfinished && !spec.sorts().isEmpty() && objects && !rows.isEmpty()) {
            List<Sort> sorts = spec.sorts();
            for (int i = sorts.size() - 1; i >= 0; i--) { // last to first with a stable sort: the first is primary
                Sort sort = sorts.get(i);
                if (!sort.isValid()) {
                    messages.add("The following “sort” arguments are invalid: " + Quote.cut(sort.column()) + " " + Quote.cut(sort.method())
                            + " reverse=\"" + Quote.cut(sort.reverse()) + "\" (reverse must be 0 or 1).");
                    continue;
                }
                String method = SORT_METHODS.contains(sort.method()) ? sort.method() : "lexicographic";
                if (!((Map<?, ?>) rows.get(0)).containsKey(sort.column())) {
                    messages.add("The following sort did not pertain to this dataset: " + (sort.isReverse() ? "!" : "") + Quote.cut(sort.column())
                            + ", " + method);
                    break;
                }
                Comparator<Object> order = Comparator.comparing(row -> ((Map<?, ?>) row).get(sort.column()), comparator(method));
                rows.sort(sort.isReverse() ? order.reversed() : order);
            }
        }

        Map<String, Object> paginate = null;
        if (spec.paginate() && !unfinished) {
            long size = spec.paginateSize() < 1 ? DEFAULT_PAGE_SIZE : spec.paginateSize();
            long start = spec.paginateStart() < 1 ? 1 : spec.paginateStart();
            long total = rows.size();
            if (start - 1 > total) {
                return new Result(null, recordsBeforeFilter, null, messages, invalidColumns,
                        "The start index (" + (start - 1) + ") is larger than the total number of results (" + total + ").");
            }
            int from = (int) (start - 1);
            int to = (int) Math.min(total, from + Math.min(size, total)); // a size near Long.MAX_VALUE must not overflow
            rows = new ArrayList<>(rows.subList(from, to));
            paginate = new LinkedHashMap<>();
            paginate.put("total_results", total);
            paginate.put("total_pages", total == 0 ? 0 : (total - 1) / size + 1); // ceil(total / size), without overflow
            paginate.put("start_result", start);
            paginate.put("results_per_page", size);
            paginate.put("current_page", (start - 1) / size + 1); // ceil(start / size)
        }
        return new Result(rows, recordsBeforeFilter, paginate, messages, invalidColumns, null);
    }

    /**
     * Reads the post-processing arguments of one API face. UAPI ({@code api.}) turns each operation on by
     * the presence of its keys; API 2 ({@code api2_}) also wants its switch ({@code api2_filter=1}, …).
     * Several filters or sorts carry suffixes ({@code _0}, {@code _1}, {@code _a}); the bare one comes first.
     */
    public static Spec parse(Args args, String prefix, boolean switches) {
        List<String> columns = new ArrayList<>();
        if (!switches || args.isTrue(prefix + "columns")) {
            args.asMap().forEach((key, value) -> {
                if (key.startsWith(prefix + "columns_") && value != null && !value.isEmpty()) {
                    columns.add(value);
                }
            });
        }
        List<Filter> filters = new ArrayList<>();
        if (!switches || args.isTrue(prefix + "filter")) {
            for (String suffix : suffixes(args, prefix + "filter_column")) {
                filters.add(new Filter(args.get(prefix + "filter_column" + suffix),
                        args.getOrDefault(prefix + "filter_type" + suffix, "contains"), args.get(prefix + "filter_term" + suffix)));
            }
        }
        List<Sort> sorts = new ArrayList<>();
        if (!switches || args.isTrue(prefix + "sort")) {
            for (String suffix : suffixes(args, prefix + "sort_column")) {
                sorts.add(new Sort(args.get(prefix + "sort_column" + suffix),
                        args.getOrDefault(prefix + "sort_method" + suffix, "lexicographic"), args.getOrDefault(prefix + "sort_reverse" + suffix, "")));
            }
        }
        boolean paginate = switches ? args.isTrue(prefix + "paginate")
                : args.has(prefix + "paginate_start") || args.has(prefix + "paginate_size");
        return new Spec(columns, filters, sorts, paginate, (long) number(args.getOrDefault(prefix + "paginate_start", "1")),
                (long) number(args.getOrDefault(prefix + "paginate_size", "0")));
    }

    /** The bare key first, then its suffixed variants in numeric (then text) order. */
    private static List<String> suffixes(Args args, String key) {
        List<String> found = new ArrayList<>();
        if (args.get(key) != null) {
            found.add("");
        }
        args.asMap().keySet().stream()
                .filter(k -> k.startsWith(key) && k.length() > key.length() && args.get(k) != null)
                .map(k -> k.substring(key.length()))
                .sorted((a, b) -> {
                    double na = number(a.replaceFirst("^[_-]", ""));
                    double nb = number(b.replaceFirst("^[_-]", ""));
                    return na != nb ? Double.compare(na, nb) : a.compareTo(b);
                })
                .forEach(found::add);
        return found;
    }

    private static Map<String, Object> project(Map<?, ?> row, List<String> columns) {
        Map<String, Object> projected = new LinkedHashMap<>();
        for (String column : columns) {
            projected.put(column, row.get(column));
        }
        return projected;
    }

    private static boolean isNoOp(Filter filter) {
        return List.of("contains", "begins", "ends", "matches").contains(filter.type())
                && (filter.term() == null || filter.term().isEmpty());
    }

    private static String describe(Filter filter) {
        return Quote.cut(filter.column()) + " " + Quote.cut(filter.type()) + " \"" + (filter.term() == null ? "" : Quote.cut(filter.term())) + "\"";
    }

    private static boolean rowMatches(Map<?, ?> row, Filter filter, Predicate<String> regex) {
        if ("*".equals(filter.column())) {
            for (Object value : row.values()) {
                if (valueMatches(value, filter, regex)) {
                    return true;
                }
            }
            return false;
        }
        return valueMatches(row.get(filter.column()), filter, regex);
    }

    private static boolean valueMatches(Object value, Filter filter, Predicate<String> regex) {
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (valueMatches(element, filter, regex)) {
                    return true;
                }
            }
            return false;
        }
        String text = value == null ? "" : String.valueOf(value);
        String term = filter.term();
        String lowerText = text.toLowerCase(Locale.ROOT);
        String lowerTerm = term.toLowerCase(Locale.ROOT);
        boolean unlimited = text.equalsIgnoreCase("unlimited");
        return switch (filter.type()) {
            case "contains" -> lowerText.contains(lowerTerm);
            case "begins" -> lowerText.startsWith(lowerTerm);
            case "ends" -> lowerText.endsWith(lowerTerm);
            case "matches" -> regex.test(text);
            case "eq" -> text.equals(term);
            case "ne" -> !text.equals(term);
            case "lt" -> unlimited || number(text) < number(term);
            case "gt" -> !unlimited && number(text) > number(term);
            case "lt_handle_unlimited" -> !unlimited && number(text) != 0 && number(text) < number(term);
            case "gt_handle_unlimited" -> unlimited || number(text) == 0 || number(text) > number(term);
            default -> false;
        };
    }

    /** Perl's numification: the leading number, or 0. */
    public static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        Matcher m = LEADING_NUMBER.matcher(value == null ? "" : String.valueOf(value));
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static Comparator<Object> comparator(String method) {
        return switch (method) {
            case "numeric" -> Comparator.comparingDouble(ListTransform::number);
            case "numeric_zero_as_max" -> Comparator.comparingDouble(v -> {
                double n = number(v);
                return n == 0 ? Double.POSITIVE_INFINITY : n;
            });
            case "ipv4" -> Comparator.comparingLong(ListTransform::ipv4);
            default -> Comparator.comparing(v -> v == null ? "" : String.valueOf(v));
        };
    }

    private static long ipv4(Object value) {
        String[] parts = String.valueOf(value).split("\\.");
        long result = 0;
        for (int i = 0; i < 4; i++) {
            result = result * 256 + (i < parts.length ? (long) Math.max(0, Math.min(255, number(parts[i]))) : 0);
        }
        return result;
    }
}
