package dev.openuapi.session;

import java.util.List;
import java.util.Optional;

/**
 * The service a session belongs to, with cPanel's names: {@code cpaneld} (the cPanel APIs as an account, on
 * cPanel's ports) or {@code whostmgrd} (WHM API 1 as root or a reseller, on WHM's ports). Each has its own cookie,
 * as on cPanel, so that a browser can hold both for one host.
 */
public enum Daemon {
    CPANELD("cpaneld", "cpsession"),
    WHOSTMGRD("whostmgrd", "whostmgrsession");

    private static final List<String> COOKIE_NAMES = java.util.Arrays.stream(values()).map(Daemon::cookieName).toList();

    private final String wireName;
    private final String cookieName;

    Daemon(String wireName, String cookieName) {
        this.wireName = wireName;
        this.cookieName = cookieName;
    }

    /** cPanel's name, as {@code create_user_session}'s {@code service} and cPHulk's service take it. */
    public String wireName() {
        return wireName;
    }

    public String cookieName() {
        return cookieName;
    }

    public static Optional<Daemon> named(String wireName) {
        for (Daemon daemon : values()) {
            if (daemon.wireName.equals(wireName)) {
                return Optional.of(daemon);
            }
        }
        return Optional.empty();
    }

    /** Every session cookie's name. */
    public static List<String> cookieNames() {
        return COOKIE_NAMES;
    }
}
