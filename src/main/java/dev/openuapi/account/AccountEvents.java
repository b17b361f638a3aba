package dev.openuapi.account;

/**
 * Fired inside the account's transaction, so that features built on accounts (domains and zones) are
 * created and removed with it, without the account package knowing them.
 */
public final class AccountEvents {

    private AccountEvents() {
    }

    /** The account is stored; its main domain is {@link Account#domain}. */
    public record Created(Account account) {
    }

    /** The account is about to be removed; {@code keepDns}: its DNS zones stay (removeacct {@code keepdns=1}). */
    public record Removing(Account account, boolean keepDns) {

        public Removing(Account account) {
            this(account, false);
        }
    }

    /**
     * The account's username changed from {@code oldUsername} to {@code account.username} (WHM's {@code modifyacct
     * newuser}): each feature that keeps the name, or a path under {@code /home/<name>}, makes it follow, inside the
     * rename's transaction. A feature whose change is not transactional (the hosting database server) observes late
     * and undoes its change when the transaction does not commit.
     */
    public record Renamed(Account account, String oldUsername) {
    }
}
