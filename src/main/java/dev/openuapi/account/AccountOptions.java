package dev.openuapi.account;

import java.util.List;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;

/**
 * What an account keeps for the hosting stack to act on (cPanel's cpuser values: shell, CGI, Digest
 * Authentication, mail settings and the limits OpenUAPI does not count itself). A plain holder the WHM module
 * fills from cPanel's arguments and {@link AccountService#setOptions} stores; {@code null} limits are unlimited.
 */
public final class AccountOptions {

    /** cPanel's shell for an account without shell access. */
    public static final String NO_SHELL = "/usr/local/cpanel/bin/noshell";
    /** The shell {@code hasshell=1} gives. */
    public static final String SHELL = "/bin/bash";
    /** The shells {@code modifyacct shell} may set: a real shell, cPanel's jailed shell, or none. */
    public static final List<String> SHELLS = List.of(SHELL, "/bin/sh", "/usr/local/cpanel/bin/jailshell", NO_SHELL);
    public static final List<String> MAILBOX_FORMATS = List.of("maildir", "mdbox");

    public String shell = NO_SHELL;
    public boolean cgi = true;
    public boolean digestAuth;
    public boolean spamassassin = true;
    public boolean spambox = true;
    public boolean dkim = true;
    public boolean spf = true;
    public boolean dmarc = true;
    public boolean useRegisteredNs;
    public String mailboxFormat = "maildir";
    public MailLimits mailLimits = new MailLimits();

    public static AccountOptions of(Account account) {
        AccountOptions o = new AccountOptions();
        o.shell = account.shell;
        o.cgi = account.cgi;
        o.digestAuth = account.digestAuth;
        o.spamassassin = account.spamassassin;
        o.spambox = account.spambox;
        o.dkim = account.dkim;
        o.spf = account.spf;
        o.dmarc = account.dmarc;
        o.useRegisteredNs = account.useRegisteredNs;
        o.mailboxFormat = account.mailboxFormat;
        o.mailLimits = account.mailLimits();
        return o;
    }

    public boolean hasShell() {
        return !NO_SHELL.equals(shell);
    }

    void check() {
        if (!SHELLS.contains(shell)) {
            throw ApiException.invalid(Quote.of(shell) + " is not a valid shell. Use one of: " + String.join(", ", SHELLS) + ".");
        }
        if (!MAILBOX_FORMATS.contains(mailboxFormat)) {
            throw ApiException.invalid(Quote.of(mailboxFormat) + " is not a valid mailbox format: use maildir or mdbox.");
        }
        mailLimits.check();
    }

    void applyTo(Account account) {
        account.shell = shell;
        account.cgi = cgi;
        account.digestAuth = digestAuth;
        account.spamassassin = spamassassin;
        account.spambox = spambox;
        account.dkim = dkim;
        account.spf = spf;
        account.dmarc = dmarc;
        account.useRegisteredNs = useRegisteredNs;
        account.mailboxFormat = mailboxFormat;
        account.setMailLimits(mailLimits);
    }
}
