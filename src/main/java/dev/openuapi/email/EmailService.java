package dev.openuapi.email;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
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

/** An account's mailboxes and forwarders, on its own domains only. */
@ApplicationScoped
public class EmailService {

    private static final Pattern LOCAL = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]{1,64}@[a-z0-9.-]{1,253}");

    private final EntityManager em;
    private final AccountDomainRepository domains;
    private final PlanService plans;

    EmailService(EntityManager em, AccountDomainRepository domains, PlanService plans) {
        this.em = em;
        this.domains = domains;
        this.plans = plans;
    }

    @Transactional
    public List<Mailbox> mailboxes(long accountId) {
        return em.createQuery("from Mailbox where account.id = ?1 order by email", Mailbox.class).setParameter(1, accountId).getResultList();
    }

    public long count(long accountId) {
        return em.createQuery("select count(m) from Mailbox m where m.account.id = ?1", Long.class).setParameter(1, accountId)
                .getSingleResult();
    }

    /** @return the mailbox's address */
    @Transactional
    public Mailbox add(long accountId, String email, String domainName, String password, String passwordHash, String quota) {
        Account account = em.find(Account.class, accountId);
        String address = address(account, email, domainName);
        String hash = CryptPasswords.fromInput(password, passwordHash, "password_hash");
        plans.requireRoom(account, Limit.EMAIL_ACCOUNTS, () -> count(accountId));
        Mailbox mailbox = new Mailbox();
        mailbox.account = account;
        mailbox.email = address;
        mailbox.domain = address.substring(address.indexOf('@') + 1);
        mailbox.passwordHash = hash;
        mailbox.quotaMb = CryptPasswords.quotaMegabytes(quota);
        mailbox.createdAt = Epoch.now();
        return Unique.insert(em, mailbox, "The account “" + address + "” already exists.");
    }

    @Transactional
    public void delete(long accountId, String email, String domain) {
        em.remove(find(accountId, email, domain));
    }

    @Transactional
    public void passwd(long accountId, String email, String domain, String password) {
        find(accountId, email, domain).passwordHash = CryptPasswords.fromInput(password, null, "password_hash");
    }

    @Transactional
    public void setQuota(long accountId, String email, String domain, String quota) {
        find(accountId, email, domain).quotaMb = CryptPasswords.quotaMegabytes(quota);
    }

    @Transactional
    public Mailbox get(long accountId, String email, String domain) {
        return find(accountId, email, domain);
    }

    /** Sets one of the suspension flags. */
    @Transactional
    public void change(long accountId, String email, Consumer<Mailbox> change) {
        change.accept(find(accountId, email, null));
    }

    @Transactional
    public List<EmailForwarder> forwarders(long accountId, String domain) {
        return em.createQuery("from EmailForwarder where account.id = ?1 and (?2 is null or domain = ?2) order by address, destination",
                EmailForwarder.class).setParameter(1, accountId).setParameter(2, domain == null || domain.isEmpty() ? null
                        : ZoneService.normalize(domain)).getResultList();
    }

    /** @param fwdopt fwd (to fwdemail), fail (with failmsgs), blackhole or pipe (to pipefwd) */
    @Transactional
    public EmailForwarder addForwarder(long accountId, String email, String domainName, String fwdopt, String fwdemail, String failmsgs,
            String pipefwd) {
        Account account = em.find(Account.class, accountId);
        String address = address(account, email, domainName);
        String destination = switch (fwdopt == null ? "" : fwdopt) {
            case "fwd" -> {
                String target = fwdemail == null ? "" : fwdemail.trim().toLowerCase(Locale.ROOT);
                if (!ADDRESS.matcher(target).matches()) {
                    throw ApiException.invalid("“" + fwdemail + "” is not a valid email address.");
                }
                yield target;
            }
            case "fail" -> ":fail: " + (failmsgs == null || failmsgs.isBlank() ? "No such person at this address." : oneLine(failmsgs));
            case "blackhole" -> ":blackhole:";
            case "pipe" -> {
                if (pipefwd == null || pipefwd.isBlank()) {
                    throw ApiException.invalid("Provide the “pipefwd” argument.");
                }
                String program = oneLine(pipefwd);
                if (program.startsWith("/") || program.contains("..")) {
                    throw ApiException.invalid("“" + pipefwd + "” must be a program path relative to the home directory.");
                }
                yield "|" + Homes.of(account.username) + "/" + program;
            }
            default -> throw ApiException.invalid("“" + fwdopt + "” is not a valid “fwdopt”: use fwd, fail, blackhole or pipe.");
        };
        EmailForwarder forwarder = new EmailForwarder();
        forwarder.account = account;
        forwarder.address = address;
        forwarder.domain = address.substring(address.indexOf('@') + 1);
        forwarder.destination = destination;
        forwarder.createdAt = Epoch.now();
        return Unique.insert(em, forwarder, "The forwarder from “" + address + "” to “" + destination + "” already exists.");
    }

    /** @return whether a forwarder was removed */
    @Transactional
    public boolean deleteForwarder(long accountId, String address, String destination) {
        List<EmailForwarder> found = em.createQuery("from EmailForwarder where account.id = ?1 and address = ?2 and destination = ?3",
                EmailForwarder.class).setParameter(1, accountId).setParameter(2, address == null ? "" : address.trim().toLowerCase(Locale.ROOT))
                .setParameter(3, destination == null ? "" : destination.trim()).getResultList();
        found.forEach(em::remove);
        return !found.isEmpty();
    }

    private Mailbox find(long accountId, String email, String domain) {
        Account account = em.find(Account.class, accountId);
        String address = (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
        if (!address.contains("@")) {
            address = address + "@" + (domain == null || domain.isEmpty() ? account.domain : ZoneService.normalize(domain));
        }
        return em.createQuery("from Mailbox where account.id = ?1 and email = ?2", Mailbox.class).setParameter(1, accountId)
                .setParameter(2, address).getResultStream().findFirst()
                .orElseThrow(() -> ApiException.notFound("The email account “" + email + "” does not exist."));
    }

    /** user@domain on one of the account's domains; the local part checked, everything lowercased. */
    private String address(Account account, String email, String domainName) {
        String value = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        String local = value;
        String domain = domainName == null || domainName.isEmpty() ? account.domain : ZoneService.normalize(domainName);
        int at = value.lastIndexOf('@');
        if (at >= 0) {
            local = value.substring(0, at);
            domain = value.substring(at + 1);
        }
        if (local.isEmpty() || local.length() > 64 || !LOCAL.matcher(local).matches()) {
            throw ApiException.invalid("“" + email + "” is not a valid email account name.");
        }
        String owned = domain;
        if (domains.byName(owned).filter(d -> d.account.id.equals(account.id)).isEmpty()) {
            throw ApiException.invalid("The domain “" + domain + "” does not belong to this account.");
        }
        return local + "@" + domain;
    }


    private static String oneLine(String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\0') >= 0) {
            throw ApiException.invalid("The value must be a single line.");
        }
        return text.trim();
    }
}
