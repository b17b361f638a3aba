package dev.openuapi.kernel;

/**
 * One parameter of an API function, declared once and read by the dispatcher (required checks), the
 * OpenAPI document and the tests.
 *
 * @param missingMessage when set, replaces cPanel's standard "Provide the … argument." and
 *                       "… cannot be empty." messages (some functions word their own)
 */
public record Param(String name, ParamType type, String description, boolean isRequired, boolean isMultiple,
        String example, String missingMessage) {

    public static Param of(String name, ParamType type, String description) {
        return new Param(name, type, description, false, false, null, null);
    }

    public static Param string(String name, String description) {
        return of(name, ParamType.STRING, description);
    }

    public Param required() {
        return new Param(name, type, description, true, isMultiple, example, missingMessage);
    }

    /** Repeatable: {@code name}, {@code name-0}, {@code name-1}, … (cPanel's numbering). */
    public Param multiple() {
        return new Param(name, type, description, isRequired, true, example, missingMessage);
    }

    public Param example(String value) {
        return new Param(name, type, description, isRequired, isMultiple, value, missingMessage);
    }

    public Param requiredWithMessage(String message) {
        return new Param(name, type, description, true, isMultiple, example, message);
    }

    /** This parameter's value in a call, read by the name declared here ({@code null} when absent). */
    public String from(Call call) {
        return call.args().get(name);
    }

    /** Every value of this repeatable parameter in a call. */
    public java.util.List<String> allFrom(Call call) {
        return call.args().getMultiple(name);
    }
}
