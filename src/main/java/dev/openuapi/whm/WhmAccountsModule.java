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
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quantities;
import dev.openuapi.common.Quote;
import dev.openuapi.common.Regexes;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.domain.MainDomainService;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Shape;
import dev.openuapi.operator.AccountAccess;
import dev.openuapi.operator.Acl;
import dev.openuapi.plan.Plan;
import dev.openuapi.plan.PlanService;
import io.quarkus.narayana.jta.QuarkusTransaction;


/**
 * WHM API 1 account and package functions (spec §10), on the same services as the {@code /api/v1} admin
 * API. Each call is one transaction. A reseller sees and changes only the accounts it owns; the accounts
 * it creates are its own.
 */
@ApplicationScoped
public class WhmAccountsModule implements ApiModule {

    private static final Param USER = Param.string("user", "The account's username.").required().example("alice");

    private final AccountService accounts;
    private final AccountAccess access;
    private final PlanService plans;
    private final OpenUapiConfig config;
    private final MainDomainService mainDomain;

    WhmAccountsModule(AccountService accounts, AccountAccess access, PlanService plans, OpenUapiConfig config,
            MainDomainService mainDomain) {
        this.mainDomain = mainDomain;
        this.accounts = accounts;
        this.access = access;
        this.plans = plans;
        this.config = config;
    }

    @Override
    public String name() {
        return WHM;
    }

    @Override
    public List<ApiFunction> functions() {
        Shape acct = Shape.object("An account.").field("user", Shape.string("Username.")).field("domain", Shape.string("Main domain."))
                .field("email", Shape.string("Contact email.")).field("plan", Shape.string("Package, or default."))
                .field("suspended", Shape.integer("1 or 0.")).field("unix_startdate", Shape.integer("Created (Unix epoch)."))
                .field("ip", Shape.string("IP address.")).field("owner", Shape.string("root, or the reseller that owns it.")).build();
        Shape acctList = Shape.object("The accounts.").field("acct", Shape.arrayOf("The accounts.", acct)).build();
        return List.of(
                ApiFunction.named("createacct").whm1().acl(Acl.CREATE_ACCT).summary("Create an account")
                        .description("Creates the account with its main domain and DNS zone, on the given package, in one transaction.")
                        .param(Param.string("username", "The username: a lowercase letter, then up to 15 letters or digits.").required())
                        .param(Param.of("domain", ParamType.DOMAIN, "The main domain.").required())
                        .param(Param.of("password", ParamType.PASSWORD, "The account's password.").required())
                        .param(Param.string("plan", "A package name; none: no limits."))
                        .param(Param.of("contactemail", ParamType.EMAIL, "The contact email; webmaster@domain when left out."))
                        .param(Param.string("owner", "root or a reseller (root-level callers only); the caller when left out."))
                        .returns(Shape.object("The new account.").field("user", Shape.string("Username."))
                                .field("domain", Shape.string("Main domain.")).field("ip", Shape.string("IP address."))
                                .field("package", Shape.string("Package.")).build())
                        .handledBy(this::createAccount),
                ApiFunction.named("removeacct").whm1().acl(Acl.KILL_ACCT).summary("Remove an account")
                        .description("Removes the account with its tokens, domains, zones, mailboxes, databases and database users.")
                        .param(Param.string("username", "The account (user is accepted too)."))
                        .param(Param.string("user", "The account."))
                        .doing(call -> accounts.delete(notSelf(call, owned(call, user(call.args(), "username"))).username)),
                ApiFunction.named("listaccts").whm1().acl(Acl.LIST_ACCTS).summary("List accounts")
                        .param(Param.string("search", "A regular expression to match."))
                        .param(Param.string("searchtype", "What search matches: user (default), domain, owner, ip or package."))
                        .returns(acctList).handledBy(this::listAccounts),
                ApiFunction.named("accountsummary").whm1().acl(Acl.ACCT_SUMMARY).summary("Show one account").param(USER)
                        .returns(acctList).handledBy(call -> Map.of("acct", List.of(view(owned(call, call.args().get("user")), planNames())))),
                ApiFunction.named("suspendacct").whm1().acl(Acl.SUSPEND_ACCT).summary("Suspend an account: its tokens and password stop working")
                        .param(USER).param(Param.string("reason", "Why: listsuspended reports it (Unknown when left out)."))
                        .doing(call -> accounts.suspend(notSelf(call, owned(call, call.args().get("user"))).username,
                                call.args().getNonEmpty("reason"))),
                ApiFunction.named("unsuspendacct").whm1().acl(Acl.SUSPEND_ACCT).summary("Unsuspend an account").param(USER)
                        .doing(call -> accounts.update(owned(call, call.args().get("user")).username,
                                new AccountService.Changes(false, null, null, null))),
                ApiFunction.named("modifyacct").whm1().acl(Acl.EDIT_ACCOUNT).summary("Change an account's contact email or main domain")
                        .param(USER)
                        .param(Param.of("contactemail", ParamType.EMAIL, "The new contact email."))
                        .param(Param.of("domain", ParamType.DOMAIN, "The new main domain; its zone, subdomains, mailboxes, FTP logins and "
                                + "installed certificates follow (src/docs/main-domain-change.md)."))
                        .param(Param.of("DNS", ParamType.DOMAIN, "An alias of domain; given both, DNS wins."))
                        .doing(call -> {
                            String user = owned(call, call.args().get("user")).username;
                            // one transaction for every argument: a refused one changes nothing
                            QuarkusTransaction.joiningExisting().run(() -> {
                                String domain = Optional.ofNullable(call.args().getNonEmpty("DNS")).orElse(call.args().getNonEmpty("domain"));
                                if (domain != null) {
                                    mainDomain.change(user, domain);
                                }
                                accounts.update(user, new AccountService.Changes(null, null, call.args().getNonEmpty("contactemail"), null));
                            });
                        }),
                ApiFunction.named("passwd").whm1().acl(Acl.PASSWD).summary("Change an account's password").param(USER)
                        .param(Param.of("password", ParamType.PASSWORD, "The new password.").required())
                        .doing(call -> accounts.update(owned(call, call.args().get("user")).username,
                                new AccountService.Changes(null, null, null, call.args().get("password")))),
                ApiFunction.named("changepackage").whm1().acl(Acl.UPGRADE_ACCOUNT).summary("Put an account on a package").param(USER)
                        .param(Param.string("pkg", "The package.").required())
                        .doing(call -> plans.assign(owned(call, call.args().get("user")).username, call.args().get("pkg"))),
                packageFunction(ApiFunction.named("addpkg").whm1().acl(Acl.ADD_PKG).summary("Create a package")
                        .param(Param.string("name", "The package's name.").required())).handledBy(call -> {
                            Plan plan = plans.create(call.args().get("name"), limits(call.args()));
                            return Map.of("pkg", plan.name);
                        }),
                packageFunction(ApiFunction.named("editpkg").whm1().acl(Acl.EDIT_PKG).summary("Replace a package's limits")
                        .param(Param.string("name", "The package's name.").required())).handledBy(call -> {
                            List<String> features = plans.get(call.args().get("name")).features; // editpkg leaves the feature list alone
                            PlanService.Limits given = limits(call.args());
                            Plan plan = plans.update(call.args().get("name"), new PlanService.Limits(given.maxEmailAccounts(),
                                    given.maxDatabases(), given.maxFtpAccounts(), given.maxSubdomains(), given.maxAddonDomains(),
                                    given.maxParkedDomains(), given.diskQuotaMb(), given.bandwidthMb(),
                                    features));
                            return Map.of("pkg", plan.name);
                        }),
                ApiFunction.named("killpkg").whm1().acl(Acl.ADD_PKG).summary("Delete a package no account uses")
                        .param(Param.string("pkgname", "The package's name.").required())
                        .doing(call -> plans.delete(call.args().get("pkgname"))),
                ApiFunction.named("listpkgs").whm1().acl(Acl.LIST_PKGS).summary("List packages")
                        .returns(Shape.object("The packages.").field("pkg", Shape.arrayOf("The packages.", Shape.object("A package.").build()))
                                .build())
                        .handledBy(this::listPackages));
    }

    /** The account, its domain and zone, and its package: all in one transaction, or nothing. */
    private Object createAccount(Call call) {
        Args args = call.args();
        String plan = args.getNonEmpty("plan");
        Account account = access.create(call.whmUser(), new AccountAccess.NewAccount(args.get("username"), args.get("password"),
                args.get("domain"), args.getNonEmpty("contactemail"), plan, args.getNonEmpty("owner")));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user", account.username);
        data.put("domain", account.domain);
        data.put("ip", config.dns().accountIp());
        data.put("package", plan == null ? "default" : plan);
        return data;
    }

    private Object listAccounts(Call call) {
        Map<Long, String> names = planNames();
        Predicate<String> search = Regexes.filter(call.args().get("search"), true);
        String type = Optional.ofNullable(call.args().getNonEmpty("searchtype")).orElse("user");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Account account : access.visible(call.whmUser())) {
            Map<String, Object> row = view(account, names);
            String field = switch (type) {
                case "user" -> account.username;
                case "domain" -> account.domain;
                case "owner" -> account.owner;
                case "ip" -> config.dns().accountIp();
                case "package" -> (String) row.get("plan");
                default -> throw ApiException.invalid(Quote.of(type) + " is not a valid searchtype: use user, domain, owner, ip or package.");
            };
            if (search.test(field)) {
                rows.add(row);
            }
        }
        return Map.of("acct", rows);
    }

    /** addpkg and editpkg take the same limits: a number, or "unlimited" (or nothing) for none. */
    private static ApiFunction.Builder packageFunction(ApiFunction.Builder builder) {
        for (String limit : List.of("maxpop", "maxsql", "maxftp", "maxsub", "maxaddon", "maxpark", "quota", "bwlimit")) {
            builder.param(Param.string(limit, limit + ": a number, or unlimited (the default)."));
        }
        return builder.returns(Shape.object("The package.").field("pkg", Shape.string("Its name.")).build());
    }

    private static PlanService.Limits limits(Args args) {
        return new PlanService.Limits(count(args, "maxpop"), count(args, "maxsql"), count(args, "maxftp"), count(args, "maxsub"),
                count(args, "maxaddon"), count(args, "maxpark"), megabytes(args, "quota"), megabytes(args, "bwlimit"), null);
    }

    private static Integer count(Args args, String name) {
        return Quantities.countOrUnlimited(args.get(name), raw -> notValid(raw, name), raw -> Quote.of(raw) + " is too large for " + Quote.of(name) + ".");
    }

    private static Long megabytes(Args args, String name) {
        return Quantities.orUnlimited(args.get(name), raw -> notValid(raw, name));
    }

    private static String notValid(String raw, String name) {
        return Quote.of(raw) + " is not a valid value for " + Quote.of(name) + ": give a number or unlimited.";
    }

    private Object listPackages(Call call) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Plan plan : plans.list()) {
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
            rows.add(row);
        }
        return Map.of("pkg", rows);
    }

    private Map<String, Object> view(Account account, Map<Long, String> planNames) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("user", account.username);
        row.put("domain", account.domain);
        row.put("email", account.contactEmail);
        row.put("plan", account.planId == null ? "default" : planNames.getOrDefault(account.planId, "default"));
        row.put("suspended", account.suspended ? 1 : 0);
        row.put("unix_startdate", account.createdAt);
        row.put("ip", config.dns().accountIp());
        row.put("owner", account.owner);
        return row;
    }

    private Map<Long, String> planNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        plans.list().forEach(plan -> names.put(plan.id, plan.name));
        return names;
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
