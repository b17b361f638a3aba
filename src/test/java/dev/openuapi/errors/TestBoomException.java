package dev.openuapi.errors;

/** The unexpected failure the test-only functions and filter throw; its name must never reach a caller. */
public class TestBoomException extends RuntimeException {

    /** A secret-looking part of every message: it belongs in the log, never in an answer. */
    public static final String SECRET = "db-password=TestBoomSecret-5f3a9c";

    public TestBoomException(String nonce) {
        super("internal detail " + nonce + " (" + SECRET + ")");
    }
}
