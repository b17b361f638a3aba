package dev.openuapi.login;

import java.util.Locale;

import dev.openuapi.common.DomainNames;

/**
 * {@code user@domain}, the name of a mailbox or FTP login, as a caller gives it: {@code user@domain}, or
 * {@code user} with a separate {@code domain} argument, the account's main domain when that is left out.
 * Trimmed and lowercased; the {@code domain} argument is normalised as a DNS name, the part after the last
 * {@code @} only lowercased. Nothing is checked here: see {@link HostedLogins}.
 */
public record LoginAddress(String user, String domain) {

    public static LoginAddress of(String user, String domainArgument, String mainDomain) {
        String value = user == null ? "" : user.trim().toLowerCase(Locale.ROOT);
        int at = value.lastIndexOf('@');
        if (at >= 0) {
            return new LoginAddress(value.substring(0, at), value.substring(at + 1));
        }
        return new LoginAddress(value, domainArgument == null || domainArgument.isEmpty() ? mainDomain : DomainNames.normalize(domainArgument));
    }

    @Override
    public String toString() {
        return user + "@" + domain;
    }
}
