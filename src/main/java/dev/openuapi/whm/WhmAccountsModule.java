package dev.openuapi.whm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountService;
import dev.openuapi.account.MailLimits;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quantities;
import dev.openuapi.common.Quote;
import dev.openuapi.common.Regexes;
import dev.openuapi.kernel.Api0;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Shape;
import dev.openuapi.operator.AccountAccess;
import dev.openuapi.operator.Acl;
import dev.openuapi.operator.SiteIpService;
import dev.openuapi.plan.PackageOptions;
import dev.openuapi.plan.Plan;
import dev.openuapi.plan.PlanService;
import dev.openuapi.settings.AccountSettingsService;
import dev.openuapi.settings.Locales;


/**
 * WHM API 1 account and package functions (spec §10), on the same services as the {@code /api/v1} admin
 * API. Each call is one transaction. A reseller sees and changes only the accounts it owns; the accounts
 * it creates are its own.
 */
@ApplicationScoped
public class WhmAccountsModule implements ApiModule {

    private static final Param USER = Param.string("user", "The account's username.").required().example("example");

    /** One account row, as listaccts and accountsummary return it (values from cPanel's examples where the fields agree). */
    static final String ACCOUNT_ROW_EXAMPLE = "{\"user\":\"example\",\"domain\":\"example.com\",\"email\":\"username@example.com\",\"plan\":\"default\","
            + "\"suspended\":0,\"unix_startdate\":1549471343,\"ip\":\"192.168.0.128\",\"owner\":\"root\","
            + "\"disklimit\":\"unlimited\",\"bwlimit\":\"unlimited\",\"maxpop\":\"unlimited\",\"maxsql\":\"unlimited\","
            + "\"maxftp\":\"unlimited\",\"maxsub\":\"unlimited\",\"maxparked\":\"unlimited\","
            + "\"maxaddons\":\"unlimited\",\"maxlst\":\"unlimited\",\"max_email_per_hour\":\"unlimited\","
            + "\"max_defer_fail_percentage\":\"unlimited\",\"max_emailacct_quota\":\"unlimited\",\"max_team_users\":7,"
            + "\"shell\":\"/usr/local/cpanel/bin/noshell\",\"cgi\":1,\"digestauth\":0,\"theme\":\"jupiter\","
            + "\"locale\":\"en\",\"mailbox_format\":\"mdbox\",\"spamassassin\":1,\"spambox\":1,\"dkim\":1,\"spf\":1,"
            + "\"dmarc\":1,\"useregns\":0,\"is_locked\":0,\"leave-ftp-accts-enabled\":0}";
    private static final String NOT_YET = " cPanel's rows also carry backup, child_nodes, diskused, inodeslimit, inodesused, ipv6, "
            + "legacy_backup, outgoing_mail_hold and outgoing_mail_suspended, among others; OpenUAPI does not return those yet.";

    private final AccountService accounts;
    private final AccountAccess access;
    private final PlanService plans;
    private final SiteIpService siteIps;

    WhmAccountsModule(AccountService accounts, AccountAccess access, PlanService plans, SiteIpService siteIps) {
        this.accounts = accounts;
        this.access = access;
        this.plans = plans;
        this.siteIps = siteIps;
    }

    @Override
    public String name() {
        return WHM;
    }

    @Override
    public String group() {
        return "Accounts and Packages";
    }

    @Override
    public List<ApiFunction> functions() {
        Shape acct = accountShape(Shape.object("An account.").field("user", Shape.string("Username.")).field("domain", Shape.string("Main domain."))
                .field("email", Shape.string("Contact email.")).field("plan", Shape.string("Package, or default."))
                .field("suspended", Shape.integer("1 or 0.")).field("unix_startdate", Shape.integer("Created (Unix epoch)."))
                .field("ip", Shape.string("IP address.")).field("owner", Shape.string("root, or the reseller that owns it."))).build();
        Shape acctList = Shape.object("The accounts.").field("acct", Shape.arrayOf("The accounts.", acct)).build();
        // listaccts' and accountsummary's example: cPanel's values where the fields are the same
        String acctExample = "{\"acct\":[" + ACCOUNT_ROW_EXAMPLE + "]}";
        return List.of(
                AccountArguments.declareCreateacct(ApiFunction.named("createacct").whm1().acl(Acl.CREATE_ACCT).summary("Create an account")
                        .description("Creates the account with its main domain and DNS zone, on the given package, in one transaction. "
                                + "Limits given here are the account's own, over its package's (src/docs/account-arguments.md). "
                                + "cPanel's data also has nameserver, nameserver2-4, nameservera, nameservera2-4 and nameserverentry, "
                                + "nameserverentry2-4; OpenUAPI does not return those yet (it returns user and domain, which cPanel does not).")
                        .param(Param.string("username", "The username: a lowercase letter, then up to 15 letters or digits.").example("example").required())
                        .param(Param.of("domain", ParamType.DOMAIN, "The main domain.").example("example.com").required())
                        .param(Param.of("password", ParamType.PASSWORD, "The account's password.").example("123456luggage").required())
                        .param(Param.string("plan", "A package name; none: no limits.").example("default"))
                        .param(Param.of("contactemail", ParamType.EMAIL, "The contact email; webmaster@domain when left out.").example("username@example.com"))
                        .param(Param.string("owner", "root or a reseller (root-level callers only); the caller when left out.").example("root"))
                        .param(Param.of("reseller", ParamType.BOOLEAN, "1: the new account is a reseller too, with no privileges "
                                + "yet, as setupreseller makes one (root-level callers only).").example("0"))
                        .param(Param.of("ownerself", ParamType.BOOLEAN, "1: the account owns itself; ignored when owner is given "
                                + "(root-level callers only).").example("1"))
                        .param(Param.of("reseller_without_domain", ParamType.BOOLEAN, "1 is refused: every OpenUAPI account has "
                                + "a main domain.").example("0"))
                        .param(Param.string("ip", "y: the account gets its own IP address, the first of the server's further "
                                + "addresses (openuapi.dns.additional-ips) no account uses; n (the default): the shared one.").example("n"))
                        .param(Param.string("customip", "The account's IP address: one of the server's (listips); it takes precedence over ip.")
                                .example("192.0.2.0")))
                        .returns(Shape.object("The new account.").field("user", Shape.string("Username."))
                                .field("domain", Shape.string("Main domain.")).field("ip", Shape.string("IP address."))
                                .field("package", Shape.string("Package.")).build())
                        .exampleJson("{\"domain\":\"example.com\",\"ip\":\"192.0.2.0\",\"package\":\"my_new_package\",\"user\":\"example\"}")
                        // the fresh account makes way for an account of the same name and domain, which the test then removes;
                        // pass, uid, gid, homedir, mail_node_alias, account_enhancements and customip cannot be sent here
                        .exampleSetup("/json-api/removeacct?api.version=1&username=example")
                        .exampleArgs("username=example&domain=example.com&password=123456luggage&contactemail=username@example.com"
                                + "&owner=root&reseller=0&ownerself=1&reseller_without_domain=0&ip=n&pkgname=example_pkg&savepkg=1"
                                + "&featurelist=default&quota=500&bwlimit=unlimited&maxpop=unlimited&maxsql=unlimited&maxftp=unlimited"
                                + "&maxsub=unlimited&maxpark=unlimited&maxaddon=unlimited&hasshell=0&cgi=1&maxlst=unlimited"
                                + "&max_email_per_hour=unlimited&max_defer_fail_percentage=unlimited&max_emailacct_quota=1024"
                                + "&max_team_users=7&spamassassin=1&spambox=y&dkim=1&spf=1&dmarc=1&useregns=0&hasuseregns=1"
                                + "&mailbox_format=mdbox&cpmod=jupiter&language=en&forcedns=0&frontpage=0&showpass=n&mxcheck=auto")
                        .api0(Api0.status("result", "Account Creation Ok").nestedIn("options"))
                        .handledBy(this::createAccount),
                ApiFunction.named("removeacct").whm1().acl(Acl.KILL_ACCT).summary("Remove an account")
                        .description("Removes the account with its tokens, domains, zones, mailboxes, databases and database users.")
                        .param(Param.string("username", "The account (user is accepted too).").example("example"))
                        .param(Param.string("user", "The account.").example("example"))
                        .param(Param.of("keepdns", ParamType.BOOLEAN, "1: keep the account's DNS zones (default 0: remove them).").example("0"))
                        .example(null) // cPanel's sample answer: metadata only (reason "example account removed")
                        .exampleArgs("username=example&keepdns=0") // user is username's other name
                        .api0(Api0.status("result", "{username} account removed").arg("user", "username"))
                        .doing(call -> accounts.delete(notSelf(call, owned(call, user(call.args(), "username"))).username,
                                Boolean.TRUE.equals(AccountArguments.flag(call.args(), "keepdns")))),
                ApiFunction.named("listaccts").whm1().acl(Acl.LIST_ACCTS).summary("List accounts")
                        .param(Param.string("search", "A regular expression to match.").example("username"))
                        .param(Param.string("searchtype", "What search matches: user (default), domain, owner, ip or package.").example("domain"))
                        .param(Param.string("searchmethod", "exact: the whole value equals search; regex (default): search is a regular expression.").example("exact"))
                        .param(Param.string("want", "A comma-separated list of the fields to return (default: all).").example("domain,diskused"))
                        .description("Each account the caller may see, with its limits and settings by cPanel's names." + NOT_YET)
                        .returns(acctList).exampleJson(acctExample)
                        .exampleArgs("search=example.com&searchtype=domain&searchmethod=exact") // want would drop the other fields
                        .api0(Api0.listWithStatus("acct")).handledBy(this::listAccounts),
                ApiFunction.named("accountsummary").whm1().acl(Acl.ACCT_SUMMARY).summary("Show one account")
                        .param(Param.string("user", "The account's username (or give domain).").example("example"))
                        .param(Param.of("domain", ParamType.DOMAIN, "The account's main domain (or give user).").example("example.com"))
                        .param(Param.string("search", "With searchtype: the username or main domain to find (exactly).").example("example.com"))
                        .param(Param.string("searchtype", "user or domain: what search names.").example("domain"))
                        .param(Param.string("searchmethod", "Only exact.").example("exact"))
                        .description("One account, as listaccts returns it." + NOT_YET)
                        .returns(acctList).exampleJson(acctExample).api0(Api0.listWithStatus("acct"))
                        .handledBy(call -> Map.of("acct", views(List.of(summaryAccount(call))))),
                ApiFunction.named("suspendacct").whm1().acl(Acl.SUSPEND_ACCT).summary("Suspend an account: its tokens and password stop working")
                        .param(USER).param(Param.string("reason", "Why: listsuspended reports it (Unknown when left out).").example("Suspended for nonpayment."))
                        .param(Param.of("disallowun", ParamType.BOOLEAN, "1: only root may unsuspend (accountsummary is_locked).").example("0"))
                        .param(Param.of("leave-ftp-accts-enabled", ParamType.BOOLEAN,
                                "1: the hosting stack keeps the FTP logins working (stored and reported).").example("1"))
                        .example(null) // cPanel's sample answer: metadata only
                        .api0(Api0.status("result", "{user}'s account has been suspended"))
                        .doing(call -> accounts.suspend(notSelf(call, owned(call, call.args().get("user"))).username,
                                call.args().getNonEmpty("reason"), Boolean.TRUE.equals(AccountArguments.flag(call.args(), "disallowun")),
                                Boolean.TRUE.equals(AccountArguments.flag(call.args(), "leave-ftp-accts-enabled")))),
                ApiFunction.named("unsuspendacct").whm1().acl(Acl.SUSPEND_ACCT).summary("Unsuspend an account").param(USER)
                        .param(Param.of("retain-service-proxies", ParamType.BOOLEAN,
                                "Ignored: OpenUAPI sets up no service proxies, so there are none to keep or remove.").example("1"))
                        .example(null) // cPanel's sample answer: metadata only
                        .exampleSetup("/json-api/suspendacct?api.version=1&user=example")
                        .api0(Api0.status("result", "{user}'s account is now active"))
                        .doing(call -> access.unsuspend(call.whmUser(), call.args().get("user"))),
                AccountArguments.declareModifyacct(ApiFunction.named("modifyacct").whm1().acl(Acl.EDIT_ACCOUNT)
                        .summary("Change an account's contact email, main domain, username, owner, limits and capabilities")
                        .description("cPanel also returns data: cpuser (the account's settings by their cpuser names), domain, "
                                + "setshell and user; OpenUAPI does not yet (data is null): read the account back with accountsummary.")
                        .param(USER)
                        .param(Param.of("contactemail", ParamType.EMAIL, "The new contact email.").example("username@example.com"))
                        .param(Param.of("domain", ParamType.DOMAIN, "The new main domain; its zone, subdomains, mailboxes, FTP logins and "
                                + "installed certificates follow (src/docs/main-domain-change.md).").example("example.com"))
                        .param(Param.of("DNS", ParamType.DOMAIN, "An alias of domain; given both, DNS wins.").example("example.com"))
                        .param(Param.string("newuser", "The account's new username: its databases, database users, zones and home "
                                + "directory follow, its API tokens keep working (src/docs/account-rename.md).").example("example1"))
                        .param(Param.of("rename_database_objects", ParamType.BOOLEAN,
                                "With newuser: 1 (the default here) renames the prefixed databases and database users too; 0 is refused.").example("0"))
                        .param(Param.of("reseller", ParamType.BOOLEAN, "1: the account becomes a reseller (as setupreseller); "
                                + "0: it stops being one (as unsetupreseller). Root-level callers only.").example("1")))
                        .example(null)
                        // newuser would leave the fresh account under another name, and rename_database_objects=0 is refused
                        // with it; DNS and domain move the main domain; QUOTA and DISK_BLOCK_LIMIT exclude each other; the
                        // arguments OpenUAPI refuses (BACKUP=1, PUSHBULLET_ACCESS_TOKEN, STYLE, …) are left out
                        .exampleArgs("user=example&contactemail=username@example.com&reseller=1&QUOTA=unlimited&BWLIMIT=unlimited"
                                + "&MAXPOP=unlimited&MAXSQL=unlimited&MAXFTP=unlimited&MAXSUB=unlimited&MAXPARK=unlimited"
                                + "&MAXADDON=unlimited&HASSHELL=1&shell=/bin/bash&HASCGI=1&HASDKIM=1&HASSPF=1&HASDMARC=1&spamassassin=0"
                                + "&MAILBOX_FORMAT=maildir&MAXLST=unlimited&MAX_EMAIL_PER_HOUR=unlimited&MAX_DEFER_FAIL_PERCENTAGE=unlimited"
                                + "&MAX_EMAILACCT_QUOTA=unlimited&max_team_users=7&RS=jupiter&LOCALE=en&LANG=english-utf8"
                                + "&STARTDATE=1549471343&owner=root&DBOWNER=example&modify_firewall=0&MAXPASSENGERAPPS=unlimited"
                                + "&OUTGOING_EMAIL_SUSPENDED=0&remove_missing_extensions=packageext1 packageext2&notify_disk_limit=0"
                                + "&notify_password_change=0&notify_ssl_expiry=0&update_existing_email_account_quotas=0")
                        .api0(Api0.status("result", "Account Modified"))
                        .doing(this::modifyAccount),
                ApiFunction.named("passwd").whm1().acl(Acl.PASSWD).summary("Change an account's password").param(USER)
                        .param(Param.of("password", ParamType.PASSWORD, "The new password.").example("123456luggage").required())
                        .param(Param.of("db_pass_update", ParamType.BOOLEAN,
                                "Ignored: an account has no MySQL login of its own here; its database users keep their passwords.").example("1"))
                        .param(Param.of("enabledigest", ParamType.BOOLEAN, "1 or 0: Digest Authentication (left out: unchanged).").example("1"))
                        .param(Param.of("digestauth", ParamType.BOOLEAN, "As enabledigest.").example("1"))
                        .example(null) // OpenUAPI returns no data
                        .api0(Api0.status("passwd", "Password changed for user \u201c{user}\u201d.").arg("pass", "password"))
                        .doing(this::changePassword),
                ApiFunction.named("changepackage").whm1().acl(Acl.UPGRADE_ACCOUNT).summary("Put an account on a package").param(USER)
                        .param(Param.string("pkg", "The package.").example("package1").required())
                        .example(null) // cPanel's sample answer: metadata only
                        .exampleSetup("/json-api/addpkg?api.version=1&name=example_pkg")
                        .exampleArgs("user=example&pkg=example_pkg")
                        .api0(Api0.status("result", "Account Upgrade/Downgrade Complete for {user}"))
                        .doing(call -> plans.assign(owned(call, call.args().get("user")).username, call.args().get("pkg"))),
                packageFunction(ApiFunction.named("addpkg").whm1().acl(Acl.ADD_PKG).summary("Create a package")
                        .param(Param.string("name", "The package's name.").example("package1").required()))
                        .exampleJson("{\"pkg\":\"package1\"}")
                        // _PACKAGE_EXTENSIONS is refused, featurelist takes only default
                        .exampleArgs("name=example_pkg" + "&maxpop=unlimited&maxsql=unlimited&maxftp=unlimited&maxsub=unlimited&maxaddon=unlimited&maxpark=unlimited"
                                + "&quota=10240&bwlimit=1048576&hasshell=1&cgi=1&maxlst=unlimited&max_email_per_hour=unlimited"
                                + "&max_defer_fail_percentage=unlimited&max_emailacct_quota=1024&max_team_users=7&digestauth=1"
                                + "&cpmod=jupiter&language=en&frontpage=0&ip=n&featurelist=default")
                        .api0(Api0.status("result", "Created the package {name}")).handledBy(call -> {
                            PlanService.Limits limits = limits(call.args());
                            Plan plan = plans.create(call.args().get("name"), limits, AccountArguments.packageOptions(call.args()));
                            return Map.of("pkg", plan.name);
                        }),
                packageFunction(ApiFunction.named("editpkg").whm1().acl(Acl.EDIT_PKG)
                        .summary("Replace a package's limits and capabilities, for every account on it; create it if it does not exist")
                        .param(Param.string("name", "The package's name.").example("package1").required()))
                        .exampleJson("{\"pkg\":\"package1\"}")
                        .exampleSetup("/json-api/addpkg?api.version=1&name=example_pkg")
                        .exampleArgs("name=example_pkg" + "&maxpop=unlimited&maxsql=unlimited&maxftp=unlimited&maxsub=unlimited&maxaddon=unlimited&maxpark=unlimited"
                                + "&quota=10240&bwlimit=1048576&hasshell=1&cgi=1&maxlst=unlimited&max_email_per_hour=unlimited"
                                + "&max_defer_fail_percentage=unlimited&max_emailacct_quota=1024&max_team_users=7&digestauth=1"
                                + "&cpmod=jupiter&language=en&frontpage=0&ip=n&featurelist=default")
                        .api0(Api0.status("result", "Modified the package {name}")).handledBy(call -> {
                            String name = call.args().get("name");
                            PlanService.Limits given = limits(call.args());
                            PackageOptions options = AccountArguments.packageOptions(call.args());
                            Optional<Plan> existing = plans.find(name);
                            if (existing.isEmpty()) { // cPanel: "If the hosting plan does not exist, the system will create it."
                                return Map.of("pkg", plans.create(name, given, options).name);
                            }
                            List<String> features = existing.get().features; // editpkg leaves the feature list alone
                            Plan plan = plans.update(name, new PlanService.Limits(given.maxEmailAccounts(),
                                    given.maxDatabases(), given.maxFtpAccounts(), given.maxSubdomains(), given.maxAddonDomains(),
                                    given.maxParkedDomains(), given.diskQuotaMb(), given.bandwidthMb(),
                                    features), options);
                            return Map.of("pkg", plan.name);
                        }),
                ApiFunction.named("killpkg").whm1().acl(Acl.ADD_PKG).summary("Delete a package no account uses")
                        .param(Param.string("pkgname", "The package's name.").example("package1").required())
                        .example(null) // cPanel's sample answer: metadata only
                        .exampleSetup("/json-api/addpkg?api.version=1&name=example_pkg")
                        .exampleArgs("pkgname=example_pkg")
                        .api0(Api0.status("result", "The package was successfully deleted.").arg("pkg", "pkgname"))
                        .doing(call -> plans.delete(call.args().get("pkgname"))),
                ApiFunction.named("listpkgs").whm1().acl(Acl.LIST_PKGS).summary("List packages")
                        .param(Param.string("want", "all (default), creatable, editable or viewable: every package is all of these here.").example("creatable"))
                        .returns(Shape.object("The packages.").field("pkg", Shape.arrayOf("The packages.", Shape.object("A package.").build()))
                                .build())
                        .exampleJson("{\"pkg\":[{\"name\":\"package1\",\"MAXPOP\":\"unlimited\",\"MAXSQL\":\"unlimited\","
                                + "\"MAXFTP\":\"unlimited\",\"MAXSUB\":\"unlimited\",\"MAXADDON\":\"0\",\"MAXPARK\":\"0\","
                                + "\"QUOTA\":\"10240\",\"BWLIMIT\":\"1048576\",\"MAXLST\":\"unlimited\",\"HASSHELL\":\"n\","
                                + "\"CGI\":\"y\",\"DIGESTAUTH\":\"n\",\"CPMOD\":\"jupiter\",\"LANG\":\"en\","
                                + "\"FEATURELIST\":\"default\",\"IP\":\"n\",\"MAX_EMAIL_PER_HOUR\":\"unlimited\","
                                + "\"MAX_DEFER_FAIL_PERCENTAGE\":\"unlimited\",\"MAX_EMAILACCT_QUOTA\":\"1024\",\"MAX_TEAM_USERS\":7}]}")
                        .exampleSetup("/json-api/addpkg?api.version=1&name=example_pkg")
                        .api0(Api0.list("package"))
                        .handledBy(this::listPackages));
    }

    /** The account, its domain and zone, and its package: all in one transaction, or nothing. */
    private Object createAccount(Call call) {
        Args args = call.args();
        String plan = args.getNonEmpty("plan");
        AccountAccess.Settings settings = AccountArguments.createSettings(args);
        String savePackageAs = AccountArguments.packageToSave(args, args.get("username"));
        Account account = access.create(call.whmUser(), new AccountAccess.NewAccount(args.get("username"), args.get("password"),
                args.get("domain"), args.getNonEmpty("contactemail"), plan, args.getNonEmpty("owner")), role(args), settings, savePackageAs);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user", account.username);
        data.put("domain", account.domain);
        data.put("ip", siteIps.ipOf(account));
        data.put("package", savePackageAs != null ? savePackageAs : plan == null ? "default" : plan);
        return data;
    }

    /** createacct's reseller and IP arguments. */
    private static AccountAccess.Role role(Args args) {
        if (Boolean.TRUE.equals(AccountArguments.flag(args, "reseller_without_domain"))) {
            throw ApiException.invalid("OpenUAPI cannot create a reseller without a domain (reseller_without_domain=1): every "
                    + "account has a main domain.");
        }
        String ip = Optional.ofNullable(args.getNonEmpty("ip")).orElse("n");
        if (!ip.equals("y") && !ip.equals("n")) {
            throw ApiException.invalid(Quote.of(ip) + " is not a valid value for “ip”: use y or n.");
        }
        return new AccountAccess.Role(Boolean.TRUE.equals(AccountArguments.flag(args, "reseller")),
                Boolean.TRUE.equals(AccountArguments.flag(args, "ownerself")), args.getNonEmpty("customip"), ip.equals("y"));
    }

    /** modifyacct: the contact email, then the owner, start date, limits and capabilities (one transaction). */
    private void modifyAccount(Call call) {
        Args args = call.args();
        Account account = owned(call, args.get("user"));
        AccountAccess.Settings settings = AccountArguments.modifySettings(args, account.username);
        String startDate = args.getNonEmpty("STARTDATE");
        Long start = null;
        if (startDate != null) {
            if (!startDate.matches("\\d{1,12}")) {
                throw ApiException.invalid(Quote.of(startDate) + " is not a valid value for " + Quote.of("STARTDATE") + ": give a Unix time.");
            }
            start = Long.parseLong(startDate);
        }
        if (args.getNonEmpty("newuser") != null && Boolean.FALSE.equals(AccountArguments.flag(args, "rename_database_objects"))) {
            throw ApiException.invalid("OpenUAPI renames an account's prefixed databases and database users with the account: "
                    + Quote.of("rename_database_objects") + " cannot be 0.");
        }
        access.modify(call.whmUser(), account.username, new AccountAccess.Modification(args.getNonEmpty("contactemail"), settings, start,
                AccountArguments.newOwner(args), AccountArguments.flag(args, "reseller"),
                Optional.ofNullable(args.getNonEmpty("DNS")).orElse(args.getNonEmpty("domain")), args.getNonEmpty("newuser")));
    }

    /** passwd: the password, and Digest Authentication when enabledigest (or digestauth) is given. */
    private void changePassword(Call call) {
        Args args = call.args();
        Boolean digest = AccountArguments.flag(args, "enabledigest");
        digest = digest == null ? AccountArguments.flag(args, "digestauth") : digest;
        AccountArguments.flag(args, "db_pass_update"); // checked: 1 or 0
        access.changePassword(call.whmUser(), args.get("user"), args.get("password"), digest);
    }

    /** accountsummary: by user, by domain, or by search and searchtype (exact). */
    private Account summaryAccount(Call call) {
        Args args = call.args();
        String user = args.getNonEmpty("user");
        String domain = args.getNonEmpty("domain");
        String search = args.getNonEmpty("search");
        if (user == null && domain == null && search != null) {
            String method = Optional.ofNullable(args.getNonEmpty("searchmethod")).orElse("exact");
            if (!method.equals("exact")) {
                throw ApiException.invalid(Quote.of(method) + " is not a valid searchmethod here: use exact.");
            }
            String type = Optional.ofNullable(args.getNonEmpty("searchtype")).orElse("user");
            switch (type) {
                case "user" -> user = search;
                case "domain" -> domain = search;
                default -> throw ApiException.invalid(Quote.of(type) + " is not a valid searchtype: use user or domain.");
            }
        }
        if (user != null) {
            return owned(call, user);
        }
        if (domain == null) {
            throw ApiException.invalid("Provide the " + Quote.of("user") + " or the " + Quote.of("domain") + " argument.");
        }
        String wanted = domain.toLowerCase(java.util.Locale.ROOT);
        return access.visible(call.whmUser()).stream().filter(a -> a.domain.equals(wanted)).findFirst()
                .orElseThrow(() -> ApiException.notFound("No account has the main domain " + Quote.of(wanted) + "."));
    }

    private Object listAccounts(Call call) {
        String method = Optional.ofNullable(call.args().getNonEmpty("searchmethod")).orElse("regex");
        if (!method.equals("regex") && !method.equals("exact")) {
            throw ApiException.invalid(Quote.of(method) + " is not a valid searchmethod: use exact or regex.");
        }
        String searched = call.args().get("search");
        Predicate<String> search = method.equals("exact") && searched != null && !searched.isEmpty() ? searched::equals
                : Regexes.filter(searched, true);
        String want = call.args().getNonEmpty("want");
        java.util.Set<String> fields = want == null ? null : new java.util.HashSet<>(List.of(want.split(",")));
        String type = Optional.ofNullable(call.args().getNonEmpty("searchtype")).orElse("user");
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Account> visible = access.visible(call.whmUser());
        List<Map<String, Object>> views = views(visible);
        for (int i = 0; i < visible.size(); i++) {
            Account account = visible.get(i);
            Map<String, Object> row = views.get(i);
            String field = switch (type) {
                case "user" -> account.username;
                case "domain" -> account.domain;
                case "owner" -> account.owner;
                case "ip" -> (String) row.get("ip");
                case "package" -> (String) row.get("plan");
                default -> throw ApiException.invalid(Quote.of(type) + " is not a valid searchtype: use user, domain, owner, ip or package.");
            };
            if (search.test(field)) {
                if (fields != null) {
                    row.keySet().retainAll(fields);
                }
                rows.add(row);
            }
        }
        return Map.of("acct", rows);
    }

    /** addpkg and editpkg take the same limits: a number, or "unlimited" (or nothing) for none. */
    private static ApiFunction.Builder packageFunction(ApiFunction.Builder builder) {
        for (String limit : List.of("maxpop", "maxsql", "maxftp", "maxsub", "maxaddon", "maxpark")) {
            builder.param(Param.string(limit, limit + ": a number, or unlimited (the default).").example("unlimited"));
        }
        // cPanel's examples: quota 10240, bwlimit 1048576
        builder.param(Param.string("quota", "quota in MB: a number; 0 or unlimited (the default): none.").example("10240"));
        builder.param(Param.string("bwlimit", "bwlimit in MB: a number; 0 or unlimited (the default): none.").example("1048576"));
        AccountArguments.declarePackage(builder);
        return builder.returns(Shape.object("The package.").field("pkg", Shape.string("Its name.")).build());
    }

    private static PlanService.Limits limits(Args args) {
        return new PlanService.Limits(count(args, "maxpop"), count(args, "maxsql"), count(args, "maxftp"), count(args, "maxsub"),
                count(args, "maxaddon"), count(args, "maxpark"), megabytesOrZero(args, "quota"), megabytesOrZero(args, "bwlimit"), null);
    }

    private static Integer count(Args args, String name) {
        return Quantities.countOrUnlimited(args.get(name), raw -> notValid(raw, name), raw -> Quote.of(raw) + " is too large for " + Quote.of(name) + ".");
    }

    /** cPanel: "0, unlimited, or null: unlimited" for a package's quota and bwlimit. */
    private static Long megabytesOrZero(Args args, String name) {
        String raw = args.get(name);
        return Quantities.orUnlimitedOrZero(raw != null && raw.equalsIgnoreCase("null") ? null : raw, r -> notValid(r, name));
    }

    private static String notValid(String raw, String name) {
        return Quote.of(raw) + " is not a valid value for " + Quote.of(name) + ": give a number or unlimited.";
    }

    private Object listPackages(Call call) {
        String want = call.args().getNonEmpty("want");
        if (want != null && !List.of("all", "creatable", "editable", "viewable").contains(want)) {
            throw ApiException.invalid(Quote.of(want) + " is not a valid value for " + Quote.of("want") + ": use all, creatable, editable or viewable.");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Plan plan : plans.list()) {
            MailLimits mail = plan.mailLimits();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", plan.name);
            row.put("MAXPOP", limit(plan.maxEmailAccounts));
            row.put("MAXSQL", limit(plan.maxDatabases));
            row.put("MAXFTP", limit(plan.maxFtpAccounts));
            row.put("MAXSUB", limit(plan.maxSubdomains));
            row.put("MAXADDON", limit(plan.maxAddonDomains));
            row.put("MAXPARK", limit(plan.maxParkedDomains));
            row.put("QUOTA", plan.diskQuotaMb == null ? "unlimited" : String.valueOf(plan.diskQuotaMb));
            row.put("BWLIMIT", plan.bandwidthMb == null ? "unlimited" : String.valueOf(plan.bandwidthMb));
            row.put("MAXLST", limit(mail.maxLists));
            row.put("HASSHELL", plan.hasShell ? "y" : "n");
            row.put("CGI", plan.cgi ? "y" : "n");
            row.put("DIGESTAUTH", plan.digestAuth ? "y" : "n");
            row.put("CPMOD", plan.theme == null ? AccountSettingsService.DEFAULT_THEME : plan.theme);
            row.put("LANG", plan.locale == null ? Locales.DEFAULT : plan.locale);
            row.put("FEATURELIST", "default");
            row.put("IP", "n");
            row.put("MAX_EMAIL_PER_HOUR", limit(mail.maxEmailPerHour));
            row.put("MAX_DEFER_FAIL_PERCENTAGE", limit(mail.maxDeferFailPercentage));
            row.put("MAX_EMAILACCT_QUOTA", mail.maxEmailAccountQuotaMb == null ? "unlimited" : String.valueOf(mail.maxEmailAccountQuotaMb));
            row.put("MAX_TEAM_USERS", mail.maxTeamUsers);
            rows.add(row);
        }
        return Map.of("pkg", rows);
    }

    /** The accounts' rows, in their order: their packages, limits and interface settings read once for all of them. */
    private List<Map<String, Object>> views(List<Account> accounts) {
        PlanService.Catalog catalog = plans.catalog();
        Map<Long, AccountSettingsService.Interface> interfaces = access.interfaces(accounts);
        List<Map<String, Object>> rows = new ArrayList<>(accounts.size());
        for (Account account : accounts) {
            rows.add(view(account, catalog.nameOf(account.planId), catalog.limitsOf(account.planId),
                    interfaces.getOrDefault(account.id, AccountSettingsService.Interface.DEFAULT)));
        }
        return rows;
    }

    private Map<String, Object> view(Account account, String packageName, PlanService.Limits limits,
            AccountSettingsService.Interface settings) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("user", account.username);
        row.put("domain", account.domain);
        row.put("email", account.contactEmail);
        row.put("plan", packageName);
        row.put("suspended", account.suspended ? 1 : 0);
        row.put("unix_startdate", account.createdAt);
        row.put("ip", siteIps.ipOf(account));
        row.put("owner", account.owner);
        // the account's limits (its own or its package's) and what it keeps for the hosting stack, by cPanel's names
        row.put("disklimit", limits.diskQuotaMb() == null ? "unlimited" : limits.diskQuotaMb() + "M");
        row.put("bwlimit", limits.bandwidthMb() == null ? "unlimited" : limits.bandwidthMb() + "M");
        row.put("maxpop", limit(limits.maxEmailAccounts()));
        row.put("maxsql", limit(limits.maxDatabases()));
        row.put("maxftp", limit(limits.maxFtpAccounts()));
        row.put("maxsub", limit(limits.maxSubdomains()));
        row.put("maxparked", limit(limits.maxParkedDomains()));
        row.put("maxaddons", limit(limits.maxAddonDomains()));
        MailLimits mail = account.mailLimits();
        row.put("maxlst", limit(mail.maxLists));
        row.put("max_email_per_hour", limit(mail.maxEmailPerHour));
        row.put("max_defer_fail_percentage", limit(mail.maxDeferFailPercentage));
        row.put("max_emailacct_quota", mail.maxEmailAccountQuotaMb == null ? "unlimited" : String.valueOf(mail.maxEmailAccountQuotaMb));
        row.put("max_team_users", mail.maxTeamUsers);
        row.put("shell", account.shell);
        row.put("cgi", account.cgi ? 1 : 0);
        row.put("digestauth", account.digestAuth ? 1 : 0);
        row.put("theme", settings.theme());
        row.put("locale", settings.locale());
        row.put("mailbox_format", account.mailboxFormat);
        row.put("spamassassin", account.spamassassin ? 1 : 0);
        row.put("spambox", account.spambox ? 1 : 0);
        row.put("dkim", account.dkim ? 1 : 0);
        row.put("spf", account.spf ? 1 : 0);
        row.put("dmarc", account.dmarc ? 1 : 0);
        row.put("useregns", account.useRegisteredNs ? 1 : 0);
        row.put("is_locked", account.suspensionLocked ? 1 : 0);
        row.put("leave-ftp-accts-enabled", account.suspensionKeepsFtp ? 1 : 0);
        return row;
    }

    /** The fields of an account that issue 15 §2 added (see src/docs/account-arguments.md), after the first eight. */
    private static Shape.ObjectBuilder accountShape(Shape.ObjectBuilder b) {
        for (String field : List.of("disklimit", "bwlimit", "maxpop", "maxsql", "maxftp", "maxsub", "maxparked", "maxaddons", "maxlst",
                "max_email_per_hour", "max_defer_fail_percentage", "max_emailacct_quota")) {
            b.field(field, Shape.string("A limit: a number (disklimit and bwlimit in MB, with M), or unlimited."));
        }
        b.field("max_team_users", Shape.integer("Team users, or null for unlimited."));
        b.field("shell", Shape.string("The login shell; /usr/local/cpanel/bin/noshell: no shell access."));
        for (String flag : List.of("cgi", "digestauth")) {
            b.field(flag, Shape.integer("1 or 0."));
        }
        b.field("theme", Shape.string("The cPanel theme."));
        b.field("locale", Shape.string("The locale."));
        b.field("mailbox_format", Shape.string("maildir or mdbox."));
        for (String flag : List.of("spamassassin", "spambox", "dkim", "spf", "dmarc", "useregns", "is_locked", "leave-ftp-accts-enabled")) {
            b.field(flag, Shape.integer("1 or 0."));
        }
        return b;
    }

    private Account owned(Call call, String username) {
        return access.owned(call.whmUser(), username);
    }

    /** A reseller may not remove or suspend the account it logs in with. */
    private static Account notSelf(Call call, Account account) {
        if (account.username.equals(call.whmUser().username())) {
            throw ApiException.forbidden("You cannot do this to your own account.");
        }
        return account;
    }

    private static String user(Args args, String first) {
        String user = args.getNonEmpty(first);
        user = user == null ? args.getNonEmpty("user") : user;
        if (user == null) {
            throw ApiException.invalid("Provide the " + Quote.of(first) + " argument.");
        }
        return user;
    }

    private static String limit(Integer value) {
        return value == null ? "unlimited" : String.valueOf(value);
    }
}
