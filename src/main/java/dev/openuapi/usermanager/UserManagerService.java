package dev.openuapi.usermanager;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.openuapi.email.EmailService;
import dev.openuapi.email.Mailbox;
import dev.openuapi.ftp.FtpAccount;
import dev.openuapi.ftp.FtpService;
import dev.openuapi.login.HostedLogin;

/**
 * The accounts cPanel's User Manager shows, from what OpenUAPI stores: the mailboxes and FTP logins ("service
 * accounts") and the cPanel account itself. OpenUAPI has no subaccounts, no Web Disk and no merge annotations, so
 * every service account is unlinked and never dismissed. Grouping follows cPanel's
 * {@code Cpanel::UserManager::_list_users_no_cache}.
 */
@ApplicationScoped
public class UserManagerService {

    /** A service account: one mailbox or one FTP login. */
    public record ServiceAccount(String service, String username, String domain, long createdAt, Long quotaMb, long usedBytes,
            String homedir) {

        public String fullUsername() {
            return username + "@" + domain;
        }
    }

    /** The service accounts that share one {@code user@domain}, in service order (email, then ftp). */
    public record Group(String fullUsername, List<ServiceAccount> accounts) {
    }

    private final EmailService email;
    private final FtpService ftp;

    UserManagerService(EmailService email, FtpService ftp) {
        this.email = email;
        this.ftp = ftp;
    }

    /** The real home directory of {@code username}, which the FTP logins' directories are shown relative to. */
    public String home(String username) {
        return ftp.home(username);
    }

    /** Every service account of the account, grouped by full username, sorted by it. */
    @Transactional
    public List<Group> serviceAccounts(long accountId, String home) {
        Map<String, List<ServiceAccount>> byName = new TreeMap<>();
        for (Mailbox box : email.list(accountId)) {
            add(byName, new ServiceAccount("email", local(box.email), box.domain, box.createdAt, box.quotaMb, box.diskUsedBytes, null));
        }
        for (FtpAccount login : ftp.list(accountId)) {
            add(byName, new ServiceAccount("ftp", local(login.login), login.domain, login.createdAt, login.quotaMb, login.diskUsedBytes,
                    relative(login.homedir, home)));
        }
        List<Group> groups = new ArrayList<>();
        byName.forEach((name, accounts) -> groups.add(new Group(name, List.copyOf(accounts))));
        return groups;
    }

    /** The service accounts named {@code fullUsername} (any case), grouped as {@link #serviceAccounts}. */
    @Transactional
    public List<ServiceAccount> serviceAccounts(long accountId, String home, String fullUsername) {
        String wanted = fullUsername.toLowerCase(Locale.ROOT);
        return serviceAccounts(accountId, home).stream().filter(g -> g.fullUsername().equals(wanted)).findFirst()
                .map(Group::accounts).orElse(List.of());
    }

    private static void add(Map<String, List<ServiceAccount>> byName, ServiceAccount account) {
        byName.computeIfAbsent(account.fullUsername(), k -> new ArrayList<>()).add(account);
    }

    private static String local(String address) {
        int at = address.indexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    /** cPanel's reldir: the directory below the home, with a leading slash ("/public_html/deploy"). */
    private static String relative(String dir, String home) {
        if (dir == null || dir.equals(home)) {
            return "/";
        }
        return dir.startsWith(home + "/") ? dir.substring(home.length()) : dir;
    }

    static double mb(long bytes) {
        return bytes / HostedLogin.MIB;
    }
}
