package dev.openuapi.token;

import java.util.regex.Pattern;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;

/**
 * The rules both kinds of API token share, cPanel's and WHM's (spec §3): names, expiry and the messages
 * cPanel gives when they are broken.
 */
public final class TokenRules {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,50}");
    /** cPanel's upper bound for an epoch argument. */
    private static final long MAX_EPOCH = 67767976233521999L;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,17}");

    private TokenRules() {
    }

    public static void checkRename(String name, String newName) {
        checkName(newName);
        if (newName.equals(name)) {
            throw ApiException.invalid("“new_name” must be a different value from “name”.");
        }
    }

    /**
     * Reads an epoch argument as cPanel does: digits only, at most {@link #MAX_EPOCH}; empty means none.
     */
    public static Long parseEpoch(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (!DIGITS.matcher(raw).matches() || Long.parseLong(raw) > MAX_EPOCH) {
            throw ApiException.invalid(Quote.of(raw) + " is not a valid UNIX epoch timestamp.");
        }
        return Long.parseLong(raw);
    }

    public static Long checkExpiry(Long expiresAt, long now) {
        if (expiresAt == null || expiresAt == 0) {
            return null;
        }
        if (expiresAt < 0 || expiresAt > MAX_EPOCH) {
            throw ApiException.invalid(Quote.of(expiresAt) + " is not a valid UNIX epoch timestamp.");
        }
        if (expiresAt < now) {
            throw ApiException.invalid("The " + Quote.of(expiresAt) + " value must be a future date.");
        }
        return expiresAt;
    }

    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.invalid(Quote.of(name) + " is not a valid API token name. An API token name must not be longer than 50 "
                    + "characters and may only contain the following 64 characters: a-z A-Z 0-9 _ -");
        }
    }

    public static ApiException duplicateOnCreate(String name) {
        return ApiException.conflict("A conflicting API token with the name " + Quote.of(name) + " already exists.");
    }

    public static ApiException duplicateOnRename(String name) {
        return ApiException.conflict("An API token with the name " + Quote.of(name) + " already exists.");
    }

}
