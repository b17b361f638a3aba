package dev.openuapi.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountEvents;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.DomainNames;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Quote;
import dev.openuapi.common.Unique;
import dev.openuapi.dns.RecordData;
import dev.openuapi.dns.ZoneService;
import dev.openuapi.files.FileInfo;
import dev.openuapi.files.Home;
import dev.openuapi.files.HomeDirectories;
import dev.openuapi.files.HomePath;
import dev.openuapi.files.HomePaths;
import dev.openuapi.files.HomesRootMoved;
import dev.openuapi.plan.Limit;
import dev.openuapi.plan.PlanService;

import io.quarkus.runtime.StartupEvent;

/**
 * The domains of an account. A domain belongs to exactly one account; main, addon and parked domains
 * get a DNS zone of their own, created and removed with the domain.
 */
@ApplicationScoped
public class DomainService {

    private static final Logger LOG = Logger.getLogger(DomainService.class);

    private final AccountDomainRepository domains;
    private final AccountRepository accounts;
    private final ZoneService zones;
    private final PlanService plans;
    private final HomePaths homes;
    private final HomeDirectories directories;

    DomainService(AccountDomainRepository domains, AccountRepository accounts, ZoneService zones,
            PlanService plans, HomePaths homes, HomeDirectories directories) {
        this.plans = plans;
        this.homes = homes;
        this.directories = directories;
        this.domains = domains;
        this.accounts = accounts;
        this.zones = zones;
    }

    void onAccountCreated(@Observes AccountEvents.Created event) {
        Account account = event.account();
        store(account, account.domain, AccountDomain.MAIN, null, mainDocumentRoot(account.username));
    }

    void onAccountRemoving(@Observes AccountEvents.Removing event) {
        for (AccountDomain domain : domains.forAccount(event.account().id)) {
            if (domain.hasOwnZone() && !event.keepDns()) {
                zones.deleteZone(domain.name);
            }
            domains.delete(domain);
        }
    }

    /** A renamed account: its zones follow the name, and its document roots the home directory ({@code <root>/<new>}). */
    void onAccountRenamed(@Observes AccountEvents.Renamed event) {
        Account account = event.account();
        zones.changeOwner(event.oldUsername(), account.username);
        for (AccountDomain domain : domains.forAccount(account.id)) {
            domain.documentRoot = homes.renamed(domain.documentRoot, event.oldUsername(), account.username);
        }
    }

    /** The homes root changed: the document roots follow it (one statement). */
    void onHomesRootMoved(@Observes HomesRootMoved moved) {
        int rows = domains.moveBelow(moved.from(), moved.to());
        if (rows > 0) {
            LOG.infof("%d document roots moved from %s to %s", rows, moved.from(), moved.to());
        }
    }

    /** The real home directory of {@code username}: {@code <openuapi.homes.root>/<user>}. */
    public String home(String username) {
        return homes.of(username);
    }

    /** A document root relative to the home directory (cPanel's {@code basedir}: {@code public_html/blog}). */
    public String basedir(String username, String documentRoot) {
        return homes.relative(username, documentRoot);
    }

    /** The real document root of the main domain of {@code username}. */
    public String mainDocumentRoot(String username) {
        return homes.of(username) + "/public_html";
    }

    /**
     * Accounts made before domains existed get their main domain and zone (idempotent). One query at start-up,
     * not two per account: it finds none once every account has its main domain.
     */
    @Transactional
    void backfill(@Observes StartupEvent event) {
        for (Account account : domains.accountsWithoutMainDomain()) {
            if (!zones.zoneExists(account.domain)) {
                store(account, account.domain, AccountDomain.MAIN, null, mainDocumentRoot(account.username));
                LOG.infof("Created the main domain and zone of account %s", account.username);
            }
        }
    }

    @Transactional
    public List<AccountDomain> list(String username) {
        return domains.forAccount(account(username).id);
    }

    /** The account's domains by type. */
    @Transactional
    public AccountDomains domainsOf(String username) {
        Account account = account(username);
        return AccountDomains.of(account, domains.forAccount(account.id), mainDocumentRoot(account.username));
    }

    /**
     * What an account or the operator asks to add.
     *
     * @param type         addon_domain, parked_domain or sub_domain
     * @param name         the domain; for a subdomain, either its full name or its label with {@code rootDomain}
     * @param rootDomain   for a subdomain: the account's domain it lives under
     * @param subdomain    for an addon domain: the label of the subdomain of the main domain that backs it (cPanel's
     *                     {@code subdomain}); {@code null} for the addon domain's first label
     * @param documentRoot for an addon domain or a subdomain: the document root relative to the home directory
     *                     (cPanel's {@code dir}, {@code /public_html/x} or {@code public_html/x}); {@code null} for
     *                     the default, {@code <home>/<domain>}
     */
    public record Request(String type, String name, String rootDomain, String subdomain, String documentRoot) {
    }

    /**
     * A domain that went away.
     *
     * @param backingSubdomain for an addon domain: the subdomain of the main domain that backed it
     * @param backingKept      for an addon domain: whether other addon domains still use that subdomain, which
     *                         then stays
     */
    public record Removed(String name, String type, String backingSubdomain, boolean backingKept) {
    }

    /** The subdomain labels cPanel reserves ({@code Cpanel::Validate::SubDomain}): refused, and anything under them. */
    static final List<String> RESERVED_LABELS = List.of("www", "_wildcard_", "wildcard_safe");

    /** Directories of the home that cPanel never lets serve a domain ({@code Cpanel::SubDomain::RESERVED_DOCROOTS}). */
    static final List<String> RESERVED_DOCROOTS = List.of(".cpanel", ".trash", "etc", "mail", "ssl", "tmp", "logs", ".spamassassin",
            ".htpasswds", "var", "cgi-bin", ".ssh", "perl5");

    /** A directory name in a document root. */
    private static final Pattern DIRECTORY = Pattern.compile("[A-Za-z0-9._~+@-]+");

    /** A document root made for a new domain. */
    private static final int DOCUMENT_ROOT_MODE = 0755;

    /** The document_root column's length. */
    private static final int MAX_DOCUMENT_ROOT = 1024;

    /**
     * @param type       addon_domain, parked_domain or sub_domain
     * @param name       the domain; for a subdomain, either its full name or its label with {@code rootDomain}
     * @param rootDomain for a subdomain: the account's domain it lives under
     */
    @Transactional
    public AccountDomain add(String username, String type, String name, String rootDomain) {
        return add(username, new Request(type, name, rootDomain, null, null));
    }

    /**
     * Adds a domain: the plan's limit, the names (a domain under or above another account's is refused), the
     * document root, then the row and the DNS (a zone of its own, or an A record in the parent's zone), all in
     * one transaction.
     */
    @Transactional
    public AccountDomain add(String username, Request request) {
        Account account = account(username);
        String type = request.type();
        Limit limit = switch (type == null ? "" : type) {
            case AccountDomain.SUB -> Limit.SUBDOMAINS;
            case AccountDomain.ADDON -> Limit.ADDON_DOMAINS;
            case AccountDomain.PARKED -> Limit.PARKED_DOMAINS;
            default -> throw ApiException.invalid("The domain type must be addon_domain, parked_domain or sub_domain.");
        };
        plans.requireRoom(account, limit, () -> count(account.id, type));
        List<AccountDomain> owned = domains.forAccount(account.id);
        String home = homes.of(account.username);
        if (AccountDomain.SUB.equals(type)) {
            String rootDomain = request.rootDomain();
            if (rootDomain == null || rootDomain.isEmpty()) {
                throw ApiException.invalid("A subdomain needs its root domain (rootdomain).");
            }
            String root = DomainNames.check(rootDomain);
            AccountDomain parent = domains.byName(root).filter(d -> d.account.id.equals(account.id) && d.hasOwnZone())
                    .orElseThrow(() -> ApiException.invalid(Quote.of(rootDomain) + " is not a domain of this account."));
            String name = request.name();
            String label = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
            String full = label.endsWith("." + root) ? label : label + "." + root;
            if (label.isEmpty() || full.equals(root)) {
                throw ApiException.invalid(Quote.of(name) + " is not a valid subdomain.");
            }
            String relative = full.substring(0, full.length() - root.length() - 1);
            if (reserved(relative)) {
                throw reservedLabel(relative);
            }
            full = DomainNames.check(full);
            if (AccountDomain.MAIN.equals(parent.type) && !backedAddons(owned, relative).isEmpty()) {
                // cPanel's addon domain lives on this very subdomain: it exists already
                throw ApiException.conflict("The domain " + Quote.of(full) + " already exists on this server.");
            }
            String docroot = request.documentRoot() == null ? home + "/" + full
                    : documentRoot(account.username, home, request.documentRoot());
            AccountDomain sub = store(account, full, AccountDomain.SUB, parent.name, docroot);
            makeDocumentRoot(account, docroot);
            String address = account.ip == null ? zones.defaultAddress() : account.ip; // setsiteip's address, if any
            zones.add(account.username, parent.name, ZoneService.RecordInput.of(full + ".", RecordData.A.parse(address)));
            return sub;
        }
        String domain = DomainNames.check(request.name());
        String main = main(account, owned);
        if (AccountDomain.PARKED.equals(type)) {
            return store(account, domain, type, null, home + "/public_html");
        }
        if (main.endsWith("." + domain)) {
            throw ApiException.invalid("Primary domain may not be subdomain of addon domain.");
        }
        String label = request.subdomain() == null ? domain.split("\\.")[0] : backingLabel(request.subdomain(), main);
        String backing = label + "." + main;
        if (owned.stream().anyMatch(d -> AccountDomain.SUB.equals(d.type) && d.name.equals(backing))) {
            throw ApiException.conflict("The subdomain " + Quote.of(backing)
                    + " already exists; an addon domain needs a subdomain of its own.");
        }
        String docroot = request.documentRoot() == null ? home + "/" + domain
                : documentRoot(account.username, home, request.documentRoot());
        AccountDomain addon = store(account, domain, type, label, docroot);
        makeDocumentRoot(account, docroot);
        return addon;
    }

    /**
     * Removes an addon, parked or sub domain and its DNS: an addon or parked domain's zone (with the subdomains
     * in it), or a subdomain's records in its parent's zone.
     */
    @Transactional
    public void remove(String username, String name) {
        Account account = account(username);
        remove(account, owned(account, name));
    }

    /**
     * Removes one of the account's subdomains. The subdomain of the main domain that backs addon domains is
     * refused while they exist, as cPanel refuses it.
     */
    @Transactional
    public Removed removeSubdomain(String username, String name) {
        Account account = account(username);
        String fqdn = DomainNames.normalize(name);
        Optional<AccountDomain> found = domains.byName(fqdn).filter(d -> d.account.id.equals(account.id));
        if (found.isEmpty()) {
            String main = main(account, domains.forAccount(account.id));
            if (fqdn.endsWith("." + main)) {
                String label = fqdn.substring(0, fqdn.length() - main.length() - 1);
                List<String> addons = backedAddons(domains.forAccount(account.id), label);
                if (!addons.isEmpty()) {
                    throw ApiException.invalid("The " + Quote.of(label) + " subdomain links to the following addon "
                            + (addons.size() == 1 ? "domain" : "domains") + ": " + quotedList(addons) + ". You must remove the addon "
                            + (addons.size() == 1 ? "domain" : "domains") + " before you remove the subdomain.");
                }
            }
        }
        AccountDomain sub = found.filter(d -> AccountDomain.SUB.equals(d.type))
                .orElseThrow(() -> ApiException.notFound("The account " + Quote.of(username) + " has no subdomain " + Quote.of(name)
                        + "."));
        return remove(account, sub);
    }

    /**
     * Removes a parked domain, or an addon domain (cPanel's domain parked on a subdomain of the main domain).
     *
     * @param onSubdomain the subdomain the domain is parked on, as a full name; {@code null} to let the domain
     *                    say. Given, it must be the addon domain's.
     */
    @Transactional
    public Removed unpark(String username, String name, String onSubdomain) {
        Account account = account(username);
        AccountDomain found = owned(account, name);
        if (!AccountDomain.PARKED.equals(found.type) && !AccountDomain.ADDON.equals(found.type)) {
            throw ApiException.invalid(Quote.of(found.name) + " is not a parked or addon domain.");
        }
        if (onSubdomain != null) {
            String backing = AccountDomain.ADDON.equals(found.type) ? backingSubdomain(account, found) : null;
            if (!DomainNames.normalize(onSubdomain).equals(backing)) {
                // cPanel's words (AddonDomain::api2_deladdondomain), which name both bare
                throw ApiException.invalid("The subdomain " + Quote.cut(onSubdomain) + " does not correspond to " + found.name + ".");
            }
        }
        return remove(account, found);
    }

    /** Removes an addon domain; {@code backingSubdomain} (a full name) must be the subdomain it is parked on. */
    @Transactional
    public Removed removeAddon(String username, String name, String backingSubdomain) {
        Account account = account(username);
        AccountDomain found = owned(account, name);
        if (!AccountDomain.ADDON.equals(found.type)) {
            throw ApiException.invalid(Quote.of(found.name) + " is not an addon domain.");
        }
        return unpark(username, name, backingSubdomain);
    }

    private Removed remove(Account account, AccountDomain found) {
        if (AccountDomain.MAIN.equals(found.type)) {
            throw ApiException.invalid("The main domain cannot be removed; remove the account instead.");
        }
        String backing = null;
        boolean backingKept = false;
        List<AccountDomain> owned = domains.forAccount(account.id);
        if (AccountDomain.ADDON.equals(found.type)) {
            backing = backingSubdomain(account, found);
            backingKept = backedAddons(owned, found.backingLabel()).size() > 1;
        }
        if (found.hasOwnZone()) {
            for (AccountDomain sub : owned) {
                if (AccountDomain.SUB.equals(sub.type) && found.name.equals(sub.parent)) {
                    domains.delete(sub);
                }
            }
            zones.deleteZone(found.name);
        } else {
            zones.removeName(account.username, found.parent, found.name); // the subdomain's records go with it
        }
        domains.delete(found);
        return new Removed(found.name, found.type, backing, backingKept);
    }

    private AccountDomain owned(Account account, String name) {
        String domain = DomainNames.normalize(name);
        return domains.byName(domain).filter(d -> d.account.id.equals(account.id))
                .orElseThrow(() -> ApiException.notFound("The account " + Quote.of(account.username) + " has no domain "
                        + Quote.of(name) + "."));
    }

    /** The subdomain of the main domain an addon domain is parked on. */
    private String backingSubdomain(Account account, AccountDomain addon) {
        return addon.backingLabel() + "." + main(account, domains.forAccount(account.id));
    }

    private static String main(Account account, List<AccountDomain> owned) {
        return owned.stream().filter(d -> AccountDomain.MAIN.equals(d.type)).map(d -> d.name).findFirst().orElse(account.domain);
    }

    /** The addon domains parked on the subdomain {@code label} of the main domain. */
    private static List<String> backedAddons(List<AccountDomain> owned, String label) {
        return owned.stream().filter(d -> AccountDomain.ADDON.equals(d.type) && d.backingLabel().equals(label)).map(d -> d.name).sorted()
                .toList();
    }

    /** An addon domain's backing subdomain label from cPanel's {@code subdomain}: a label, or a name under the main domain. */
    private static String backingLabel(String subdomain, String main) {
        String label = subdomain.trim().toLowerCase(Locale.ROOT);
        if (label.contains("*")) {
            throw ApiException.invalid("You cannot create a wildcard addon domain.");
        }
        if (label.endsWith("." + main)) {
            label = label.substring(0, label.length() - main.length() - 1);
        }
        if (label.isEmpty()) {
            throw ApiException.invalid("You must specify a subdomain.");
        }
        if (reserved(label)) {
            throw reservedLabel(label);
        }
        DomainNames.check(label + "." + main);
        return label;
    }

    /** cPanel's words, which name the label twice. */
    private static ApiException reservedLabel(String label) {
        return ApiException.invalid("You cannot create the " + Quote.of(label) + " subdomain, because the system adds the "
                + Quote.of(label) + " subdomain to all newly-created domains.");
    }

    private static boolean reserved(String label) {
        return RESERVED_LABELS.stream().anyMatch(r -> label.equals(r) || label.startsWith(r + "."));
    }

    /**
     * A document root given relative to the home directory, as cPanel takes it: it may start with {@code /}, with
     * cPanel's {@code /home/<user>} or with the real home directory {@code home}; any other absolute path is read as
     * relative to the home, as cPanel reads it. Blanks, backslashes and angle brackets are dropped, {@code .} and
     * {@code ..} are resolved ({@link HomePath}). It stays inside the home directory and is not one of the
     * directories cPanel reserves. Returns the real absolute path.
     */
    static String documentRoot(String username, String home, String dir) {
        String path = dir.replaceAll("\\s+", "").replace("\\", "").replace("<", "").replace(">", "");
        String relative = below(path, "/home/" + username);
        if (relative == null) {
            relative = below(path, home);
        }
        HomePath parsed = HomePath.HOME.resolve(relative != null ? relative : path);
        if (parsed == null) {
            throw ApiException.invalid(Quote.of(dir) + " may not leave the home directory.");
        }
        for (String part : parsed.parts()) {
            if (!DIRECTORY.matcher(part).matches()) {
                // a web server's configuration will quote this path: nothing in it may need escaping
                throw ApiException.invalid(Quote.of(dir) + " is not a valid directory: use letters, digits, dots, dashes, underscores, "
                        + "~, + and @.");
            }
        }
        List<String> parts = parsed.parts();
        String absolute = parts.isEmpty() ? home : home + "/" + parsed.relative();
        if (parts.isEmpty() || (parts.size() == 1 && RESERVED_DOCROOTS.contains(parts.get(0)))) {
            throw ApiException.invalid("The system reserves the " + Quote.of(absolute)
                    + " document root. You must specify a document root that the system does not reserve.");
        }
        if (absolute.length() > MAX_DOCUMENT_ROOT) {
            throw ApiException.invalid("A document root is at most " + MAX_DOCUMENT_ROOT + " characters long.");
        }
        return absolute;
    }

    /**
     * Makes a new domain's document root when it is missing, as cPanel does (and the home, for an account made before
     * homes existed). A file in its place, or a symlink that leads out of the home, is refused.
     */
    private void makeDocumentRoot(Account account, String documentRoot) {
        Home home = directories.of(account);
        HomePath real = home.resolve(homes.parse(account.username, documentRoot), true);
        Optional<FileInfo> there = home.find(real);
        if (there.isEmpty()) {
            home.mkdir(real, true, DOCUMENT_ROOT_MODE);
        } else if (!there.get().isDirectory()) {
            throw ApiException.invalid("The document root " + Quote.of(documentRoot) + " exists and is not a directory.");
        }
    }

    /** {@code path} below the directory {@code top}, without a leading slash; {@code null} when it is not below it. */
    private static String below(String path, String top) {
        if (path.equals(top)) {
            return "";
        }
        return path.startsWith(top + "/") ? path.substring(top.length() + 1) : null;
    }

    private static String quotedList(List<String> names) {
        List<String> quoted = names.stream().map(Quote::of).toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        if (quoted.size() == 2) {
            return quoted.get(0) + " and " + quoted.get(1);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + ", and " + quoted.get(quoted.size() - 1); // cPanel's list_and
    }

    private AccountDomain store(Account account, String name, String type, String parent, String documentRoot) {
        if (domains.byName(name).isPresent() || zones.zoneExists(name)) {
            throw ApiException.conflict("The domain " + Quote.of(name) + " already exists on this server.");
        }
        // A name under another account's domain (or above one) would let this account answer for it in DNS.
        if (domains.relatedOwnedByOthers(name, account.id)) {
            throw ApiException.conflict("The domain " + Quote.of(name) + " is a parent or a subdomain of a domain of another account.");
        }
        AccountDomain domain = new AccountDomain();
        domain.account = account;
        domain.name = name;
        domain.type = type;
        domain.parent = parent;
        domain.documentRoot = documentRoot;
        domain.createdAt = Epoch.now();
        // the unique name decides a race between two requests for one name
        Unique.insert(domains.getEntityManager(), domain, "The domain " + Quote.of(name) + " already exists on this server.");
        if (domain.hasOwnZone()) {
            zones.createZone(name, account.username, account.ip == null ? zones.defaultAddress() : account.ip); // setsiteip's address
        }
        return domain;
    }

    /** A domain of some account, and that account's username: WHM's view of a domain. */
    public record OwnedDomain(String username, String owner, AccountDomain domain) {
    }

    /** The domain with the account it belongs to, if any account has it. */
    @Transactional
    public java.util.Optional<OwnedDomain> find(String name) {
        return domains.byName(DomainNames.normalize(name)).map(d -> new OwnedDomain(d.account.username, d.account.owner, d));
    }

    /** Every domain of every account, by name, with its account's username and owner. */
    @Transactional
    public List<OwnedDomain> all() {
        return domains.allWithAccounts().stream().map(d -> new OwnedDomain(d.account.username, d.account.owner, d)).toList();
    }

    public long count(long accountId, String type) {
        return domains.forAccount(accountId).stream().filter(d -> d.type.equals(type)).count();
    }

    private Account account(String username) {
        return accounts.findByUsername(username)
                .orElseThrow(() -> ApiException.notFound("The account " + Quote.of(username) + " does not exist."));
    }
}
