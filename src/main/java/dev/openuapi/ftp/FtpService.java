package dev.openuapi.ftp;

import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountEvents;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.account.Homes;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.domain.AccountDomainRepository;
import dev.openuapi.domain.MainDomainChanged;
import dev.openuapi.login.HostedLogins;
import dev.openuapi.login.LoginAddress;
import dev.openuapi.plan.Limit;
import dev.openuapi.plan.PlanService;

/**
 * An account's FTP logins: {@code user@domain} on one of its domains, in a directory under its home. What
 * an FTP login shares with a mailbox (find, list, count, delete, passwd, setQuota) is {@link HostedLogins}'.
 */
@ApplicationScoped
public class FtpService extends HostedLogins<FtpAccount> {

    private static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** FTP logins {@code user@old.example} become {@code user@new.example}, as cPanel renames them. */
    void onMainDomainChanged(@Observes MainDomainChanged change) {
        follow(change);
    }

    FtpService(FtpAccountRepository logins, AccountRepository accounts, AccountDomainRepository domains, PlanService plans) {
        super(logins, accounts, domains, plans, Limit.FTP_ACCOUNTS, "FTP account", "pass_hash");
    }

    /**
     * @param password     the password, or null when {@code passwordHash} (SHA512-CRYPT) is given
     * @param homedir      relative to the account's home; default {@code public_html/<user>}
     * @param quota        MB, or empty, 0 or "unlimited" for none
     */
    @Transactional
    public FtpAccount add(long accountId, String user, String domainName, String password, String passwordHash, String homedir,
            String quota) {
        Account account = accounts.findById(accountId);
        String name = user == null ? "" : user.trim().toLowerCase(Locale.ROOT);
        if (!USER.matcher(name).matches()) {
            throw ApiException.invalid(Quote.of(user) + " is not a valid FTP user name: use letters, digits, dots, dashes and underscores.");
        }
        LoginAddress address = LoginAddress.of(name, domainName, account.domain);
        requireOwnDomain(account, address.domain(), domainName);
        return insert(account, address, password, passwordHash, quota, () -> {
            FtpAccount ftp = new FtpAccount();
            ftp.homedir = homedir(account, homedir == null || homedir.isEmpty() ? "public_html/" + name : homedir);
            return ftp;
        }, "The FTP account " + Quote.of(address) + " already exists.");
    }

    @Transactional
    public void setHomedir(long accountId, String user, String domain, String homedir) {
        FtpAccount ftp = find(accountId, user, domain);
        ftp.homedir = homedir(ftp.account, homedir);
    }

    /**
     * A renamed account: its FTP logins ({@code user@domain}) keep their names, as on cPanel, and their directories
     * follow the home directory to {@code /home/<new name>}. The main FTP login is the username itself, so it follows.
     */
    void onAccountRenamed(@Observes AccountEvents.Renamed event) {
        for (FtpAccount ftp : logins.forAccount(event.account().id)) {
            ftp.homedir = Homes.renamed(ftp.homedir, event.oldUsername(), event.account().username);
        }
    }

    /** A directory under the account's home: relative, with no "..", normalised. */
    static String homedir(Account account, String relative) {
        String path = relative.trim().replace('\\', '/');
        if (path.startsWith("/") || path.contains("\0")) {
            throw ApiException.invalid(Quote.of(relative) + " must be a path relative to the home directory.");
        }
        StringBuilder normal = new StringBuilder(Homes.of(account.username));
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw ApiException.invalid(Quote.of(relative) + " may not leave the home directory.");
            }
            normal.append('/').append(part);
        }
        return normal.toString();
    }
}
