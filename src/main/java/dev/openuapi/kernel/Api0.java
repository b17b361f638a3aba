package dev.openuapi.kernel;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a WHM API 1 function also answers as WHM API 0 ({@code /json-api/<function>} without {@code api.version}):
 * the same function, reached with API 0's argument names and answered in API 0's shape. Declared once, on the
 * function's {@link ApiFunction.Builder#api0}; the WHM face reads it. A WHM function without one is not part of
 * WHM API 0 here, and API 0 answers it as cPanel answers an unknown app.
 *
 * @param answer   which of API 0's answer shapes the function uses
 * @param key      the answer's top-level key ({@code result}, {@code passwd}, {@code package}, {@code acct}, …);
 *                 {@code null} for {@link Answer#DATA}
 * @param message  {@code statusmsg} on success for {@link Answer#STATUS} ({@code {name}} is replaced by the call's
 *                 argument {@code name}); {@code null} otherwise
 * @param nestIn   for {@link Answer#STATUS}: the field of the status entry that holds the function's data
 *                 ({@code options} for createacct); {@code null}: the data's fields go into the entry itself
 * @param argNames API 0's argument name → the function's (API 1) name, for arguments that API 0 names differently
 * @param fieldNames for {@link Answer#STATUS}: the function's data field → the name API 0's status entry gives it
 *                   ({@code acl} → {@code acls} for setacls)
 */
public record Api0(Answer answer, String key, String message, String nestIn, Map<String, String> argNames,
        Map<String, String> fieldNames) {

    /** API 0's answer shapes (WHM API 0 has no common envelope: each function has its own). */
    public enum Answer {
        /** The data itself is the answer: {@code {"version":"11.120.0.16"}}. */
        DATA,
        /** The data's one list, under API 0's key: {@code {"package":[…]}}. */
        LIST,
        /** The data's one list, with a status: {@code {"acct":[…],"status":1,"statusmsg":"Ok"}}. */
        LIST_WITH_STATUS,
        /** One status entry in a list: {@code {"result":[{"status":1,"statusmsg":"…"}]}}. */
        STATUS,
        /**
         * The data's one list of {@code {name, <value>}} rows as an object by name:
         * {@code {"acls":{"acl1":{…}}}} from WHM API 1's {@code {"acl":[{"name":"acl1","privileges":{…}}]}}.
         */
        BY_NAME
    }

    public Api0 {
        Objects.requireNonNull(answer, "answer");
        if ((answer == Answer.DATA) != (key == null)) {
            throw new IllegalArgumentException("every API 0 answer but DATA has a key");
        }
        argNames = Map.copyOf(argNames);
        fieldNames = Map.copyOf(fieldNames);
    }

    public static Api0 data() {
        return new Api0(Answer.DATA, null, null, null, Map.of(), Map.of());
    }

    public static Api0 list(String key) {
        return new Api0(Answer.LIST, key, null, null, Map.of(), Map.of());
    }

    public static Api0 listWithStatus(String key) {
        return new Api0(Answer.LIST_WITH_STATUS, key, null, null, Map.of(), Map.of());
    }

    /** {@code {key:[{"status":1,"statusmsg":message}]}}; {@code message} may name arguments as {@code {user}}. */
    public static Api0 status(String key, String message) {
        return new Api0(Answer.STATUS, key, Objects.requireNonNull(message, "message"), null, Map.of(), Map.of());
    }

    public static Api0 byName(String key) {
        return new Api0(Answer.BY_NAME, key, null, null, Map.of(), Map.of());
    }

    /** API 0 sends {@code api0Name} where the function reads {@code name} (passwd's {@code pass}, say). */
    public Api0 arg(String api0Name, String name) {
        Map<String, String> names = new LinkedHashMap<>(argNames);
        names.put(api0Name, name);
        return new Api0(answer, key, message, nestIn, names, fieldNames);
    }

    /** For {@link Answer#STATUS}: the function's data goes into this field of the status entry. */
    public Api0 nestedIn(String field) {
        return new Api0(answer, key, message, field, argNames, fieldNames);
    }

    /** For {@link Answer#STATUS}: the function's data field {@code name} is {@code api0Name} in the status entry. */
    public Api0 field(String name, String api0Name) {
        Map<String, String> names = new LinkedHashMap<>(fieldNames);
        names.put(name, api0Name);
        return new Api0(answer, key, message, nestIn, argNames, names);
    }

    /** The API 0 name of the function's argument {@code name} (itself unless renamed). */
    public String api0Name(String name) {
        for (Map.Entry<String, String> entry : argNames.entrySet()) {
            if (entry.getValue().equals(name)) {
                return entry.getKey();
            }
        }
        return name;
    }

    /**
     * The call's arguments under the function's names: an API 0 name is read as the function's name, unless the
     * call also sent the function's name (which then wins, as the name the function documents).
     */
    public Args toFunctionArgs(Args args) {
        if (argNames.isEmpty()) {
            return args;
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        args.asMap().forEach((name, value) -> {
            String renamed = argNames.get(name);
            if (renamed == null) {
                pairs.add(new AbstractMap.SimpleImmutableEntry<>(name, value)); // a value may be null
            } else if (!args.has(renamed)) {
                pairs.add(new AbstractMap.SimpleImmutableEntry<>(renamed, value));
            }
        });
        return Args.fromPairs(pairs);
    }
}
