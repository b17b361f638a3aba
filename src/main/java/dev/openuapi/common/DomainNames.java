package dev.openuapi.common;

import java.util.Locale;
import java.util.regex.Pattern;

/** Domain names as clients send them: the one place that normalises and checks them. */
public final class DomainNames {

    /** A host name of letters, digits and hyphens, at least two labels, a letter-led top-level label. */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");

    private DomainNames() {
    }

    /** Trimmed, lowercased, without a trailing dot ({@code null} reads as empty). Not checked. */
    public static String normalize(String domain) {
        String name = domain == null ? "" : domain.trim().toLowerCase(Locale.ROOT);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** The normalised name, or a refusal quoting the name as it was given. */
    public static String check(String domain) {
        String normalized = normalize(domain);
        if (!DOMAIN.matcher(normalized).matches()) {
            throw ApiException.invalid(Quote.of(domain) + " is not a valid domain name.");
        }
        return normalized;
    }
}
