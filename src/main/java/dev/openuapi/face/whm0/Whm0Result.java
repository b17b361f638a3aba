package dev.openuapi.face.whm0;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.openuapi.common.Quote;
import dev.openuapi.kernel.Api0;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Outcome;

/**
 * WHM API 0's answers (issue 15 §1). API 0 has no common envelope: each function answers in its own shape, which
 * its {@link Api0} declaration names. The shapes and their failures are those of cPanel's WHM API 0 documentation
 * and of cPanel's older clients (src/docs/whm-api-0.md lists the evidence per shape):
 *
 * <pre>
 * DATA              {"version":"11.120.0.16"}                      failure {"status":0,"statusmsg":…}
 * LIST              {"package":[…]}                                failure {"status":0,"statusmsg":…}
 * LIST_WITH_STATUS  {"acct":[…],"status":1,"statusmsg":"Ok"}       failure {"acct":[],"status":0,"statusmsg":…}
 * STATUS            {"result":[{"status":1,"statusmsg":…}]}        failure {"result":[{"status":0,"statusmsg":…}]}
 * BY_NAME           {"acls":{"name":{…}}}                          failure {"status":0,"statusmsg":…}
 * </pre>
 *
 * A call that reaches no API 0 function (an unknown app) answers as cpsrvd answers such a call, see {@link #unknownApp}.
 */
public final class Whm0Result {

    /** cPanel's {@code statusmsg} for a successful account listing (WHM API 0 "Return Data" page: accountsummary). */
    static final String LIST_OK = "Ok";

    private static final Pattern ARGUMENT = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");

    private Whm0Result() {
    }

    /**
     * The answer to {@code outcome} in the function's API 0 shape.
     *
     * @param args the call's arguments under the function's (API 1) names, for the {@code statusmsg} text
     */
    public static Map<String, Object> of(Api0 api0, Outcome outcome, Args args) {
        Map<String, Object> body = new LinkedHashMap<>();
        String reason = outcome.ok() ? null : inApi0Names(api0, outcome.errors().get(0));
        switch (api0.answer()) {
            case DATA -> {
                if (outcome.ok() && outcome.data() instanceof Map<?, ?> data) {
                    data.forEach((key, value) -> body.put(String.valueOf(key), value));
                } else {
                    failed(body, reason == null ? "The function returned no data." : reason);
                }
            }
            case LIST -> {
                if (outcome.ok()) {
                    body.put(api0.key(), onlyList(outcome.data()));
                } else {
                    failed(body, reason);
                }
            }
            case LIST_WITH_STATUS -> {
                body.put(api0.key(), outcome.ok() ? onlyList(outcome.data()) : List.of());
                body.put("status", outcome.ok() ? 1 : 0);
                body.put("statusmsg", outcome.ok() ? LIST_OK : reason);
            }
            case STATUS -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                if (outcome.ok() && outcome.data() instanceof Map<?, ?> data) {
                    if (api0.nestIn() != null) {
                        entry.put(api0.nestIn(), data);
                    } else {
                        data.forEach((key, value) -> entry.put(api0.fieldNames().getOrDefault(String.valueOf(key), String.valueOf(key)), value));
                    }
                }
                entry.put("status", outcome.ok() ? 1 : 0);
                entry.put("statusmsg", outcome.ok() ? message(api0.message(), args) : reason);
                body.put(api0.key(), List.of(entry));
            }
            case BY_NAME -> {
                if (outcome.ok()) {
                    body.put(api0.key(), byName(onlyList(outcome.data())));
                } else {
                    failed(body, reason);
                }
            }
        }
        return body;
    }

    /**
     * A call that reaches no WHM API 0 function: cPanel's API 0 dispatcher ({@code find_api}) refuses it with "Unknown app
     * (NAME) requested for this version (0) of the API.", which cpsrvd sends in its own error body (the one spec §2.5
     * describes for a failed login: {@code cpanelresult} with {@code error} and {@code data.result "0"}).
     */
    public static Map<String, Object> unknownApp(String function) {
        return error("Unknown app (" + function + ") requested for this version (0) of the API.");
    }

    /** cpsrvd's error body, for a WHM API 0 call that never reached a function. */
    public static Map<String, Object> error(String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reason", reason);
        data.put("result", "0");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("apiversion", "2");
        result.put("error", reason);
        result.put("data", data);
        result.put("type", "text");
        return Map.of("cpanelresult", result);
    }

    /** A refusal that names a renamed argument names it as API 0 does ("Provide the “pass” argument."). */
    private static String inApi0Names(Api0 api0, String reason) {
        String text = reason;
        for (Map.Entry<String, String> rename : api0.argNames().entrySet()) {
            text = text.replace(Quote.of(rename.getValue()), Quote.of(rename.getKey()));
        }
        return text;
    }

    private static void failed(Map<String, Object> body, String reason) {
        body.put("status", 0);
        body.put("statusmsg", reason);
    }

    /** The one list inside the function's data (WHM API 1's {@code {"pkg":[…]}}), or an empty list. */
    private static List<?> onlyList(Object data) {
        if (data instanceof Map<?, ?> map) {
            for (Object value : map.values()) {
                if (value instanceof List<?> list) {
                    return list;
                }
            }
        }
        return data instanceof List<?> list ? list : List.of();
    }

    /** Rows of {@code {"name":…, <one more field>:…}} as an object by name. */
    private static Map<String, Object> byName(List<?> rows) {
        Map<String, Object> named = new LinkedHashMap<>();
        for (Object row : rows) {
            if (row instanceof Map<?, ?> map && map.get("name") != null) {
                List<Object> others = new ArrayList<>();
                map.forEach((key, value) -> {
                    if (!"name".equals(key)) {
                        others.add(value);
                    }
                });
                named.put(String.valueOf(map.get("name")), others.size() == 1 ? others.get(0) : map);
            }
        }
        return named;
    }

    /** The declared {@code statusmsg}, its {@code {argument}} names replaced by the call's values. */
    static String message(String template, Args args) {
        Matcher matcher = ARGUMENT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = args.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
