package dev.openuapi.ftp;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.openuapi.account.Account;
import dev.openuapi.account.Homes;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.CryptPasswords;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Unique;
import dev.openuapi.dns.ZoneService;
import dev.openuapi.domain.AccountDomainRepository;
import dev.openuapi.plan.Limit;
import dev.openuapi.plan.PlanService;

/** An account's FTP logins: {@code user@domain} on one of its domains, in a directory under its home. */
@ApplicationScoped
public class FtpService {

    private static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final EntityManager em;
    private final AccountDomainRepository domains;
    private final PlanService plans;

    FtpService(EntityManager em, AccountDomainRepository domains, PlanService plans) {
        this.em = em;
        this.domains = domains;
        this.plans = plans;
    }

    @Transactional
    public List<FtpAccount> list(long accountId) {
        return em.createQuery("from FtpAccount where account.id = ?1 order by login", FtpAccount.class).setParameter(1, accountId)
                .getResultList();
    }

    public long count(long accountId) {
        return em.createQuery("select count(f) from FtpAccount f where f.account.id = ?1", Long.class).setParameter(1, accountId)
                .getSingleResult();
    }

    /**
     * @param password     the password, or null when {@code passwordHash} (SHA512-CRYPT) is given
     * @param homedir      relative to the account's home; default {@code public_html/<user>}
     */
    @Transactional
    public FtpAccount add(long accountId, String user, String domainName, String password, String passwordHash, String homedir,
            String quota) {
        Account account = em.find(Account.class, accountId);
        String name = user == null ? "" : user.trim().toLowerCase(Locale.ROOT);
        if (!USER.matcher(name).matches()) {
            throw ApiException.invalid("“" + user + "” is not a valid FTP user name: use letters, digits, dots, dashes and underscores.");
        }
        String domain = ownDomain(account, domainName);
        String hash = CryptPasswords.fromInput(password, passwordHash, "pass_hash");
        plans.requireRoom(account, Limit.FTP_ACCOUNTS, () -> count(accountId));
        FtpAccount ftp = new FtpAccount();
        ftp.account = account;
        ftp.login = name + "@" + domain;
        ftp.domain = domain;
        ftp.homedir = homedir(account, homedir == null || homedir.isEmpty() ? "public_html/" + name : homedir);
        ftp.passwordHash = hash;
        ftp.quotaMb = CryptPasswords.quotaMegabytes(quota);
        ftp.createdAt = Epoch.now();
        return Unique.insert(em, ftp, "The FTP account “" + ftp.login + "” already exists.");
    }

    @Transactional
    public void delete(long accountId, String user, String domain) {
        em.remove(find(accountId, user, domain));
    }

    @Transactional
    public void passwd(long accountId, String user, String domain, String password) {
        find(accountId, user, domain).passwordHash = CryptPasswords.fromInput(password, null, "pass_hash");
    }

    @Transactional
    public void setQuota(long accountId, String user, String domain, String quota) {
        find(accountId, user, domain).quotaMb = CryptPasswords.quotaMegabytes(quota);
    }

    @Transactional
    public void setHomedir(long accountId, String user, String domain, String homedir) {
        FtpAccount ftp = find(accountId, user, domain);
        ftp.homedir = homedir(ftp.account, homedir);
    }

    /** {@code user@domain}, or {@code user} with {@code domain} (default: the main domain). */
    private FtpAccount find(long accountId, String user, String domain) {
        Account account = em.find(Account.class, accountId);
        String login = user == null ? "" : user.trim().toLowerCase(Locale.ROOT);
        if (!login.contains("@")) {
            login = login + "@" + (domain == null || domain.isEmpty() ? account.domain : ZoneService.normalize(domain));
        }
        return em.createQuery("from FtpAccount where account.id = ?1 and login = ?2", FtpAccount.class).setParameter(1, accountId)
                .setParameter(2, login).getResultStream().findFirst()
                .orElseThrow(() -> ApiException.notFound("The FTP account “" + user + "” does not exist."));
    }

    private String ownDomain(Account account, String domainName) {
        if (domainName == null || domainName.isEmpty()) {
            return account.domain;
        }
        String domain = ZoneService.normalize(domainName);
        return domains.byName(domain).filter(d -> d.account.id.equals(account.id)).map(d -> d.name)
                .orElseThrow(() -> ApiException.invalid("The domain “" + domainName + "” does not belong to this account."));
    }


    /** A directory under the account's home: relative, with no "..", normalised. */
    static String homedir(Account account, String relative) {
        String path = relative.trim().replace('\\', '/');
        if (path.startsWith("/") || path.contains("\0")) {
            throw ApiException.invalid("“" + relative + "” must be a path relative to the home directory.");
        }
        StringBuilder normal = new StringBuilder(Homes.of(account.username));
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw ApiException.invalid("“" + relative + "” may not leave the home directory.");
            }
            normal.append('/').append(part);
        }
        return normal.toString();
    }
}
