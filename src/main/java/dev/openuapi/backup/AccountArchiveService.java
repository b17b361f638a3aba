package dev.openuapi.backup;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountOptions;
import dev.openuapi.account.AccountService;
import dev.openuapi.account.MailLimits;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.cron.CronJob;
import dev.openuapi.cron.CronService;
import dev.openuapi.domain.AccountDomain;
import dev.openuapi.domain.AccountDomains;
import dev.openuapi.domain.DomainService;
import dev.openuapi.feature.FeatureCatalog;
import dev.openuapi.ftp.FtpAccount;
import dev.openuapi.ftp.FtpService;
import dev.openuapi.plan.Plan;
import dev.openuapi.plan.PlanService;
import dev.openuapi.token.TokenService;

/**
 * The parts of a backup that belong to the account itself (src/docs/backups.md): {@code cp/<user>} (cPanel's cpuser
 * {@code KEY=value} file: plan, owner, contact address, settings), {@code shadow} (the password's hash),
 * {@code homedir_paths}, {@code userdata/} (the domains and their document roots), {@code api_tokens/cpanel} (the API
 * tokens' hashes), {@code cron/<user>} and {@code proftpdpasswd} (FTP accounts with their password hashes); written
 * from the services that own them and read back for a restore.
 */
@ApplicationScoped
public class AccountArchiveService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNLIMITED = "unlimited";

    private final AccountService accounts;
    private final PlanService plans;
    private final DomainService domains;
    private final TokenService tokens;
    private final CronService cron;
    private final FtpService ftp;

    AccountArchiveService(AccountService accounts, PlanService plans, DomainService domains, TokenService tokens, CronService cron,
            FtpService ftp) {
        this.accounts = accounts;
        this.plans = plans;
        this.domains = domains;
        this.tokens = tokens;
        this.cron = cron;
        this.ftp = ftp;
    }

    // ---------------------------------------------------------------- export

    /** Writes the account's own parts into {@code root}. */
    @Transactional
    public void export(String username, Path root) {
        Account account = accounts.get(username);
        AccountDomains owned = domains.domainsOf(username);
        String home = domains.home(username);
        try {
            Map<String, String> cp = new LinkedHashMap<>();
            cp.put("USER", account.username);
            cp.put("DNS", account.domain);
            int n = 1;
            for (AccountDomain d : owned.addons()) {
                cp.put("DNS" + n++, d.name);
            }
            for (AccountDomain d : owned.parked()) {
                cp.put("DNS" + n++, d.name);
            }
            cp.put("PLAN", plans.byId(account.planId).map(p -> p.name).orElse("undefined"));
            cp.put("OWNER", account.owner);
            cp.put("CONTACTEMAIL", account.contactEmail);
            cp.put("STARTDATE", Long.toString(account.createdAt));
            if (account.ip != null) {
                cp.put("IP", account.ip);
            }
            cp.put("HASCGI", bit(account.cgi));
            cp.put("HASDKIM", bit(account.dkim));
            cp.put("HASSPF", bit(account.spf));
            MailLimits limits = account.mailLimits();
            cp.put("MAXLST", limit(limits.maxLists));
            cp.put("MAX_EMAIL_PER_HOUR", limit(limits.maxEmailPerHour));
            cp.put("MAX_DEFER_FAIL_PERCENTAGE", limit(limits.maxDeferFailPercentage));
            cp.put("MAX_EMAILACCT_QUOTA", limit(limits.maxEmailAccountQuotaMb));
            cp.put("MAX_TEAM_USERS", limit(limits.maxTeamUsers));
            // OpenUAPI's own settings, which cPanel keeps elsewhere (src/docs/backups.md)
            cp.put("OPENUAPI_FEATURES", String.join(",", account.featureSet()));
            // the features this release knows: a restore by a later release tells features added since from features taken away
            cp.put("OPENUAPI_KNOWN_FEATURES", String.join(",", FeatureCatalog.names()));
            cp.put("OPENUAPI_SHELL", account.shell);
            cp.put("OPENUAPI_DIGEST_AUTH", bit(account.digestAuth));
            cp.put("OPENUAPI_SPAMASSASSIN", bit(account.spamassassin));
            cp.put("OPENUAPI_SPAMBOX", bit(account.spambox));
            cp.put("OPENUAPI_DMARC", bit(account.dmarc));
            cp.put("OPENUAPI_USE_REGISTERED_NS", bit(account.useRegisteredNs));
            cp.put("OPENUAPI_MAILBOX_FORMAT", account.mailboxFormat);
            cp.put("OPENUAPI_SUSPENDED", bit(account.suspended));
            StringBuilder text = new StringBuilder();
            cp.forEach((k, v) -> text.append(k).append('=').append(v.replace("\n", " ")).append('\n'));
            write(root.resolve("cp").resolve(account.username), text.toString());
            write(root.resolve("shadow"), account.passwordHash + "\n");
            write(root.resolve("homedir_paths"), home + "\n");

            StringBuilder main = new StringBuilder("---\naddon_domains:\n");
            for (AccountDomain d : owned.addons()) {
                main.append("  ").append(d.name).append(": ").append(d.backingLabel()).append('.').append(account.domain).append('\n');
            }
            main.append("main_domain: ").append(account.domain).append("\nparked_domains:\n");
            owned.parked().forEach(d -> main.append("  - ").append(d.name).append('\n'));
            main.append("sub_domains:\n");
            owned.subs().forEach(d -> main.append("  - ").append(d.name).append('\n'));
            write(root.resolve("userdata").resolve("main"), main.toString());
            for (AccountDomain d : owned.all()) {
                if (AccountDomain.PARKED.equals(d.type)) {
                    continue; // cPanel keeps no userdata file for a parked domain
                }
                write(root.resolve("userdata").resolve(d.name), "---\ndocumentroot: " + d.documentRoot + "\nhomedir: " + home
                        + "\nservername: " + d.name + "\nuser: " + account.username + "\n");
            }

            ObjectNode kept = JSON.createObjectNode();
            for (TokenService.KeptToken t : tokens.export(account.id)) {
                ObjectNode token = kept.putObject(t.tokenHash());
                token.put("name", t.name());
                token.put("create_time", t.createTime());
                if (t.expiresAt() == null) {
                    token.putNull("expires_at");
                } else {
                    token.put("expires_at", t.expiresAt());
                }
                ArrayNode ips = token.putArray("whitelist_ips");
                if (t.whitelistIps() != null) {
                    t.whitelistIps().forEach(ips::add);
                }
                token.put("check_key", t.checkKey());
                // cPanel's record has has_full_access and features (spec §3.5); read_only is OpenUAPI's own (issue 19)
                boolean full = t.features() == null && !t.readOnly();
                token.put("has_full_access", full ? 1 : 0);
                ArrayNode features = token.putArray("features");
                if (t.features() != null) {
                    t.features().forEach(features::add);
                }
                token.put("read_only", t.readOnly() ? 1 : 0);
                if (t.rateLimitPerMinute() != null) {
                    token.put("rate_limit_per_minute", t.rateLimitPerMinute()); // OpenUAPI's own (issue 20 §2); absent: no limit
                }
            }
            write(root.resolve("api_tokens").resolve("cpanel"), JSON.writeValueAsString(kept));

            StringBuilder crontab = new StringBuilder();
            for (CronJob job : cron.list(account.id)) {
                crontab.append(job.minute).append(' ').append(job.hour).append(' ').append(job.day).append(' ').append(job.month).append(' ')
                        .append(job.weekday).append(' ').append(job.command).append('\n');
            }
            write(root.resolve("cron").resolve(account.username), crontab.toString());

            StringBuilder ftpLogins = new StringBuilder();
            StringBuilder ftpQuotas = new StringBuilder();
            for (FtpAccount login : ftp.list(account.id)) {
                ftpLogins.append(login.login).append(':').append(login.passwordHash).append(":0:0:").append(account.username).append(':')
                        .append(login.homedir).append(":/bin/ftpsh\n");
                ftpQuotas.append(login.login).append(' ').append(login.quotaMb == null ? UNLIMITED : login.quotaMb.toString()).append('\n');
            }
            write(root.resolve("proftpdpasswd"), ftpLogins.toString());
            write(root.resolve("openuapi").resolve("ftp_quotas"), ftpQuotas.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bit(boolean b) {
        return b ? "1" : "0";
    }

    private static String limit(Number n) {
        return n == null ? UNLIMITED : n.toString();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, UTF_8);
        Files.setPosixFilePermissions(file, TarArchives.permissions(0600));
    }

    // ---------------------------------------------------------------- reading an archive

    /** What an archive says about its account. */
    public record Contents(String username, String mainDomain, Map<String, String> cp, String passwordHash, String oldHome,
            Map<String, String> addons, List<String> parked, List<String> subs, Map<String, String> documentRoots) {

        /** Every domain the archive's account had. */
        public List<String> domains() {
            List<String> all = new ArrayList<>();
            all.add(mainDomain);
            all.addAll(addons.keySet());
            all.addAll(parked);
            all.addAll(subs);
            for (Map.Entry<String, String> e : cp.entrySet()) {
                if (e.getKey().matches("DNS\\d+") && !all.contains(e.getValue())) {
                    all.add(e.getValue());
                }
            }
            return all;
        }
    }

    /** Reads {@code cp/<user>}, {@code shadow}, {@code homedir_paths} and {@code userdata/} of an extracted archive. */
    public Contents read(Path root) {
        Path cpDir = root.resolve("cp");
        List<Path> cpFiles = list(cpDir);
        if (cpFiles.size() != 1) {
            throw ApiException.invalid("The archive has no account file (cp/<user>): it is not an account backup.");
        }
        Map<String, String> cp = new LinkedHashMap<>();
        for (String line : text(cpFiles.get(0)).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                cp.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        String username = cp.getOrDefault("USER", cpFiles.get(0).getFileName().toString());
        if (!AccountService.USERNAME.matcher(username).matches()) {
            throw ApiException.invalid("The archive's username " + Quote.of(username) + " is not a valid username.");
        }
        String main = cp.get("DNS");
        if (main == null || main.isEmpty()) {
            throw ApiException.invalid("The archive's account file has no main domain (DNS).");
        }
        String hash = optionalText(root.resolve("shadow")).map(String::trim).orElse(null);
        String oldHome = optionalText(root.resolve("homedir_paths")).map(s -> s.split("\n")[0].trim()).orElse("/home/" + username);
        Map<String, String> addons = new LinkedHashMap<>();
        List<String> parked = new ArrayList<>();
        List<String> subs = new ArrayList<>();
        String section = "";
        for (String line : optionalText(root.resolve("userdata").resolve("main")).orElse("").split("\n")) {
            if (line.isBlank() || line.startsWith("---")) {
                continue;
            }
            if (!line.startsWith(" ")) {
                section = line.substring(0, line.indexOf(':') < 0 ? line.length() : line.indexOf(':')).trim();
                continue;
            }
            String item = line.trim();
            switch (section) {
                case "addon_domains" -> {
                    int colon = item.indexOf(':');
                    if (colon > 0) {
                        addons.put(item.substring(0, colon).trim(), item.substring(colon + 1).trim());
                    }
                }
                case "parked_domains" -> parked.add(item.replaceFirst("^-\\s*", ""));
                case "sub_domains" -> subs.add(item.replaceFirst("^-\\s*", ""));
                default -> {
                    // keys OpenUAPI does not use
                }
            }
        }
        Map<String, String> roots = new LinkedHashMap<>();
        for (Path file : list(root.resolve("userdata"))) {
            String name = file.getFileName().toString();
            if (name.equals("main")) {
                continue;
            }
            for (String line : text(file).split("\n")) {
                if (line.startsWith("documentroot:")) {
                    roots.put(name, line.substring("documentroot:".length()).trim());
                }
            }
        }
        return new Contents(username, main, cp, hash, oldHome, addons, parked, subs, roots);
    }

    // ---------------------------------------------------------------- restore

    /**
     * Step 2 of a restore (src/docs/backups.md), in one transaction: the account under {@code newUsername} with its
     * password hash, plan, owner, contact address and settings, then its parked, addon and sub domains (each makes its
     * zone or records as a new domain does; the zones are then replaced by the archive's). Returns warnings.
     */
    /**
     * The account's features from the archive ({@code null}: the archive has no list, the plan's or the defaults stay).
     * A feature this release has and the archive's release did not ({@code OPENUAPI_KNOWN_FEATURES}) is given, as the
     * migration that added it gave it to every account with a list of features (V15: {@code nettools}; V25: {@code backup},
     * {@code webprotect}, {@code indexmanager}), so that a restore does not take away a function the account could call.
     * An archive that does not say what its release knew cannot tell a feature added since from one taken away: nothing
     * is added, and the restore warns.
     */
    private static List<String> features(Map<String, String> cp, String username, List<String> warnings) {
        String listed = cp.get("OPENUAPI_FEATURES");
        if (listed == null) {
            return null;
        }
        List<String> features = listed.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(listed.split(",")));
        if (features.isEmpty()) {
            return features; // an account without features gets none of the new ones either, as with the migrations
        }
        String known = cp.get("OPENUAPI_KNOWN_FEATURES");
        if (known != null) {
            Set<String> then = Set.copyOf(List.of(known.split(",")));
            FeatureCatalog.names().stream().filter(f -> !then.contains(f) && !features.contains(f)).forEach(features::add);
            return features;
        }
        List<String> missing = FeatureCatalog.names().stream().filter(f -> !features.contains(f)).toList();
        if (!missing.isEmpty()) {
            warnings.add("The archive does not say which features existed when it was made, so a feature added since cannot be told from "
                    + "one taken away: the account does not have " + String.join(", ", missing.stream().map(Quote::of).toList())
                    + ". Give it any it should have (PATCH /api/v1/accounts/" + username + " with features).");
        }
        return features;
    }

    @Transactional
    public List<String> createAccount(Contents archive, String newUsername) {
        List<String> warnings = new ArrayList<>();
        Map<String, String> cp = archive.cp();
        String owner = cp.getOrDefault("OWNER", Account.ROOT_OWNER);
        if (!Account.ROOT_OWNER.equals(owner) && !accounts.exists(owner)) {
            warnings.add("The owner " + Quote.of(owner) + " does not exist here: root owns the restored account.");
            owner = Account.ROOT_OWNER;
        }
        String throwaway = java.util.UUID.randomUUID() + "-Aa1!"; // replaced by the archive's hash at once
        accounts.create(newUsername, throwaway, archive.mainDomain(), cp.getOrDefault("CONTACTEMAIL", ""), owner);
        if (archive.passwordHash() != null) {
            accounts.setPasswordHash(newUsername, archive.passwordHash());
        } else {
            warnings.add("The archive holds no password hash (shadow): set a password for the account.");
        }
        // the plan first: assigning one sets its features, which the archive's own list then replaces
        String plan = cp.get("PLAN");
        if (plan != null && !plan.isEmpty() && !plan.equals("undefined")) {
            Optional<Plan> found = plans.find(plan);
            if (found.isPresent()) {
                plans.assign(newUsername, plan);
            } else {
                warnings.add("The plan " + Quote.of(plan) + " does not exist here: the restored account has no plan.");
            }
        }
        List<String> features = features(cp, newUsername, warnings);
        boolean suspended = "1".equals(cp.get("OPENUAPI_SUSPENDED"));
        accounts.update(newUsername, new AccountService.Changes(suspended ? Boolean.TRUE : null, features, null, null));
        accounts.setOptions(newUsername, o -> {
            o.shell = cp.getOrDefault("OPENUAPI_SHELL", o.shell);
            o.cgi = flag(cp, "HASCGI", o.cgi);
            o.dkim = flag(cp, "HASDKIM", o.dkim);
            o.spf = flag(cp, "HASSPF", o.spf);
            o.digestAuth = flag(cp, "OPENUAPI_DIGEST_AUTH", o.digestAuth);
            o.spamassassin = flag(cp, "OPENUAPI_SPAMASSASSIN", o.spamassassin);
            o.spambox = flag(cp, "OPENUAPI_SPAMBOX", o.spambox);
            o.dmarc = flag(cp, "OPENUAPI_DMARC", o.dmarc);
            o.useRegisteredNs = flag(cp, "OPENUAPI_USE_REGISTERED_NS", o.useRegisteredNs);
            o.mailboxFormat = cp.getOrDefault("OPENUAPI_MAILBOX_FORMAT", o.mailboxFormat);
            MailLimits limits = new MailLimits();
            limits.maxLists = intLimit(cp, "MAXLST");
            limits.maxEmailPerHour = intLimit(cp, "MAX_EMAIL_PER_HOUR");
            limits.maxDeferFailPercentage = intLimit(cp, "MAX_DEFER_FAIL_PERCENTAGE");
            Integer quota = intLimit(cp, "MAX_EMAILACCT_QUOTA");
            limits.maxEmailAccountQuotaMb = quota == null ? null : quota.longValue();
            limits.maxTeamUsers = intLimit(cp, "MAX_TEAM_USERS");
            o.mailLimits = limits;
        });
        String startDate = cp.get("STARTDATE");
        if (startDate != null && startDate.matches("\\d{1,18}")) {
            accounts.setStartDate(newUsername, Long.parseLong(startDate));
        }
        for (String name : archive.parked()) {
            domains.add(newUsername, new DomainService.Request(AccountDomain.PARKED, name, null, null, null));
        }
        for (Map.Entry<String, String> addon : archive.addons().entrySet()) {
            String backing = addon.getValue();
            String label = backing.endsWith("." + archive.mainDomain()) ? backing.substring(0, backing.length() - archive.mainDomain().length() - 1)
                    : null;
            domains.add(newUsername, new DomainService.Request(AccountDomain.ADDON, addon.getKey(), null, label,
                    documentRoot(archive, addon.getKey())));
        }
        List<String> parents = new ArrayList<>(archive.addons().keySet());
        parents.add(archive.mainDomain());
        parents.addAll(archive.parked());
        for (String sub : archive.subs()) {
            String parent = parents.stream().filter(p -> sub.endsWith("." + p)).max(java.util.Comparator.comparingInt(String::length))
                    .orElseThrow(() -> ApiException.invalid("The subdomain " + Quote.of(sub) + " in the archive is under none of its domains."));
            domains.add(newUsername, new DomainService.Request(AccountDomain.SUB, sub, parent, null, documentRoot(archive, sub)));
        }
        return warnings;
    }

    /** A domain's document root relative to the home (the archive holds the old home's real path). */
    private static String documentRoot(Contents archive, String domain) {
        String absolute = archive.documentRoots().get(domain);
        if (absolute == null) {
            return null;
        }
        for (String top : List.of(archive.oldHome(), "/home/" + archive.username())) {
            if (absolute.startsWith(top + "/")) {
                return absolute.substring(top.length() + 1);
            }
        }
        return null; // somewhere else: the default
    }

    private static boolean flag(Map<String, String> cp, String key, boolean fallback) {
        String v = cp.get(key);
        return v == null ? fallback : v.equals("1");
    }

    private static Integer intLimit(Map<String, String> cp, String key) {
        String v = cp.get(key);
        if (v == null || v.isEmpty() || v.equalsIgnoreCase(UNLIMITED) || !v.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(v);
    }

    /**
     * Step 7 and what follows it: the API tokens (by hash: the old values work again), cron jobs and FTP accounts (with
     * their password hashes). Returns warnings.
     */
    @Transactional
    public List<String> restoreRest(Path root, Contents archive, String newUsername) {
        List<String> warnings = new ArrayList<>();
        Account account = accounts.get(newUsername);
        Optional<String> tokenJson = optionalText(root.resolve("api_tokens").resolve("cpanel"));
        if (tokenJson.isPresent() && !tokenJson.get().isBlank()) {
            List<TokenService.KeptToken> kept = new ArrayList<>();
            try {
                JsonNode all = JSON.readTree(tokenJson.get());
                if (all.has("tokens")) {
                    all = all.get("tokens"); // cPanel's api_tokens_v2 file nests them
                }
                var fields = all.fields();
                while (fields.hasNext()) {
                    var e = fields.next();
                    JsonNode t = e.getValue();
                    List<String> ips = new ArrayList<>();
                    t.path("whitelist_ips").forEach(ip -> ips.add(ip.asText()));
                    // an archive from before scoped tokens (or cPanel's, whose tokens are all full-access) has no limits
                    List<String> features = new ArrayList<>();
                    t.path("features").forEach(f -> features.add(f.asText()));
                    boolean readOnly = t.path("read_only").asInt(0) == 1 || t.path("read_only").asBoolean(false);
                    JsonNode limit = t.path("rate_limit_per_minute"); // an archive from before rate limits, or cPanel's: none
                    Integer rateLimit = null;
                    if (!limit.isMissingNode() && !limit.isNull()) {
                        if (!limit.isIntegralNumber() || !limit.canConvertToInt()) {
                            throw ApiException.invalid("The API token " + Quote.of(t.path("name").asText())
                                    + " in the archive has a rate limit that is not a whole number.");
                        }
                        rateLimit = limit.intValue();
                    }
                    kept.add(new TokenService.KeptToken(t.path("name").asText(), e.getKey(), t.path("check_key").isTextual() ? t.get("check_key").asText() : null,
                            t.path("create_time").asLong(), t.path("expires_at").isNumber() && t.get("expires_at").asLong() > 0 ? t.get("expires_at").asLong() : null,
                            ips, features.isEmpty() ? null : features, readOnly, rateLimit));
                }
            } catch (JsonProcessingException e) {
                throw ApiException.invalid("The archive's API tokens (api_tokens/cpanel) are not valid JSON.");
            }
            for (String name : tokens.restore(account.id, kept)) {
                warnings.add("The API token " + Quote.of(name) + " exists already (under another account or name): it was not restored.");
            }
        }
        for (String line : optionalText(root.resolve("cron").resolve(archive.username())).orElse("").split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.matches("[A-Z_]+=.*")) {
                continue;
            }
            String[] f = trimmed.split("\\s+", 6);
            if (f.length < 6) {
                warnings.add("The cron line " + Quote.of(trimmed) + " is not a job: it was not restored.");
                continue;
            }
            cron.add(account.id, new CronService.Schedule(f[0], f[1], f[2], f[3], f[4], moved(f[5], archive, newUsername)));
        }
        Map<String, String> quotas = new LinkedHashMap<>();
        for (String line : optionalText(root.resolve("openuapi").resolve("ftp_quotas")).orElse("").split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length == 2) {
                quotas.put(f[0], f[1]);
            }
        }
        for (String line : optionalText(root.resolve("proftpdpasswd")).orElse("").split("\n")) {
            String[] f = line.split(":");
            if (f.length < 6 || f[0].isEmpty()) {
                continue;
            }
            String login = f[0];
            int at = login.indexOf('@');
            String user = at < 0 ? login : login.substring(0, at);
            String domain = at < 0 ? null : login.substring(at + 1);
            String dir = f[5];
            for (String top : List.of(archive.oldHome(), "/home/" + archive.username())) {
                if (dir.equals(top)) {
                    dir = "";
                } else if (dir.startsWith(top + "/")) {
                    dir = dir.substring(top.length() + 1);
                }
            }
            String quota = quotas.getOrDefault(login, "");
            ftp.add(account.id, user, domain, null, f[1], dir.isEmpty() ? "/" : dir, UNLIMITED.equals(quota) ? "" : quota);
        }
        return warnings;
    }

    /** A command's paths below the old home ({@code /home/<old>/…} or its real path) moved below the new home. */
    private String moved(String command, Contents archive, String newUsername) {
        if (archive.username().equals(newUsername)) {
            return command;
        }
        String newHome = domains.home(newUsername);
        return command.replace(archive.oldHome() + "/", newHome + "/").replace("/home/" + archive.username() + "/", "/home/" + newUsername + "/");
    }

    // ---------------------------------------------------------------- files of an extracted archive

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> optionalText(Path file) {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Optional.of(text(file)) : Optional.empty();
    }

    private static String text(Path file) {
        try {
            if (Files.size(file) > 16 * 1024 * 1024) {
                throw ApiException.invalid("The archive's " + Quote.of(file.getFileName().toString()) + " is too large.");
            }
            return Files.readString(file, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The domains of an archive, sorted (for messages). */
    static TreeSet<String> sorted(List<String> names) {
        return new TreeSet<>(names);
    }
}
