package dev.openuapi.whm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import dev.openuapi.account.AccountOptions;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quantities;
import dev.openuapi.common.Quote;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.operator.AccountAccess;
import dev.openuapi.plan.PackageOptions;
import dev.openuapi.plan.PlanService;

/**
 * The arguments of createacct, modifyacct, addpkg and editpkg that describe an account's or a package's limits
 * and capabilities (issue 15 §2): declared here once for the four functions, read here into the typed values the
 * services take. Each documented argument takes effect, is stored and reported back, or is refused; the table
 * in src/docs/account-arguments.md says which. cPanel's names: createacct, addpkg and editpkg spell them in
 * lower case, modifyacct mostly in upper case (its cpuser keys).
 */
final class AccountArguments {

    /** The value an argument was given: {@code null} for "unlimited"; a {@code null} Given: not given. */
    record Given<T>(T value) {
    }

    /**
     * An argument OpenUAPI accepts only with the values that are true here ({@code allowed}), and refuses otherwise
     * with {@code refusal}: e.g. {@code forcedns=0} (OpenUAPI never overwrites a zone) or {@code BACKUP=0}
     * (OpenUAPI makes no backups). {@code allowed} always true: accepted and ignored, for the reason the
     * description gives.
     */
    record Rule(String name, String description, Predicate<String> allowed, String refusal, String example) {

        Param param() {
            return Param.string(name, description).example(example);
        }

        void check(Args args) {
            String value = args.get(name);
            if (value != null && !value.isEmpty() && !allowed.test(value)) {
                throw ApiException.invalid(Quote.of(name) + ": " + refusal);
            }
        }
    }

    private static final Predicate<String> ANY = v -> true;
    private static final Predicate<String> ZERO = v -> v.equals("0");

    /** createacct's arguments that cannot mean anything here, or mean what OpenUAPI always does. */
    static final List<Rule> CREATEACCT_RULES = List.of(
            new Rule("pass", "cPanel's other name for password: give password (which is required here) instead.", v -> false,
                    "give the password argument instead (OpenUAPI requires it and does not generate passwords).", "123456luggage"),
            new Rule("forcedns", "1: overwrite an existing DNS zone. Only 0: OpenUAPI never overwrites a zone.", ZERO,
                    "OpenUAPI never overwrites an existing DNS zone; remove the zone first.", "0"),
            new Rule("frontpage", "Deprecated: cPanel ignores it, and so does OpenUAPI.", ANY, "", "0"),
            new Rule("showpass", "Whether the raw output shows the password: OpenUAPI prints no raw output, so never.", ANY, "", "n"),
            new Rule("uid", "Not supported: OpenUAPI creates no system user.", v -> false, "OpenUAPI creates no system user, so it takes no user ID.", "123456789"),
            new Rule("gid", "Not supported: OpenUAPI creates no system group.", v -> false, "OpenUAPI creates no system group, so it takes no group ID.", "123456789"),
            new Rule("homedir", "Not supported: every account's home is <openuapi.homes.root>/<user>.", v -> false,
                    "OpenUAPI keeps every account's home directory at <openuapi.homes.root>/<user>.", "/home/user"),
            new Rule("mail_node_alias", "Not supported: there are no linked mail nodes.", v -> false, "OpenUAPI has no linked mail nodes.", "mailnode"),
            new Rule("account_enhancements", "Not supported: the server has no Account Enhancements.", v -> false,
                    "this server has no Account Enhancements.", "My Custom Enhancement"),
            new Rule("mxcheck", "local or auto: OpenUAPI's zone makes this server the mail exchanger.", v -> v.equals("local") || v.equals("auto"),
                    "OpenUAPI's zones make this server the domain's mail exchanger: use local or auto.", "auto"));

    /** modifyacct's arguments that cannot mean anything here, or mean what OpenUAPI always does. */
    static final List<Rule> MODIFYACCT_RULES;

    static {
        List<Rule> rules = new ArrayList<>(List.of(
                new Rule("account_enhancements", "Not supported: the server has no Account Enhancements.", v -> false,
                        "this server has no Account Enhancements.", "My Custom Enhancement"),
                new Rule("BACKUP", "Only 0: OpenUAPI makes no backups.", ZERO, "OpenUAPI makes no backups.", "1"),
                new Rule("mail_node_alias", "Only .local: there are no linked mail nodes.", v -> v.equals(".local"),
                        "OpenUAPI has no linked mail nodes; the mail stays on .local.", "mailnode"),
                new Rule("modify_firewall", "Ignored: OpenUAPI keeps no firewall rules for accounts.", ANY, "", "0"),
                new Rule("MAXPASSENGERAPPS", "Ignored: OpenUAPI runs no Passenger (Ruby) applications, so any limit holds.", ANY, "", "unlimited"),
                new Rule("OUTGOING_EMAIL_SUSPENDED", "Only 0: OpenUAPI does not suspend outgoing mail.", ZERO,
                        "OpenUAPI does not suspend outgoing mail.", "0"),
                new Rule("PUSHBULLET_ACCESS_TOKEN", "Not supported: OpenUAPI sends no notifications.", v -> false,
                        "OpenUAPI sends no notifications.", "1234567890"),
                new Rule("remove_missing_extensions", "Ignored: OpenUAPI has no package extensions, so none is missing.", ANY, "", "packageext1 packageext2"),
                new Rule("STYLE", "Not supported: the theme has no styles.", v -> false, "the server's theme has no styles.", "Glass"),
                new Rule("update_existing_email_account_quotas", "Only 0: existing mailboxes keep their quotas.", ZERO,
                        "OpenUAPI does not change existing mailboxes' quotas; set them with Email::edit_pop_quota.", "1")));
        for (String notify : List.of("notify_account_authn_link", "notify_account_authn_link_notification_disabled",
                "notify_autossl_expiry", "notify_autossl_expiry_coverage", "notify_autossl_renewal",
                "notify_autossl_renewal_coverage", "notify_autossl_renewal_coverage_reduced",
                "notify_autossl_renewal_uncovered_domains", "notify_bandwidth_limit", "notify_contact_address_change",
                "notify_contact_address_change_notification_disabled", "notify_disk_limit", "notify_password_change",
                "notify_password_change_notification_disabled", "notify_ssl_expiry")) {
            rules.add(new Rule(notify, "Only 0: OpenUAPI sends no notifications.", ZERO, "OpenUAPI sends no notifications.", "0"));
        }
        MODIFYACCT_RULES = List.copyOf(rules);
    }

    /** addpkg's and editpkg's arguments that cannot mean anything here. */
    static final List<Rule> PACKAGE_RULES = List.of(
            new Rule("_PACKAGE_EXTENSIONS", "Not supported: OpenUAPI has no package extensions.", v -> false,
                    "OpenUAPI has no package extensions.", "extension1 extension2 extension3"),
            new Rule("frontpage", "Deprecated: cPanel ignores it, and so does OpenUAPI.", ANY, "", "0"),
            new Rule("ip", "Only n: a package gives no dedicated IP address (give an account one with setsiteip).", v -> v.equals("n"),
                    "a package cannot give dedicated IP addresses here; give an account its own with setsiteip.", "n"),
            new Rule("featurelist", "Only default: OpenUAPI has one feature list (set a package's features with its REST API).",
                    v -> v.equals("default"), "OpenUAPI has one feature list, default.", "feature_list"));

    private AccountArguments() {
    }

    // ---- declarations -------------------------------------------------------------------------------------

    /** createacct's limits, capabilities and settings. */
    static ApiFunction.Builder declareCreateacct(ApiFunction.Builder b) {
        b.param(Param.string("pkgname", "Save the account's settings as a new package of this name (savepkg is implied).").example("my_new_package"))
                .param(Param.of("savepkg", ParamType.BOOLEAN, "1: save the account's settings as a new package (named pkgname, or the username).").example("1"))
                .param(Param.string("featurelist", "Only default: OpenUAPI has one feature list.").example("feature_list"))
                .param(Param.string("quota", "Disk quota in MB; 0 or unlimited: none. Overrides the package's for this account.").example("500"))
                .param(Param.string("bwlimit", "Monthly bandwidth in MB; 0 or unlimited: none. Overrides the package's.").example("unlimited"))
                .param(Param.string("maxpop", "Email accounts; 0 or unlimited: no limit. Overrides the package's.").example("unlimited"))
                .param(Param.string("maxsql", "Databases; 0 or unlimited: no limit. Overrides the package's.").example("unlimited"))
                .param(Param.string("maxftp", "FTP accounts; 0 or unlimited: no limit. Overrides the package's.").example("unlimited"))
                .param(Param.string("maxsub", "Subdomains; unlimited: no limit. Overrides the package's.").example("unlimited"))
                .param(Param.string("maxpark", "Parked domains; unlimited: no limit. Overrides the package's.").example("unlimited"))
                .param(Param.string("maxaddon", "Addon domains; unlimited: no limit. Overrides the package's.").example("unlimited"));
        declareCapabilities(b, false);
        b.param(Param.of("spamassassin", ParamType.BOOLEAN, "Apache SpamAssassin for the account (stored; default 1).").example("1"))
                .param(Param.string("spambox", "y or n: spam box filtering (stored; default y).").example("y"))
                .param(Param.of("dkim", ParamType.BOOLEAN, "DKIM for the account's domains (stored for the mail stack; default 1).").example("1"))
                .param(Param.of("spf", ParamType.BOOLEAN, "SPF for the account's domains (stored for the mail stack; default 1).").example("1"))
                .param(Param.of("dmarc", ParamType.BOOLEAN, "DMARC for the account's domains (stored for the mail stack; default 1).").example("1"))
                .param(Param.of("useregns", ParamType.BOOLEAN, "1: use the domain's registered nameservers (needs hasuseregns=1; stored).").example("0"))
                .param(Param.of("hasuseregns", ParamType.BOOLEAN, "Legacy companion of useregns.").example("1"))
                .param(Param.string("mailbox_format", "maildir or mdbox (stored).").example("mdbox"))
                .param(Param.string("cpmod", "The account's theme (jupiter).").example("jupiter"))
                .param(Param.string("language", "The account's locale (e.g. en).").example("en"));
        CREATEACCT_RULES.forEach(rule -> b.param(rule.param()));
        return b;
    }

    /** modifyacct's limits, capabilities and settings. */
    static ApiFunction.Builder declareModifyacct(ApiFunction.Builder b) {
        b.param(Param.string("QUOTA", "Disk quota in MB; 0 or unlimited: none. The account's own, over its package's.").example("unlimited"))
                .param(Param.string("DISK_BLOCK_LIMIT", "Disk quota in KB (QUOTA in another unit; give one of them).").example("100000000"))
                .param(Param.string("BWLIMIT", "Monthly bandwidth in bytes; 0 or unlimited: none.").example("unlimited"))
                .param(Param.string("MAXPOP", "Email accounts; unlimited: no limit.").example("unlimited"))
                .param(Param.string("MAXSQL", "Databases; unlimited: no limit.").example("unlimited"))
                .param(Param.string("MAXFTP", "FTP accounts; unlimited: no limit.").example("unlimited"))
                .param(Param.string("MAXSUB", "Subdomains; unlimited: no limit.").example("unlimited"))
                .param(Param.string("MAXPARK", "Parked domains; unlimited: no limit.").example("unlimited"))
                .param(Param.string("MAXADDON", "Addon domains; 0 or unlimited: no limit.").example("unlimited"))
                .param(Param.of("HASSHELL", ParamType.BOOLEAN, "Shell access (stored; the shell argument names which).").example("1"))
                .param(Param.string("shell", "The login shell: /bin/bash, /bin/sh, /usr/local/cpanel/bin/jailshell or /usr/local/cpanel/bin/noshell.").example("/bin/bash"))
                .param(Param.of("HASCGI", ParamType.BOOLEAN, "CGI access (stored).").example("1"))
                .param(Param.of("HASDKIM", ParamType.BOOLEAN, "DKIM (stored).").example("1"))
                .param(Param.of("HASSPF", ParamType.BOOLEAN, "SPF (stored).").example("1"))
                .param(Param.of("HASDMARC", ParamType.BOOLEAN, "DMARC (stored).").example("1"))
                .param(Param.of("spamassassin", ParamType.BOOLEAN, "Apache SpamAssassin (stored).").example("0"))
                .param(Param.string("MAILBOX_FORMAT", "maildir or mdbox (stored).").example("maildir"))
                .param(Param.string("MAXLST", "Mailing lists; 0 or unlimited: no limit (stored).").example("unlimited"))
                .param(Param.string("MAX_EMAIL_PER_HOUR", "Emails per hour; 0 or unlimited: no limit (stored).").example("unlimited"))
                .param(Param.string("MAX_DEFER_FAIL_PERCENTAGE", "Percentage of failed or deferred messages per hour; 0 or unlimited: no limit (stored).").example("unlimited"))
                .param(Param.string("MAX_EMAILACCT_QUOTA", "Largest mailbox quota in MB; unlimited: no limit (stored).").example("unlimited"))
                .param(Param.string("max_team_users", "Team users, 0 to 7 (stored).").example("7"))
                .param(Param.string("RS", "The account's theme (jupiter).").example("jupiter"))
                .param(Param.string("LOCALE", "The account's locale (e.g. en).").example("en"))
                .param(Param.string("LANG", "The account's display language: a locale code, or english / english-utf8.").example("english-utf8"))
                .param(Param.of("STARTDATE", ParamType.EPOCH, "The account's creation date (Unix time), as listaccts reports it.").example("1549471343"))
                .param(Param.string("owner", "root or a reseller: the account's new owner (root-level callers only).").example("reseller_name"))
                .param(Param.string("OWNER", "As owner.").example("reseller"))
                .param(Param.string("DBOWNER", "The owner of the account's databases: only the account itself.").example("example"));
        MODIFYACCT_RULES.forEach(rule -> b.param(rule.param()));
        return b;
    }

    /** addpkg's and editpkg's capabilities (their limits are WhmAccountsModule's). */
    static ApiFunction.Builder declarePackage(ApiFunction.Builder b) {
        declareCapabilities(b, true);
        b.param(Param.of("digestauth", ParamType.BOOLEAN, "Digest Authentication for new accounts on the package (default 0).").example("1"))
                .param(Param.string("cpmod", "The package's theme (jupiter): given to its accounts.").example("jupiter"))
                .param(Param.string("language", "The package's locale (e.g. en): given to its accounts.").example("en"))
                .param(Param.string("MAX_EMAIL_PER_HOUR", "As max_email_per_hour (addpkg's spelling).").example("unlimited"))
                .param(Param.string("MAX_DEFER_FAIL_PERCENTAGE", "As max_defer_fail_percentage (addpkg's spelling).").example("unlimited"));
        PACKAGE_RULES.forEach(rule -> b.param(rule.param()));
        return b;
    }

    /** The capabilities createacct, addpkg and editpkg share, in lower case. */
    private static void declareCapabilities(ApiFunction.Builder b, boolean pkg) {
        String of = pkg ? "The package's" : "The account's";
        // examples: cPanel's reference (createacct's hasshell is 0, addpkg's 1)
        b.param(Param.of("hasshell", ParamType.BOOLEAN, of + " shell access (default 0).").example(pkg ? "1" : "0"))
                .param(Param.of("cgi", ParamType.BOOLEAN, of + " CGI access (default 1).").example("1"))
                .param(Param.string("maxlst", of + " mailing lists; 0 or unlimited: no limit.").example("unlimited"))
                .param(Param.string("max_email_per_hour", of + " emails per hour; 0 or unlimited: no limit.").example("unlimited"))
                .param(Param.string("max_defer_fail_percentage", of + " percentage of failed or deferred messages per hour; 0 or unlimited: no limit.")
                        .example("unlimited"))
                .param(Param.string("max_emailacct_quota", of + " largest mailbox quota in MB; 0 or unlimited: no limit.").example("1024"))
                .param(Param.string("max_team_users", of + " Team users, 0 to 7.").example("7"));
    }

    // ---- reading ------------------------------------------------------------------------------------------

    /** createacct: the account's own limits, capabilities, theme and locale (each {@code null} when not asked for). */
    static AccountAccess.Settings createSettings(Args args) {
        CREATEACCT_RULES.forEach(rule -> rule.check(args));
        String featureList = args.getNonEmpty("featurelist");
        if (featureList != null && !featureList.equals("default")) {
            throw ApiException.invalid(Quote.of("featurelist") + ": OpenUAPI has one feature list, default.");
        }
        Given<Long> quota = megabytes(args, "quota", true);
        Given<Long> bwlimit = megabytes(args, "bwlimit", true);
        Given<Integer> maxpop = count(args, "maxpop", true);
        Given<Integer> maxsql = count(args, "maxsql", true);
        Given<Integer> maxftp = count(args, "maxftp", true);
        Given<Integer> maxsub = count(args, "maxsub", false);
        Given<Integer> maxpark = count(args, "maxpark", false);
        Given<Integer> maxaddon = count(args, "maxaddon", false);
        UnaryOperator<PlanService.Limits> limits = anyGiven(quota, bwlimit, maxpop, maxsql, maxftp, maxsub, maxpark, maxaddon)
                ? current -> new PlanService.Limits(or(maxpop, current.maxEmailAccounts()), or(maxsql, current.maxDatabases()),
                        or(maxftp, current.maxFtpAccounts()), or(maxsub, current.maxSubdomains()), or(maxaddon, current.maxAddonDomains()),
                        or(maxpark, current.maxParkedDomains()), or(quota, current.diskQuotaMb()), or(bwlimit, current.bandwidthMb()), null)
                : null;
        Boolean shell = flag(args, "hasshell");
        Boolean cgi = flag(args, "cgi");
        Given<Integer> maxlst = count(args, "maxlst", true);
        Given<Integer> perHour = count(args, "max_email_per_hour", true);
        Given<Integer> deferFail = count(args, "max_defer_fail_percentage", true);
        Given<Long> mailboxQuota = megabytes(args, "max_emailacct_quota", true);
        Given<Integer> team = count(args, "max_team_users", false);
        Boolean spamassassin = flag(args, "spamassassin");
        Boolean spambox = yesNo(args, "spambox");
        Boolean dkim = flag(args, "dkim");
        Boolean spf = flag(args, "spf");
        Boolean dmarc = flag(args, "dmarc");
        Boolean useregns = flag(args, "useregns");
        if (Boolean.TRUE.equals(useregns) && !Boolean.TRUE.equals(flag(args, "hasuseregns"))) {
            throw ApiException.invalid("useregns=1 needs hasuseregns=1 too.");
        }
        String mailboxFormat = args.getNonEmpty("mailbox_format");
        Consumer<AccountOptions> options = o -> {
            if (shell != null) {
                o.shell = shell ? AccountOptions.SHELL : AccountOptions.NO_SHELL;
            }
            o.cgi = cgi == null ? o.cgi : cgi;
            o.mailLimits.maxLists = or(maxlst, o.mailLimits.maxLists);
            o.mailLimits.maxEmailPerHour = or(perHour, o.mailLimits.maxEmailPerHour);
            o.mailLimits.maxDeferFailPercentage = or(deferFail, o.mailLimits.maxDeferFailPercentage);
            o.mailLimits.maxEmailAccountQuotaMb = or(mailboxQuota, o.mailLimits.maxEmailAccountQuotaMb);
            o.mailLimits.maxTeamUsers = or(team, o.mailLimits.maxTeamUsers);
            o.spamassassin = spamassassin == null ? o.spamassassin : spamassassin;
            o.spambox = spambox == null ? o.spambox : spambox;
            o.dkim = dkim == null ? o.dkim : dkim;
            o.spf = spf == null ? o.spf : spf;
            o.dmarc = dmarc == null ? o.dmarc : dmarc;
            o.useRegisteredNs = useregns == null ? o.useRegisteredNs : useregns;
            o.mailboxFormat = mailboxFormat == null ? o.mailboxFormat : mailboxFormat;
        };
        return new AccountAccess.Settings(limits, options, args.getNonEmpty("cpmod"), args.getNonEmpty("language"));
    }

    /** createacct's savepkg and pkgname: the new package's name, or {@code null} for none. */
    static String packageToSave(Args args, String username) {
        Boolean save = flag(args, "savepkg");
        String name = args.getNonEmpty("pkgname");
        if (Boolean.FALSE.equals(save) || (save == null && name == null)) {
            return null;
        }
        return name == null ? username : name;
    }

    /** modifyacct: the account's own limits, capabilities, theme and locale. */
    static AccountAccess.Settings modifySettings(Args args, String username) {
        MODIFYACCT_RULES.forEach(rule -> rule.check(args));
        for (String name : args.asMap().keySet()) {
            if (name.startsWith("MXCHECK-")) {
                throw ApiException.invalid(Quote.of(name) + ": OpenUAPI's zones make this server the mail exchanger; "
                        + "change MX records with the DNS functions.");
            }
        }
        String dbOwner = args.getNonEmpty("DBOWNER");
        if (dbOwner != null && !dbOwner.equals(username)) {
            throw ApiException.invalid(Quote.of("DBOWNER") + ": the account's databases belong to the account itself.");
        }
        Given<Long> quota = megabytes(args, "QUOTA", true);
        String blocks = args.getNonEmpty("DISK_BLOCK_LIMIT");
        if (blocks != null) {
            if (quota != null) {
                throw ApiException.invalid("Give QUOTA or DISK_BLOCK_LIMIT, not both.");
            }
            Long kb = Quantities.orUnlimitedOrZero(blocks, raw -> notValid(raw, "DISK_BLOCK_LIMIT"));
            quota = new Given<>(kb == null ? null : (kb + 1023) / 1024);
        }
        Given<Long> bytes = megabytes(args, "BWLIMIT", true);
        Given<Long> bwlimit = bytes == null ? null : new Given<>(bytes.value() == null ? null : (bytes.value() + 1048575) / 1048576);
        Given<Integer> maxpop = count(args, "MAXPOP", false);
        Given<Integer> maxsql = count(args, "MAXSQL", false);
        Given<Integer> maxftp = count(args, "MAXFTP", false);
        Given<Integer> maxsub = count(args, "MAXSUB", false);
        Given<Integer> maxpark = count(args, "MAXPARK", false);
        Given<Integer> maxaddon = count(args, "MAXADDON", true);
        Given<Long> q = quota;
        UnaryOperator<PlanService.Limits> limits = anyGiven(quota, bwlimit, maxpop, maxsql, maxftp, maxsub, maxpark, maxaddon)
                ? current -> new PlanService.Limits(or(maxpop, current.maxEmailAccounts()), or(maxsql, current.maxDatabases()),
                        or(maxftp, current.maxFtpAccounts()), or(maxsub, current.maxSubdomains()), or(maxaddon, current.maxAddonDomains()),
                        or(maxpark, current.maxParkedDomains()), or(q, current.diskQuotaMb()), or(bwlimit, current.bandwidthMb()), null)
                : null;
        Boolean hasShell = flag(args, "HASSHELL");
        String shellPath = args.getNonEmpty("shell");
        Boolean cgi = flag(args, "HASCGI");
        Boolean dkim = flag(args, "HASDKIM");
        Boolean spf = flag(args, "HASSPF");
        Boolean dmarc = flag(args, "HASDMARC");
        Boolean spamassassin = flag(args, "spamassassin");
        String mailboxFormat = args.getNonEmpty("MAILBOX_FORMAT");
        Given<Integer> maxlst = count(args, "MAXLST", true);
        Given<Integer> perHour = count(args, "MAX_EMAIL_PER_HOUR", true);
        Given<Integer> deferFail = count(args, "MAX_DEFER_FAIL_PERCENTAGE", true);
        Given<Long> mailboxQuota = megabytes(args, "MAX_EMAILACCT_QUOTA", false);
        Given<Integer> team = count(args, "max_team_users", false);
        Consumer<AccountOptions> options = o -> {
            if (shellPath != null) {
                o.shell = shellPath;
            } else if (hasShell != null) {
                o.shell = hasShell ? (o.hasShell() ? o.shell : AccountOptions.SHELL) : AccountOptions.NO_SHELL;
            }
            o.cgi = cgi == null ? o.cgi : cgi;
            o.dkim = dkim == null ? o.dkim : dkim;
            o.spf = spf == null ? o.spf : spf;
            o.dmarc = dmarc == null ? o.dmarc : dmarc;
            o.spamassassin = spamassassin == null ? o.spamassassin : spamassassin;
            o.mailboxFormat = mailboxFormat == null ? o.mailboxFormat : mailboxFormat;
            o.mailLimits.maxLists = or(maxlst, o.mailLimits.maxLists);
            o.mailLimits.maxEmailPerHour = or(perHour, o.mailLimits.maxEmailPerHour);
            o.mailLimits.maxDeferFailPercentage = or(deferFail, o.mailLimits.maxDeferFailPercentage);
            o.mailLimits.maxEmailAccountQuotaMb = or(mailboxQuota, o.mailLimits.maxEmailAccountQuotaMb);
            o.mailLimits.maxTeamUsers = or(team, o.mailLimits.maxTeamUsers);
        };
        String locale = args.getNonEmpty("LOCALE");
        String lang = args.getNonEmpty("LANG");
        if (locale == null && lang != null) {
            locale = lang.equals("english") || lang.equals("english-utf8") ? "en" : lang;
        }
        return new AccountAccess.Settings(limits, options, args.getNonEmpty("RS"), locale);
    }

    /** modifyacct's owner (OWNER is the same); {@code null}: unchanged. */
    static String newOwner(Args args) {
        String owner = args.getNonEmpty("owner");
        return owner == null ? args.getNonEmpty("OWNER") : owner;
    }

    /** addpkg's and editpkg's capabilities: what is not given takes cPanel's default, as the limits do. */
    static PackageOptions packageOptions(Args args) {
        PACKAGE_RULES.forEach(rule -> rule.check(args));
        PackageOptions o = new PackageOptions();
        o.hasShell = Boolean.TRUE.equals(flag(args, "hasshell"));
        o.cgi = !Boolean.FALSE.equals(flag(args, "cgi"));
        o.digestAuth = Boolean.TRUE.equals(flag(args, "digestauth"));
        o.theme = args.getNonEmpty("cpmod");
        o.locale = args.getNonEmpty("language");
        o.mailLimits.maxLists = value(count(args, "maxlst", true));
        o.mailLimits.maxEmailPerHour = value(count(args, args.getNonEmpty("MAX_EMAIL_PER_HOUR") != null ? "MAX_EMAIL_PER_HOUR" : "max_email_per_hour", true));
        o.mailLimits.maxDeferFailPercentage = value(count(args,
                args.getNonEmpty("MAX_DEFER_FAIL_PERCENTAGE") != null ? "MAX_DEFER_FAIL_PERCENTAGE" : "max_defer_fail_percentage", true));
        o.mailLimits.maxEmailAccountQuotaMb = value(megabytes(args, "max_emailacct_quota", true));
        o.mailLimits.maxTeamUsers = value(count(args, "max_team_users", false));
        return o;
    }

    // ---- values -------------------------------------------------------------------------------------------

    /** 1 or 0 ({@code null}: not given). */
    static Boolean flag(Args args, String name) {
        String raw = args.getNonEmpty(name);
        if (raw == null) {
            return null;
        }
        return switch (raw) {
            case "1" -> true;
            case "0" -> false;
            default -> throw ApiException.invalid(Quote.of(raw) + " is not a valid value for " + Quote.of(name) + ": give 1 or 0.");
        };
    }

    /** y or n (1 or 0 too); {@code null}: not given. */
    static Boolean yesNo(Args args, String name) {
        String raw = args.getNonEmpty(name);
        if (raw == null) {
            return null;
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "y", "1" -> true;
            case "n", "0" -> false;
            default -> throw ApiException.invalid(Quote.of(raw) + " is not a valid value for " + Quote.of(name) + ": give y or n.");
        };
    }

    /** A count, "unlimited" or "null" (and 0 when {@code zeroUnlimited}, as cPanel documents for that argument). */
    static Given<Integer> count(Args args, String name, boolean zeroUnlimited) {
        String raw = unlimitedWords(args.getNonEmpty(name));
        if (raw == null) {
            return null;
        }
        Long value = zeroUnlimited ? Quantities.orUnlimitedOrZero(raw, r -> notValid(r, name)) : Quantities.orUnlimited(raw, r -> notValid(r, name));
        if (value != null && value > 999999) {
            throw ApiException.invalid(Quote.of(raw) + " is too large for " + Quote.of(name) + ": at most 999999.");
        }
        return new Given<>(value == null ? null : value.intValue());
    }

    /** A size in MB (or whatever unit the caller converts from), as {@link #count}. */
    static Given<Long> megabytes(Args args, String name, boolean zeroUnlimited) {
        String raw = unlimitedWords(args.getNonEmpty(name));
        if (raw == null) {
            return null;
        }
        return new Given<>(zeroUnlimited ? Quantities.orUnlimitedOrZero(raw, r -> notValid(r, name)) : Quantities.orUnlimited(raw, r -> notValid(r, name)));
    }

    private static String unlimitedWords(String raw) {
        return raw != null && raw.equalsIgnoreCase("null") ? Quantities.UNLIMITED : raw;
    }

    private static String notValid(String raw, String name) {
        return Quote.of(raw) + " is not a valid value for " + Quote.of(name) + ": give a number or unlimited.";
    }

    private static <T> T or(Given<T> given, T current) {
        return given == null ? current : given.value();
    }

    private static <T> T value(Given<T> given) {
        return given == null ? null : given.value();
    }

    private static boolean anyGiven(Given<?>... given) {
        for (Given<?> g : given) {
            if (g != null) {
                return true;
            }
        }
        return false;
    }
}
