package dev.openuapi.login;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.transaction.Transactional;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.CryptPasswords;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Quantities;
import dev.openuapi.common.Quote;
import dev.openuapi.common.Unique;
import dev.openuapi.domain.AccountDomainRepository;
import dev.openuapi.domain.MainDomainChanged;
import dev.openuapi.plan.Limit;
import dev.openuapi.plan.PlanService;

/**
 * The operations a mailbox and an FTP login share, written once: find by {@code user@domain}, list, count,
 * add, delete, change the password or the quota, record the disk use. {@code EmailService} and
 * {@code FtpService} extend it with what is their own.
 */
public abstract class HostedLogins<T extends HostedLogin> {

    protected final HostedLoginRepository<T> logins;
    protected final AccountRepository accounts;
    private final AccountDomainRepository domains;
    private final PlanService plans;
    private final Limit limit;
    private final String noun;
    private final String hashParameter;

    /**
     * @param noun          what the refusals call one: "email account", "FTP account"
     * @param hashParameter the argument that carries a SHA512-CRYPT hash instead of a password
     */
    protected HostedLogins(HostedLoginRepository<T> logins, AccountRepository accounts, AccountDomainRepository domains, PlanService plans,
            Limit limit, String noun, String hashParameter) {
        this.logins = logins;
        this.accounts = accounts;
        this.domains = domains;
        this.plans = plans;
        this.limit = limit;
        this.noun = noun;
        this.hashParameter = hashParameter;
    }

    /**
     * Only for the proxies CDI makes of the services (ArC adds a no-argument constructor to each, and it must
     * call one here); a proxy forwards every call to the real bean and never reads these fields.
     */
    protected HostedLogins() {
        this(null, null, null, null, null, null, null);
    }

    /** A quota in MB as cPanel takes it: {@code null} (unlimited) for nothing, 0 or "unlimited". */
    public static Long quota(String raw) {
        return Quantities.orUnlimitedOrZero(raw, given -> Quote.of(given) + " is not a valid quota: give megabytes, or 0 or unlimited for none.");
    }

    @Transactional
    public List<T> list(long accountId) {
        return logins.forAccount(accountId);
    }

    public long count(long accountId) {
        return logins.countFor(accountId);
    }

    /** @param user {@code user@domain}, or {@code user} with {@code domain} (the main domain when left out) */
    @Transactional
    public T get(long accountId, String user, String domain) {
        return find(accountId, user, domain);
    }

    @Transactional
    public void delete(long accountId, String user, String domain) {
        logins.delete(find(accountId, user, domain));
    }

    @Transactional
    public void passwd(long accountId, String user, String domain, String password) {
        find(accountId, user, domain).passwordHash = CryptPasswords.fromInput(password, null, hashParameter);
    }

    @Transactional
    public void setQuota(long accountId, String user, String domain, String quota) {
        T login = find(accountId, user, domain);
        login.quotaMb = allowedQuota(accounts.findById(accountId), quota(quota));
    }

    /** The quota a login gets when {@code quotaMb} is asked for ({@code null}: unlimited); by default, that one. */
    protected Long allowedQuota(Account account, Long quotaMb) {
        return quotaMb;
    }

    /**
     * The metering agent's figure for one login, by its {@code user@domain} in any case.
     *
     * @return false when the account has no such login
     */
    @Transactional
    public boolean recordDiskUse(long accountId, String address, long bytes) {
        return logins.recordDiskUse(accountId, address.toLowerCase(Locale.ROOT), bytes) > 0;
    }

    /**
     * The account's logins on the old main domain or under it move to the new name with the same user, password, quota
     * and disk figures (cPanel renames {@code x@old.example} to {@code x@new.example}). A taken address undoes the change.
     */
    protected void follow(MainDomainChanged change) {
        for (T login : logins.forAccount(change.accountId())) {
            String domain = change.rename(login.domain);
            if (!domain.equals(login.domain)) {
                login.domain = domain;
                login.setAddress(change.renameAddress(login.address()));
            }
        }
        Unique.flush(logins.getEntityManager(), "The " + noun + " names on " + Quote.of(change.to()) + " are taken already.");
    }

    protected T find(long accountId, String user, String domain) {
        Account account = accounts.findById(accountId);
        return logins.byAddress(accountId, LoginAddress.of(user, domain, account.domain).toString())
                .orElseThrow(() -> ApiException.notFound("The " + noun + " " + Quote.of(user) + " does not exist."));
    }

    /** Refuses a domain that is not one of the account's own, quoting {@code asGiven}. */
    protected void requireOwnDomain(Account account, String domain, String asGiven) {
        if (!domain.equals(account.domain) && domains.byName(domain).filter(d -> d.account.id.equals(account.id)).isEmpty()) {
            throw ApiException.invalid("The domain " + Quote.of(asGiven) + " does not belong to this account.");
        }
    }

    /**
     * Stores a new login at {@code address}, whose user and domain the caller has checked: the password (or
     * a client's own SHA512-CRYPT hash) checked, the plan's limit kept, then {@code create} makes the entity
     * with its own fields (and their checks), then the quota is read; a taken address is refused with
     * {@code conflict}.
     */
    protected T insert(Account account, LoginAddress address, String password, String passwordHash, String quota, Supplier<T> create,
            String conflict) {
        String hash = CryptPasswords.fromInput(password, passwordHash, hashParameter);
        plans.requireRoom(account, limit, () -> count(account.id));
        T login = create.get();
        login.account = account;
        login.setAddress(address.toString());
        login.domain = address.domain();
        login.passwordHash = hash;
        login.quotaMb = allowedQuota(account, quota(quota));
        login.createdAt = Epoch.now();
        return Unique.insert(logins.getEntityManager(), login, conflict);
    }
}
