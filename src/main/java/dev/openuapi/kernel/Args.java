package dev.openuapi.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A call's arguments after cPanel's normalisation (spec §5.2): the first occurrence of a key keeps its
 * name, later ones become {@code name-0}, {@code name-1}, …; keys starting with {@code file-} are dropped.
 * A key sent without {@code =} has a {@code null} value.
 */
public final class Args {

    private final Map<String, String> values;

    private Args(Map<String, String> values) {
        this.values = values;
    }

    public static Args empty() {
        return new Args(Collections.emptyMap());
    }

    /** Builds from key/value pairs in wire order (query string first, then body). */
    public static Args fromPairs(List<Map.Entry<String, String>> pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> nextSuffix = new HashMap<>();
        for (Map.Entry<String, String> pair : pairs) {
            String key = pair.getKey();
            if (key == null || key.startsWith("file-")) {
                continue; // cPanel silently drops these outside multipart uploads (security)
            }
            values.put(availableName(values.keySet(), nextSuffix, key), pair.getValue());
        }
        return new Args(values);
    }

    /**
     * {@code key}, or the first free {@code key-N}. Each key remembers where its search stopped, so that
     * 40,000 repeats of one key cost 40,000 steps, not 800 million: a name is skipped at most once in all.
     */
    private static String availableName(Set<String> taken, Map<String, Integer> nextSuffix, String key) {
        if (!taken.contains(key)) {
            return key;
        }
        for (int i = nextSuffix.getOrDefault(key, 0);; i++) {
            String candidate = key + "-" + i;
            if (!taken.contains(candidate)) {
                nextSuffix.put(key, i + 1);
                return candidate;
            }
        }
    }

    /** These arguments without the keys that match {@code drop} (control keys, for example). */
    public Args without(java.util.function.Predicate<String> drop) {
        Map<String, String> kept = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!drop.test(key)) {
                kept.put(key, value);
            }
        });
        return new Args(kept);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value, or {@code null} when absent or sent without a value. */
    public String get(String name) {
        return values.get(name);
    }

    /** The value, or {@code null} when absent or empty: for optional arguments where "" means "not given". */
    public String getNonEmpty(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public String getOrDefault(String name, String fallback) {
        String value = values.get(name);
        return value == null ? fallback : value;
    }

    /** Perl truthiness: absent, "" and "0" are false. */
    public boolean isTrue(String name) {
        String value = values.get(name);
        return value != null && !value.isEmpty() && !value.equals("0");
    }

    /**
     * Every value of a repeatable parameter: the bare name first, then {@code name-N} in numeric order
     * (cPanel's {@code get_multiple}). Absent and valueless keys are skipped.
     */
    public List<String> getMultiple(String name) {
        List<Map.Entry<Long, String>> numbered = new ArrayList<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            long suffix = suffixOf(entry.getKey(), name);
            if (suffix >= 0 && entry.getValue() != null) {
                numbered.add(Map.entry(suffix, entry.getValue()));
            }
        }
        numbered.sort(Comparator.comparing(Map.Entry::getKey));
        List<String> result = new ArrayList<>();
        if (values.get(name) != null) {
            result.add(values.get(name));
        }
        numbered.forEach(e -> result.add(e.getValue()));
        return result;
    }

    /**
     * N when {@code key} is {@code name-N} with N of 1 to 17 ASCII digits, otherwise -1. By hand rather than
     * with a pattern: every call of a function with a repeatable parameter asks, most with no such keys.
     */
    static long suffixOf(String key, String name) {
        int start = name.length() + 1;
        int digits = key.length() - start;
        if (digits < 1 || digits >= 18 || !key.startsWith(name) || key.charAt(name.length()) != '-') {
            return -1;
        }
        for (int i = start; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return Long.parseLong(key, start, key.length(), 10);
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
