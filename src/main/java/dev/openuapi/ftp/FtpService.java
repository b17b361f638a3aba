package dev.openuapi.ftp;

import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountEvents;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.domain.AccountDomainRepository;
import dev.openuapi.domain.MainDomainChanged;
import dev.openuapi.files.Home;
import dev.openuapi.files.HomeDirectories;
import dev.openuapi.files.HomePath;
import dev.openuapi.files.HomePaths;
import dev.openuapi.files.HomesRootMoved;
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

    /** An FTP login's directory, made when missing, as cPanel makes it. */
    private static final int DIRECTORY_MODE = 0755;

    private final FtpAccountRepository ftpLogins;
    private final HomePaths homes;
    private final HomeDirectories directories;

    FtpService(FtpAccountRepository logins, AccountRepository accounts, AccountDomainRepository domains, PlanService plans, HomePaths homes,
            HomeDirectories directories) {
        super(logins, accounts, domains, plans, Limit.FTP_ACCOUNTS, "FTP account", "pass_hash");
        this.ftpLogins = logins;
        this.homes = homes;
        this.directories = directories;
    }

    /** The real home directory of {@code username}, the main FTP login's directory. */
    public String home(String username) {
        return homes.of(username);
    }

    /**
     * @param password     the password, or null when {@code passwordHash} (SHA512-CRYPT) is given
     * @param homedir      relative to the account's home, under {@code /home/<user>} or under the real home; default
     *                     {@code public_html/<user>}. Made when missing.
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
            ftp.homedir = directory(account, homedir == null || homedir.isEmpty() ? "public_html/" + name : homedir);
            return ftp;
        }, "The FTP account " + Quote.of(address) + " already exists.");
    }

    @Transactional
    public void setHomedir(long accountId, String user, String domain, String homedir) {
        FtpAccount ftp = find(accountId, user, domain);
        ftp.homedir = directory(ftp.account, homedir);
    }

    /**
     * A renamed account: its FTP logins ({@code user@domain}) keep their names, as on cPanel, and their directories
     * follow the home directory to {@code <root>/<new name>}. The main FTP login is the username itself, so it follows.
     */
    void onAccountRenamed(@Observes AccountEvents.Renamed event) {
        for (FtpAccount ftp : logins.forAccount(event.account().id)) {
            ftp.homedir = homes.renamed(ftp.homedir, event.oldUsername(), event.account().username);
        }
    }

    /** The homes root changed: the FTP logins' directories follow it (one statement). */
    void onHomesRootMoved(@Observes HomesRootMoved moved) {
        ftpLogins.moveBelow(moved.from(), moved.to());
    }

    /**
     * A directory in the account's home, as its real absolute path: the client's path is relative to the home, under
     * {@code /home/<user>} or under the real home, and may not lead out of it ({@link HomePath#parse}). The directory is
     * made when missing (and the home, for an account made before homes existed); a file there, or a symlink
     * that leads out of the home, is refused.
     */
    private String directory(Account account, String clientPath) {
        HomePath path = homes.parse(account.username, clientPath.trim().replace('\\', '/'));
        Home home = directories.of(account);
        HomePath real = home.resolve(path, true); // a symlink that leads out of the home is refused here
        var there = home.find(real);
        if (there.isEmpty()) {
            home.mkdir(real, true, DIRECTORY_MODE);
        } else if (!there.get().isDirectory()) {
            throw ApiException.invalid(Quote.of(clientPath) + " is not a directory.");
        }
        return homes.of(account.username, path);
    }
}
