package dev.openuapi.kernel;

/** The logical type of a function parameter. On the wire every parameter is a string. */
public enum ParamType {
    STRING("string", null),
    INTEGER("integer", null),
    /** Perl truthiness: "", "0" are false, anything else non-empty is true; clients send 1/0. */
    BOOLEAN("integer", "0|1"),
    EPOCH("integer", "unix-time"),
    EMAIL("string", "email"),
    DOMAIN("string", "hostname"),
    PASSWORD("string", "password");

    public final String jsonType;
    public final String format;

    ParamType(String jsonType, String format) {
        this.jsonType = jsonType;
        this.format = format;
    }
}
