package dev.openuapi.domain;

/**
 * Fired inside {@link MainDomainService}'s transaction once the account's main domain, its subdomains and its zone carry
 * the new name, so that what else is named after the domain (mailboxes, FTP logins, installed certificates) follows in the
 * same transaction, without the domain package knowing those features. An observer that throws undoes the whole change.
 *
 * @param from the old main domain
 * @param to   the new one
 */
public record MainDomainChanged(long accountId, String username, String from, String to) {

    /** {@code name} under the new main domain if it is the old one or under it ({@code blog.old.example}); else as it is. */
    public String rename(String name) {
        if (name == null) {
            return null;
        }
        if (name.equals(from)) {
            return to;
        }
        if (name.endsWith("." + from)) {
            return name.substring(0, name.length() - from.length()) + to;
        }
        return name;
    }

    /** {@code user@domain} with its domain renamed as {@link #rename} says; anything else as it is. */
    public String renameAddress(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (at < 0) {
            return address;
        }
        return address.substring(0, at + 1) + rename(address.substring(at + 1));
    }
}
