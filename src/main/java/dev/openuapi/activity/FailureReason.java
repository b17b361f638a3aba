package dev.openuapi.activity;

import dev.openuapi.metrics.OpenUapiMetrics.AuthFailure;

/** Why a login against a known account failed, in a few classes (the activity log's {@code auth_failure_count.reason}). */
public enum FailureReason {
    /** A token that is not this account's, or no token at all with that value. */
    BAD_TOKEN,
    BAD_PASSWORD,
    EXPIRED,
    /** The token's IP allow-list does not take the address. */
    ADDRESS_NOT_ALLOWED,
    SUSPENDED,
    /** A session cookie or security token that names no live session of the user. */
    BAD_SESSION,
    OTHER;

    /** The class of a credential check's failure; {@code null} for one that names no account (not counted). */
    public static FailureReason of(AuthFailure failure) {
        return switch (failure) {
            case UNKNOWN_TOKEN, WRONG_USER -> BAD_TOKEN;
            case WRONG_PASSWORD -> BAD_PASSWORD;
            case EXPIRED -> EXPIRED;
            case IP_NOT_ALLOWED -> ADDRESS_NOT_ALLOWED;
            case SUSPENDED -> SUSPENDED;
            case UNKNOWN_SESSION, WRONG_SECURITY_TOKEN -> BAD_SESSION;
            case NOT_A_WHM_USER, WRONG_SERVICE -> OTHER;
            case UNKNOWN_USER, NO_CREDENTIALS, MALFORMED -> null;
        };
    }

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
