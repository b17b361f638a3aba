package dev.openuapi.common;

import java.util.function.UnaryOperator;

/**
 * The numbers a caller may give as "unlimited" (plan limits, mailbox and FTP quotas): the one parser of
 * them. Each caller keeps its own refusal, given the raw value.
 */
public final class Quantities {

    public static final String UNLIMITED = "unlimited";

    private Quantities() {
    }

    /**
     * A whole number of up to 12 digits, or {@code null} (unlimited) for nothing, the empty string or
     * "unlimited" in any case; anything else is refused with {@code refusal.apply(raw)}.
     */
    public static Long orUnlimited(String raw, UnaryOperator<String> refusal) {
        if (raw == null || raw.isEmpty() || raw.equalsIgnoreCase(UNLIMITED)) {
            return null;
        }
        if (!raw.matches("\\d{1,12}")) {
            throw ApiException.invalid(refusal.apply(raw));
        }
        return Long.parseLong(raw);
    }

    /**
     * As {@link #orUnlimited}, where "0" means unlimited too (cPanel's quotas: "0 or unlimited for none").
     * Only the string "0": "00" stays the number 0, as it always has.
     */
    public static Long orUnlimitedOrZero(String raw, UnaryOperator<String> refusal) {
        return "0".equals(raw) ? null : orUnlimited(raw, refusal);
    }

    /** As {@link #orUnlimited}, for a count: a number above {@code Integer.MAX_VALUE} is refused with {@code tooLarge.apply(raw)}. */
    public static Integer countOrUnlimited(String raw, UnaryOperator<String> refusal, UnaryOperator<String> tooLarge) {
        Long value = orUnlimited(raw, refusal);
        if (value != null && value > Integer.MAX_VALUE) {
            throw ApiException.invalid(tooLarge.apply(raw));
        }
        return value == null ? null : value.intValue();
    }
}
