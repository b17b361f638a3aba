package dev.openuapi.mailrules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.email.EmailService;
import dev.openuapi.email.Mailbox;
import dev.openuapi.email.MailboxChanged;
import dev.openuapi.files.FileInfo;
import dev.openuapi.files.Home;
import dev.openuapi.files.HomeDirectories;
import dev.openuapi.files.HomePath;
import dev.openuapi.kernel.Principal;

/**
 * cPanel's email filters and autoresponders, kept in the account's home in cPanel's own files (so the home's backup
 * carries them), and the Sieve script each mailbox gets from them (src/docs/mail-filters.md):
 * <ul>
 * <li>account-level filters: {@code ~/.cpanel/filter.yaml}; a mailbox's: {@code ~/etc/<domain>/<user>/filter.yaml};</li>
 * <li>autoresponders: {@code ~/.autorespond/<address>} and {@code <address>.json};</li>
 * <li>the script: {@code ~/mail/<domain>/<user>/.dovecot.sieve}, the mailbox's Dovecot home, written whole when any
 * of them changes or the mailbox is added or renamed, removed when there is nothing left to do.</li>
 * </ul>
 * Changes to one account are serialised; a failed script write puts the filter file back as it was.
 */
@ApplicationScoped
public class MailRulesService {

    private static final Logger LOG = Logger.getLogger(MailRulesService.class);
    private static final String ACCOUNT_FILTERS = ".cpanel/filter.yaml";
    private static final String AUTORESPOND = ".autorespond";
    private static final String SCRIPT = ".dovecot.sieve";
    private static final long MAX_FILE = 4L * 1024 * 1024;
    private static final Pattern CHARSET_UTF8 = Pattern.compile("(?i)utf-?8");

    private final HomeDirectories homes;
    private final EmailService email;
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();

    MailRulesService(HomeDirectories homes, EmailService email) {
        this.homes = homes;
        this.email = email;
    }

    /** Whose filters: the account's ({@code target} null) or one mailbox's. */
    record Owner(SieveScript.Target target) {

        boolean accountLevel() {
            return target == null;
        }

        String file() {
            return accountLevel() ? ACCOUNT_FILTERS : "etc/" + target.domain() + "/" + target.local() + "/filter.yaml";
        }
    }

    // ---- filters ----

    public List<MailFilter> listFilters(Principal principal, String account) {
        Owner owner = owner(principal, account);
        return FilterFile.filters(readFilters(homes.of(principal), owner));
    }

    public MailFilter getFilter(Principal principal, String account, String name) {
        return find(listFilters(principal, account), name);
    }

    /**
     * Stores a filter: a new one at the end, or in place of {@code oldName} (renamed) or of one with the same name.
     *
     * @return the mailbox's address, or {@code null} for an account-level filter
     */
    public String storeFilter(Principal principal, String account, String name, String oldName, List<MailFilter.Rule> rules,
            List<MailFilter.Action> actions) {
        Owner owner = owner(principal, account);
        String filtername = name == null ? "" : name.trim();
        if (filtername.isEmpty()) {
            throw ApiException.invalid("Provide the “filtername” argument.");
        }
        SieveScript.singleLine("filtername", filtername);
        MailFilter filter = new MailFilter(filtername, true, rules, actions);
        SieveScript.check(filter, owner.target());
        change(principal, owner, filters -> {
            List<MailFilter> out = new ArrayList<>(filters);
            String replace = oldName == null || oldName.isEmpty() ? filtername : oldName;
            int at = indexOf(out, replace);
            if (oldName != null && !oldName.isEmpty() && at < 0) {
                throw ApiException.notFound("The filter " + Quote.of(oldName) + " does not exist.");
            }
            if (!replace.equals(filtername) && indexOf(out, filtername) >= 0) {
                throw ApiException.conflict("A filter named " + Quote.of(filtername) + " already exists.");
            }
            if (at >= 0) {
                out.set(at, filter.withEnabled(out.get(at).enabled()));
            } else {
                out.add(filter);
            }
            return out;
        });
        return owner.accountLevel() ? null : owner.target().address();
    }

    public void deleteFilter(Principal principal, String account, String name) {
        Owner owner = owner(principal, account);
        change(principal, owner, filters -> {
            List<MailFilter> out = new ArrayList<>(filters);
            out.remove(find(out, name));
            return out;
        });
    }

    /** Puts the named filters first, in the order given; the ones not named keep their order after them. */
    public void reorderFilters(Principal principal, String mailbox, List<String> order) {
        Owner owner = owner(principal, mailbox);
        change(principal, owner, filters -> {
            Set<String> seen = new LinkedHashSet<>();
            List<MailFilter> out = new ArrayList<>();
            for (String name : order) {
                if (!seen.add(name)) {
                    throw ApiException.invalid("The filter " + Quote.of(name) + " is named more than once.");
                }
                out.add(find(filters, name));
            }
            for (MailFilter filter : filters) {
                if (!seen.contains(filter.filtername())) {
                    out.add(filter);
                }
            }
            return out;
        });
    }

    // ---- autoresponders ----

    /** Creates or replaces the autoresponder of one of the account's mailboxes. */
    public void addAutoResponder(Principal principal, String emailArg, String domain, String from, String subject, String body, boolean html,
            String charset, long interval, Long start, Long stop) {
        Mailbox box = email.get(principal.accountId(), emailArg, domain);
        SieveScript.singleLine("subject", subject == null ? "" : subject);
        SieveScript.singleLine("from", from == null ? "" : from);
        if (body == null || body.indexOf('\0') >= 0) {
            throw ApiException.invalid("The “body” argument cannot hold a NUL character.");
        }
        String set = charset == null || charset.isEmpty() ? "utf-8" : charset;
        if (!CHARSET_UTF8.matcher(set).matches()) {
            throw ApiException.invalid("The character set " + Quote.of(charset) + " is not supported: autoresponders are sent in UTF-8.");
        }
        if (interval < 0) {
            throw ApiException.invalid("The “interval” must be 0 or more hours.");
        }
        if (start != null && stop != null && stop <= start) {
            throw ApiException.invalid("The “stop” time must be after the “start” time.");
        }
        AutoResponder responder = new AutoResponder(box.email, from == null ? "" : from, subject == null ? "" : subject, body, html, set,
                interval, start, stop);
        Home home = homes.of(principal);
        synchronized (lock(principal.accountId())) {
            HomePath message = home.path(AUTORESPOND + "/" + box.email);
            HomePath config = home.path(AUTORESPOND + "/" + box.email + ".json");
            byte[] oldMessage = read(home, message);
            byte[] oldConfig = read(home, config);
            ensureDir(home, home.path(AUTORESPOND), 0700);
            try {
                home.write(config, responder.config(), true, 0600);
                home.write(message, responder.message(), true, 0600);
                writeScript(home, target(box.email));
            } catch (RuntimeException e) {
                restore(home, message, oldMessage);
                restore(home, config, oldConfig);
                regenerateQuietly(home, target(box.email));
                throw e;
            }
        }
    }

    public AutoResponder getAutoResponder(Principal principal, String emailArg) {
        Mailbox box = email.get(principal.accountId(), emailArg, null);
        return autoResponder(homes.of(principal), box.email)
                .orElseThrow(() -> ApiException.notFound("The email account " + Quote.of(box.email) + " has no autoresponder."));
    }

    /** The autoresponders of the account's addresses on {@code domain}, by address. */
    public List<AutoResponder> listAutoResponders(Principal principal, String domain) {
        String wanted = domain == null ? "" : domain.trim().toLowerCase(Locale.ROOT);
        email.requireDomain(principal.accountId(), wanted, domain);
        Home home = homes.of(principal);
        HomePath dir = home.path(AUTORESPOND);
        if (home.find(dir).isEmpty()) {
            return List.of();
        }
        List<AutoResponder> out = new ArrayList<>();
        for (FileInfo entry : home.list(dir)) {
            String name = entry.name();
            if (!entry.isFile() || name.endsWith(".json") || name.endsWith(".conf") || !name.toLowerCase(Locale.ROOT).endsWith("@" + wanted)) {
                continue;
            }
            autoResponder(home, name).ifPresent(out::add);
        }
        out.sort((a, b) -> a.email().compareTo(b.email()));
        return out;
    }

    public void deleteAutoResponder(Principal principal, String emailArg) {
        Mailbox box = email.get(principal.accountId(), emailArg, null);
        Home home = homes.of(principal);
        synchronized (lock(principal.accountId())) {
            HomePath message = home.path(AUTORESPOND + "/" + box.email);
            if (home.find(message).isEmpty()) {
                throw ApiException.notFound("The email account " + Quote.of(box.email) + " has no autoresponder.");
            }
            home.delete(message);
            HomePath config = home.path(AUTORESPOND + "/" + box.email + ".json");
            if (home.find(config).isPresent()) {
                home.delete(config);
            }
            writeScript(home, target(box.email));
        }
    }

    // ---- mailboxes come and go ----

    void onMailboxChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailboxChanged change) {
        try {
            Home home = homes.of(change.accountId(), change.username(), change.planId());
            synchronized (lock(change.accountId())) {
                if (change.oldAddress() != null) {
                    SieveScript.Target old = target(change.oldAddress());
                    if (change.newAddress() != null) {
                        SieveScript.Target now = target(change.newAddress());
                        moveIfThere(home, "etc/" + old.domain() + "/" + old.local() + "/filter.yaml", "etc/" + now.domain() + "/" + now.local(),
                                "filter.yaml");
                        moveIfThere(home, AUTORESPOND + "/" + change.oldAddress(), AUTORESPOND, change.newAddress());
                        moveIfThere(home, AUTORESPOND + "/" + change.oldAddress() + ".json", AUTORESPOND, change.newAddress() + ".json");
                    } else {
                        deleteIfThere(home, "etc/" + old.domain() + "/" + old.local() + "/filter.yaml");
                        deleteIfThere(home, AUTORESPOND + "/" + change.oldAddress());
                        deleteIfThere(home, AUTORESPOND + "/" + change.oldAddress() + ".json");
                    }
                    deleteIfThere(home, scriptPath(old));
                }
                if (change.newAddress() != null) {
                    writeScript(home, target(change.newAddress()));
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf("The mail rules of %s could not follow the mailbox change %s -> %s: %s", change.username(), change.oldAddress(),
                    change.newAddress(), e.getMessage());
        }
    }

    // ---- inside ----

    private void change(Principal principal, Owner owner, UnaryOperator<List<MailFilter>> edit) {
        Home home = homes.of(principal);
        synchronized (lock(principal.accountId())) {
            HomePath file = home.path(owner.file());
            byte[] before = read(home, file);
            ObjectNode root = FilterFile.read(before);
            List<MailFilter> filters = edit.apply(FilterFile.filters(root));
            List<SieveScript.Target> targets = owner.accountLevel() ? mailboxes(principal.accountId()) : List.of(owner.target());
            ensureDir(home, file.parent(), 0750);
            home.write(file, FilterFile.write(root, filters), true, 0640);
            try {
                for (SieveScript.Target target : targets) {
                    writeScript(home, target);
                }
            } catch (RuntimeException e) {
                restore(home, file, before);
                targets.forEach(t -> regenerateQuietly(home, t));
                throw e;
            }
        }
    }

    /** Writes (or removes, when there is nothing to do) the mailbox's script from the files as they are now. */
    private void writeScript(Home home, SieveScript.Target target) {
        List<MailFilter> accountLevel = FilterFile.filters(readFilters(home, new Owner(null)));
        List<MailFilter> own = FilterFile.filters(readFilters(home, new Owner(target)));
        SieveScript.Vacation vacation = autoResponder(home, target.address()).map(MailRulesService::vacation).orElse(null);
        Optional<String> script = SieveScript.render(target, accountLevel, own, vacation);
        HomePath path = home.path(scriptPath(target));
        if (script.isEmpty()) {
            if (home.find(path).isPresent()) {
                home.delete(path);
            }
            return;
        }
        ensureDir(home, path.parent(), 0750);
        home.write(path, script.get().getBytes(StandardCharsets.UTF_8), true, 0644);
    }

    private void regenerateQuietly(Home home, SieveScript.Target target) {
        try {
            writeScript(home, target);
        } catch (RuntimeException e) {
            LOG.errorf("The Sieve script of %s could not be written again: %s", target.address(), e.getMessage());
        }
    }

    private static SieveScript.Vacation vacation(AutoResponder r) {
        return new SieveScript.Vacation(r.email(), r.from(), r.subject(), r.body(), r.html(), r.interval(), r.start(), r.stop());
    }

    private Optional<AutoResponder> autoResponder(Home home, String address) {
        HomePath message = home.path(AUTORESPOND + "/" + address);
        if (home.find(message).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(AutoResponder.parse(address, home.readAll(message, MAX_FILE), read(home, home.path(AUTORESPOND + "/" + address + ".json"))));
    }

    private ObjectNode readFilters(Home home, Owner owner) {
        return FilterFile.read(read(home, home.path(owner.file())));
    }

    private Owner owner(Principal principal, String account) {
        if (account == null || account.isBlank() || account.trim().equals(principal.username())) {
            return new Owner(null);
        }
        if (account.indexOf('@') < 0) {
            throw ApiException.notFound("The email account " + Quote.of(account) + " does not exist.");
        }
        return new Owner(target(email.get(principal.accountId(), account.trim(), null).email));
    }

    private List<SieveScript.Target> mailboxes(long accountId) {
        return email.list(accountId).stream().map(box -> target(box.email)).toList();
    }

    static SieveScript.Target target(String address) {
        int at = address.lastIndexOf('@');
        String local = address.substring(0, at);
        if (local.contains("/")) {
            throw ApiException.invalid("The address " + Quote.of(address) + " cannot have filters: its user name contains “/”.");
        }
        return new SieveScript.Target(local, address.substring(at + 1));
    }

    static String scriptPath(SieveScript.Target target) {
        return "mail/" + target.domain() + "/" + target.local() + "/" + SCRIPT;
    }

    private static MailFilter find(List<MailFilter> filters, String name) {
        int at = indexOf(filters, name);
        if (at < 0) {
            throw ApiException.notFound("The filter " + Quote.of(name) + " does not exist.");
        }
        return filters.get(at);
    }

    private static int indexOf(List<MailFilter> filters, String name) {
        for (int i = 0; i < filters.size(); i++) {
            if (filters.get(i).filtername() != null && filters.get(i).filtername().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] read(Home home, HomePath path) {
        return home.find(path).isPresent() ? home.readAll(path, MAX_FILE) : null;
    }

    private static void restore(Home home, HomePath path, byte[] before) {
        try {
            if (before == null) {
                if (home.find(path).isPresent()) {
                    home.delete(path);
                }
            } else {
                home.write(path, before, true, null);
            }
        } catch (RuntimeException e) {
            LOG.errorf("Could not put %s back: %s", path.relative(), e.getMessage());
        }
    }

    private static void ensureDir(Home home, HomePath dir, int mode) {
        if (home.find(dir).isEmpty()) {
            home.mkdir(dir, true, mode);
        }
    }

    private static void moveIfThere(Home home, String from, String toDir, String toName) {
        HomePath source = home.path(from);
        if (home.find(source).isEmpty()) {
            return;
        }
        HomePath dir = home.path(toDir);
        ensureDir(home, dir, 0750);
        home.move(source, dir.child(toName), true);
    }

    private static void deleteIfThere(Home home, String path) {
        HomePath p = home.path(path);
        if (home.find(p).isPresent()) {
            home.delete(p);
        }
    }

    private Object lock(long accountId) {
        return locks.computeIfAbsent(accountId, id -> new Object());
    }
}
