package dev.openuapi.common;

/** The one rule for a password that OpenUAPI sets (mailboxes, FTP logins, database users): 8 characters or more. */
public final class PasswordRule {

    public static final int MIN_LENGTH = 8;

    private PasswordRule() {
    }

    /** Refuses a missing password and one shorter than {@link #MIN_LENGTH}. */
    public static void requireMinimumLength(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw ApiException.invalid("The password must be at least " + MIN_LENGTH + " characters long.");
        }
    }
}
