package dev.openuapi.email;

/**
 * A mailbox was added ({@code oldAddress} null), removed ({@code newAddress} null) or renamed (both: the main domain
 * changed), inside the change's transaction. Features that keep files for a mailbox in the account's home (mail
 * filters, autoresponders) observe it after the transaction commits.
 */
public record MailboxChanged(long accountId, String username, Long planId, String oldAddress, String newAddress) {
}
