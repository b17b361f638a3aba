package dev.openuapi.common;

/** cPanel speaks Unix epoch seconds everywhere; this is the one clock the services read. */
public final class Epoch {

    private Epoch() {
    }

    public static long now() {
        return System.currentTimeMillis() / 1000L;
    }
}
