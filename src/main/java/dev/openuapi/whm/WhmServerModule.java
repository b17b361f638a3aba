package dev.openuapi.whm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.account.Account;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.common.Regexes;
import dev.openuapi.common.ServerIdentity;
import dev.openuapi.domain.AccountDomain;
import dev.openuapi.domain.AccountDomains;
import dev.openuapi.domain.DomainService;
import dev.openuapi.kernel.Api0;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Shape;
import dev.openuapi.kernel.WhmUser;
import dev.openuapi.operator.AccountAccess;
import dev.openuapi.operator.Acl;
import dev.openuapi.operator.ServerAddressService;
import dev.openuapi.operator.SiteIpService;
import dev.openuapi.plan.Plan;
import dev.openuapi.plan.PlanService;
import dev.openuapi.quota.UsageService;

/**
 * WHM API 1's read-only server and account information (issue 14 §3): {@code version}, {@code gethostname},
 * {@code listips}, {@code listsuspended}, {@code domainuserdata}, {@code get_domain_info} and {@code showbw}, with
 * cPanel's field names and ACLs. A reseller sees only the accounts it owns (and its own), as in cPanel.
 */
@ApplicationScoped
public class WhmServerModule implements ApiModule {

    /** Perl's {@code scalar localtime}: "Thu Nov 18 10:34:34 2014", the day padded with a space. */
    static final DateTimeFormatter PERL_LOCALTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);
    static final int HTTP_PORT = 80;
    static final int HTTPS_PORT = 443;

    private final ServerIdentity server;
    private final ServerAddressService addresses;
    private final AccountAccess access;
    private final DomainService domains;
    private final UsageService usage;
    private final PlanService plans;
    private final SiteIpService siteIps;

    WhmServerModule(ServerIdentity server, ServerAddressService addresses, AccountAccess access, DomainService domains,
            UsageService usage, PlanService plans, SiteIpService siteIps) {
        this.siteIps = siteIps;
        this.server = server;
        this.addresses = addresses;
        this.access = access;
        this.domains = domains;
        this.usage = usage;
        this.plans = plans;
    }

    @Override
    public String name() {
        return WHM;
    }

    @Override
    public String group() {
        return "Server and Domain Information";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(
                ApiFunction.named("version").whm1().acl(Acl.BASIC_SYSTEM_INFO).summary("Return cPanel & WHM version")
                        .description("The cPanel version whose API OpenUAPI follows (openuapi.server.cpanel-version), so clients "
                                + "that branch on it take the right branch. cPanel::PublicAPI and cPanel::APIClient read data.version.")
                        .returns(Shape.of(WhmServerRows.Version.class)).exampleJson("{\"version\":\"11.120.0.16\"}").api0(Api0.data())
                        .handledBy(call -> new WhmServerRows.Version(server.cpanelVersion())),
                ApiFunction.named("gethostname").whm1().acl(Acl.BASIC_SYSTEM_INFO).summary("Return server's hostname")
                        .returns(Shape.of(WhmServerRows.Hostname.class)).exampleJson("{\"hostname\":\"hostname.example.com\"}").api0(Api0.data())
                        .handledBy(call -> new WhmServerRows.Hostname(server.hostname())),
                ApiFunction.named("listips").whm1().acl(Acl.ROOT).summary("Return server's IP addresses")
                        .description("The shared main address, openuapi.dns.account-ip (mainaddr 1), then the further ones, "
                                + "openuapi.dns.additional-ips, that setsiteip gives accounts (dedicated 1 when exactly one account has it). "
                                + "Interface, netmask and network are those of the local interface that holds the address, empty "
                                + "when none does (NAT).")
                        .returns(Shape.of(WhmServerRows.Ips.class))
                        .exampleJson("{\"ip\":[{\"active\":1,\"dedicated\":0,\"if\":\"eth0\",\"ip\":\"192.0.2.10\",\"mainaddr\":1,"
                                + "\"netmask\":\"255.255.255.0\",\"network\":\"192.0.2.0\",\"public_ip\":\"192.0.2.10\",\"removable\":0,"
                                + "\"used\":1}]}")
                        .handledBy(this::listIps),
                ApiFunction.named("listsuspended").whm1().acl(Acl.SUSPEND_ACCT).summary("Return suspended cPanel accounts and information")
                        .description("Each suspended account the caller may see, by username: who owns it, why (as suspendacct was "
                                + "told; Unknown when it was not) and when (the server's local time).")
                        .returns(Shape.of(WhmServerRows.SuspendedList.class))
                        .exampleJson("{\"account\":[{\"is_locked\":0,\"owner\":\"root\",\"reason\":\"Suspended for nonpayment.\","
                                + "\"time\":\"Thu Nov 18 10:34:34 2014\",\"unixtime\":1416306874,\"user\":\"username\"}]}")
                        .exampleSetup("/json-api/suspendacct?api.version=1&user=example&reason=Suspended%20for%20nonpayment.")
                        .handledBy(this::listSuspended),
                ApiFunction.named("domainuserdata").whm1().acl(Acl.ACCT_SUMMARY).summary("Return domain user information")
                        .description("The web server data of the domain's virtual host; an alias (parked domain) is served by its "
                                + "account's main domain's. The same facts as UAPI DomainInfo::single_domain_data.")
                        .param(Param.of("domain", ParamType.DOMAIN, "A domain of an account the caller may see.").required()
                                .example("example.com"))
                        .returns(Shape.of(WhmServerRows.DomainUserData.class))
                        .exampleJson("{\"userdata\":{\"customlog\":[],\"documentroot\":\"/home/username/public_html\",\"group\":\"username\","
                                + "\"hascgi\":1,\"homedir\":\"/home/username\",\"ip\":\"192.0.2.10\",\"owner\":\"root\","
                                + "\"phpopenbasedirprotect\":1,\"port\":80,\"scriptalias\":[],\"serveradmin\":\"webmaster@example.com\","
                                + "\"serveralias\":\"parkeddomain.com www.parkeddomain.com www.example.com\",\"servername\":\"example.com\","
                                + "\"usecanonicalname\":\"Off\",\"user\":\"username\",\"userdirprotect\":\"Off\"}}")
                        .handledBy(this::domainUserData),
                ApiFunction.named("get_domain_info").whm1().acl(Acl.ACCT_SUMMARY).summary("Return all domains information")
                        .description("Every domain of the accounts the caller may see (and of its own), by name.")
                        .returns(Shape.of(WhmServerRows.DomainInfoList.class))
                        .exampleJson("{\"domains\":[{\"docroot\":\"/home/username/public_html\",\"domain\":\"example.com\","
                                + "\"domain_type\":\"main\",\"ipv4\":\"192.0.2.10\",\"ipv4_ssl\":\"192.0.2.10\",\"ipv6\":null,"
                                + "\"ipv6_is_dedicated\":0,\"modsecurity_enabled\":0,\"parent_domain\":\"example.com\",\"php_version\":null,"
                                + "\"port\":80,\"port_ssl\":443,\"user\":\"username\",\"user_owner\":\"root\"}]}")
                        .handledBy(this::getDomainInfo),
                ApiFunction.named("showbw").whm1().acl(Acl.SHOW_BANDWIDTH).summary("Return cPanel account bandwidth information")
                        .description("Each account's bandwidth in the month, as the metering agent last reported it "
                                + "(PUT /api/v1/accounts/{user}/usage). The agent reports the current month's total per account, so "
                                + "only the current month can be asked for, and bwusage (per domain) is empty.")
                        .param(Param.of("month", ParamType.INTEGER, "The month, 1-12; the current month when left out.").example("12"))
                        .param(Param.of("year", ParamType.INTEGER, "The year; the current year when left out.").example("2026"))
                        .param(Param.string("showres", "Only the accounts this reseller owns.").example("root"))
                        .param(Param.string("search", "A regular expression; applies only with searchtype.").example("example.com"))
                        .param(Param.string("searchtype", "What search matches: domain, owner, user, ip or package; only with search.")
                                .example("domain"))
                        // month and year: only the current month is answered, so the live call leaves them out
                        .exampleArgs("showres=root&search=example.com&searchtype=domain")
                        .returns(Shape.of(WhmServerRows.Bandwidth.class))
                        .exampleJson("{\"acct\":[{\"bwusage\":[],\"deleted\":0,\"limit\":0,\"maindomain\":\"example.com\",\"owner\":\"root\","
                                + "\"reseller\":0,\"totalbytes\":352,\"user\":\"user\"}],\"month\":12,\"reseller\":\"root\",\"totalused\":352,"
                                + "\"year\":2026}")
                        .handledBy(this::showBandwidth));
    }

    /**
     * The shared main address first, then each further one; used: some account has it; dedicated: a further address
     * exactly one account has. None can be removed through the API (they are configured).
     */
    private Object listIps(Call call) {
        Map<String, Long> users = siteIps.accountsByAddress();
        List<WhmServerRows.Ip> rows = new ArrayList<>();
        boolean main = true;
        for (ServerAddressService.ServerAddress address : addresses.addresses()) {
            long accounts = users.getOrDefault(address.ip(), 0L);
            int used = accounts > 0 ? 1 : 0;
            rows.add(new WhmServerRows.Ip(1, !main && accounts == 1 ? 1 : 0, address.networkInterface().orElse(""), address.ip(), main ? 1 : 0,
                    address.netmask().orElse(""), address.network().orElse(""), address.ip(), 0, used));
            main = false;
        }
        return new WhmServerRows.Ips(rows);
    }

    private Object listSuspended(Call call) {
        List<WhmServerRows.Suspended> rows = new ArrayList<>();
        for (Account account : access.visible(call.whmUser())) {
            if (account.suspended) {
                long when = account.suspendedAt == null ? account.updatedAt : account.suspendedAt;
                rows.add(new WhmServerRows.Suspended(0, account.owner, account.suspensionReason == null ? "Unknown" : account.suspensionReason,
                        PERL_LOCALTIME.format(Instant.ofEpochSecond(when).atZone(ZoneId.systemDefault())), when, account.username));
            }
        }
        rows.sort(Comparator.comparing(WhmServerRows.Suspended::user));
        return new WhmServerRows.SuspendedList(rows);
    }

    private Object domainUserData(Call call) {
        String requested = call.args().get("domain");
        WhmUser user = call.whmUser();
        DomainService.OwnedDomain found = domains.find(requested).filter(d -> user.sees(d.owner()) || user.username().equals(d.username()))
                // another reseller's domain looks exactly like one that does not exist
                .orElseThrow(() -> ApiException.notFound("The domain " + Quote.of(requested) + " does not exist."));
        AccountDomains owned = domains.domainsOf(found.username());
        AccountDomain vhost = AccountDomain.PARKED.equals(found.domain().type) ? owned.main() : found.domain();
        String serverName = AccountDomain.ADDON.equals(vhost.type) ? vhost.backingLabel() + "." + owned.main().name : vhost.name;
        String username = found.username();
        return new WhmServerRows.DomainUserData(new WhmServerRows.UserData(List.of(), vhost.documentRoot, username, 1, domains.home(username),
                siteIps.addressesByUsername().getOrDefault(username, addresses.mainAddress().ip()), found.owner(), 1, HTTP_PORT,
                List.of(), "webmaster@" + serverName,
                serverAlias(owned, vhost, serverName), serverName, "Off", username, "Off"));
    }

    /** As UAPI DomainInfo's vhosts: the main domain answers for each alias and its www; an addon for itself and its www. */
    private static String serverAlias(AccountDomains owned, AccountDomain vhost, String serverName) {
        StringBuilder alias = new StringBuilder();
        if (AccountDomain.MAIN.equals(vhost.type)) {
            for (AccountDomain parked : owned.parked()) {
                alias.append(parked.name).append(" www.").append(parked.name).append(' ');
            }
        } else if (AccountDomain.ADDON.equals(vhost.type)) {
            alias.append(vhost.name).append(" www.").append(vhost.name).append(' ');
        }
        return alias.append("www.").append(serverName).toString();
    }

    private Object getDomainInfo(Call call) {
        WhmUser user = call.whmUser();
        Map<String, String> mainDomains = new LinkedHashMap<>();
        Map<String, String> mainRoots = new LinkedHashMap<>();
        List<DomainService.OwnedDomain> visible = domains.all().stream()
                .filter(d -> user.sees(d.owner()) || user.username().equals(d.username())).toList();
        for (DomainService.OwnedDomain d : visible) {
            if (AccountDomain.MAIN.equals(d.domain().type)) {
                mainDomains.put(d.username(), d.domain().name);
                mainRoots.put(d.username(), d.domain().documentRoot);
            }
        }
        String shared = addresses.mainAddress().ip();
        Map<String, String> ips = siteIps.addressesByUsername();
        List<WhmServerRows.DomainInfo> rows = new ArrayList<>();
        for (DomainService.OwnedDomain d : visible) {
            AccountDomain domain = d.domain();
            boolean parked = AccountDomain.PARKED.equals(domain.type);
            String docroot = parked ? mainRoots.getOrDefault(d.username(), domain.documentRoot) : domain.documentRoot;
            String ip = ips.getOrDefault(d.username(), shared);
            rows.add(new WhmServerRows.DomainInfo(docroot, domain.name, domainType(domain.type), ip, ip, null, 0, 0,
                    mainDomains.getOrDefault(d.username(), domain.name), null, HTTP_PORT, HTTPS_PORT, d.username(), d.owner()));
        }
        rows.sort(Comparator.comparing(WhmServerRows.DomainInfo::domain)); // by name, whatever the database's collation
        return new WhmServerRows.DomainInfoList(rows);
    }

    /** cPanel's userdata cache names the types main, addon, sub and parked. */
    private static String domainType(String type) {
        return switch (type) {
            case AccountDomain.MAIN -> "main";
            case AccountDomain.ADDON -> "addon";
            case AccountDomain.SUB -> "sub";
            case AccountDomain.PARKED -> "parked";
            default -> type;
        };
    }

    private Object showBandwidth(Call call) {
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        int month = number(call.args().getNonEmpty("month"), "month", today.getMonthValue(), 1, 12);
        int year = number(call.args().getNonEmpty("year"), "year", today.getYear(), 1970, 9999);
        if (month != today.getMonthValue() || year != today.getYear()) {
            throw ApiException.invalid("OpenUAPI has bandwidth for the current month only (" + today.getMonthValue() + "/" + today.getYear()
                    + "): the metering agent reports each account's total for the month in progress.");
        }
        String showres = call.args().getNonEmpty("showres");
        String search = call.args().getNonEmpty("search");
        String searchType = call.args().getNonEmpty("searchtype");
        if (searchType != null && !List.of("domain", "owner", "user", "ip", "package").contains(searchType)) {
            throw ApiException.invalid(Quote.of(searchType) + " is not a valid searchtype: use domain, owner, user, ip or package.");
        }
        Predicate<String> matches = search != null && searchType != null ? Regexes.filter(search, true) : value -> true;
        PlanService.Catalog catalog = plans.catalog(); // an account's own limits show its package's name
        Map<Long, Long> planLimits = new LinkedHashMap<>();
        for (Plan plan : catalog.byId().values()) {
            planLimits.put(plan.id, plan.bandwidthMb == null ? 0L : plan.bandwidthMb * UsageService.MIB);
        }
        List<WhmServerRows.AccountBandwidth> rows = new ArrayList<>();
        long total = 0;
        for (Account account : access.visible(call.whmUser())) {
            if (showres != null && !showres.equals(account.owner)) {
                continue;
            }
            String planName = catalog.nameOf(account.planId);
            String field = searchType == null ? "" : switch (searchType) {
                case "domain" -> account.domain;
                case "owner" -> account.owner;
                case "user" -> account.username;
                case "ip" -> siteIps.ipOf(account);
                default -> planName;
            };
            if (!matches.test(field)) {
                continue;
            }
            long bytes = usage.usage(account.id).bandwidthUsedBytes;
            total += bytes;
            rows.add(new WhmServerRows.AccountBandwidth(List.of(), 0, account.planId == null ? 0L : planLimits.getOrDefault(account.planId, 0L),
                    account.domain, account.owner, account.isReseller() ? 1 : 0, bytes, account.username));
        }
        rows.sort(Comparator.comparing(WhmServerRows.AccountBandwidth::user));
        return new WhmServerRows.Bandwidth(rows, month, showres != null ? showres : call.whmUser().username(), total, year);
    }

    private static int number(String raw, String name, int fallback, int min, int max) {
        if (raw == null) {
            return fallback;
        }
        if (!raw.matches("\\d{1,4}") || Integer.parseInt(raw) < min || Integer.parseInt(raw) > max) {
            throw ApiException.invalid(Quote.of(raw) + " is not a valid " + name + ": give a number from " + min + " to " + max + ".");
        }
        return Integer.parseInt(raw);
    }
}
