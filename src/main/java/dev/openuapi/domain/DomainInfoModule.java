package dev.openuapi.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.account.Homes;
import dev.openuapi.common.ApiException;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.dns.ZoneService;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.Shape;

/**
 * UAPI {@code DomainInfo} (spec §9.1 rows 3-5): the account's domains, and the virtual host each one is
 * served by. cPanel gives a parked domain no virtual host of its own (it is an alias of the main domain);
 * OpenUAPI still describes it with a vhost object of type {@code parked_domain} that serves the main
 * domain's document root, so that every domain of the account can be looked up the same way.
 */
@ApplicationScoped
public class DomainInfoModule implements ApiModule {

    private static final Shape DOMAIN_NAMES = Shape.arrayOf("Domain names, sorted.", Shape.string("A domain."));

    static final Shape VHOST = vhostFields(Shape.object("A domain's virtual host.")).build();

    private static final Shape SINGLE_VHOST = vhostFields(Shape.object("The domain's virtual host, with its Apache settings."))
            .field("port", Shape.string("The HTTP port, \"80\"."))
            .field("options", Shape.string("Apache Options, \"ExecCGI Includes\"."))
            .field("phpopenbasedirprotect", Shape.integer("1: PHP's open_basedir protection is on."))
            .field("customlog", Shape.arrayOf("Custom access logs (none).", Shape.object("A log.").build()))
            .field("scriptalias", Shape.arrayOf("Script aliases (none).", Shape.object("An alias.").build()))
            .build();

    private final DomainService domains;
    private final OpenUapiConfig config;

    DomainInfoModule(DomainService domains, OpenUapiConfig config) {
        this.domains = domains;
        this.config = config;
    }

    @Override
    public String name() {
        return "DomainInfo";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(
                ApiFunction.named("list_domains")
                        .summary("List the account's domains")
                        .description("The main domain (a string) and the addon, parked and sub domains (arrays of names). "
                                + "sub_domains leaves out the subdomains that back addon domains; OpenUAPI creates none.")
                        .returns(Shape.object("The account's domains by type.")
                                .field("main_domain", Shape.string("The main domain."))
                                .field("addon_domains", DOMAIN_NAMES)
                                .field("parked_domains", DOMAIN_NAMES)
                                .field("sub_domains", DOMAIN_NAMES)
                                .build())
                        .handledBy(this::listDomains),
                ApiFunction.named("domains_data")
                        .summary("Describe the virtual host of every domain")
                        .description("format=hash (the default) groups the vhosts by type; format=list returns one array: "
                                + "the main domain, then addon, parked and sub domains. A parked domain is described by a "
                                + "vhost of type parked_domain serving the main domain's document root.")
                        .param(Param.string("format", "hash (default) or list.").example("hash"))
                        .param(Param.of("return_https_redirects_status", ParamType.BOOLEAN,
                                "Accepted for compatibility; is_https_redirecting is always 0.").example("1"))
                        .returns(Shape.object("format=hash; with format=list, data is an array of vhost objects instead.")
                                .field("main_domain", VHOST)
                                .field("addon_domains", Shape.arrayOf("Addon domains' vhosts.", VHOST))
                                .field("parked_domains", Shape.arrayOf("Parked domains' vhosts.", VHOST))
                                .field("sub_domains", Shape.arrayOf("Subdomains' vhosts.", VHOST))
                                .build())
                        .handledBy(this::domainsData),
                ApiFunction.named("single_domain_data")
                        .summary("Describe one domain's virtual host")
                        .description("The vhost of one of the account's domains, with its port and Apache settings. A domain "
                                + "that is not the account's fails, whether or not it exists elsewhere.")
                        .param(Param.of("domain", ParamType.DOMAIN, "One of the account's domains.").required()
                                .example("example.com"))
                        .param(Param.of("return_https_redirect_status", ParamType.BOOLEAN,
                                "Accepted for compatibility; is_https_redirecting is always 0.").example("1"))
                        .returns(SINGLE_VHOST)
                        .handledBy(this::singleDomainData));
    }

    private Object listDomains(Call call) {
        AccountDomains owned = domains.domainsOf(call.principal().username());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("main_domain", owned.main().name);
        data.put("addon_domains", names(owned.addons()));
        data.put("parked_domains", names(owned.parked()));
        data.put("sub_domains", names(owned.subs()));
        return data;
    }

    private Object domainsData(Call call) {
        String format = call.args().getOrDefault("format", "hash");
        if (format.isEmpty()) {
            format = "hash";
        }
        if (!format.equals("hash") && !format.equals("list")) {
            throw ApiException.invalid("The “format” argument must be “hash” or “list”, not “" + format + "”.");
        }
        Principal account = call.principal();
        AccountDomains owned = domains.domainsOf(account.username());
        Map<String, Object> main = vhost(account, owned, owned.main());
        List<Map<String, Object>> addons = owned.addons().stream().map(d -> vhost(account, owned, d)).toList();
        List<Map<String, Object>> parked = owned.parked().stream().map(d -> vhost(account, owned, d)).toList();
        List<Map<String, Object>> subs = owned.subs().stream().map(d -> vhost(account, owned, d)).toList();
        if (format.equals("list")) {
            List<Map<String, Object>> list = new ArrayList<>();
            list.add(main);
            list.addAll(addons);
            list.addAll(parked);
            list.addAll(subs);
            return list;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("main_domain", main);
        data.put("addon_domains", addons);
        data.put("parked_domains", parked);
        data.put("sub_domains", subs);
        return data;
    }

    private Object singleDomainData(Call call) {
        String requested = call.args().get("domain");
        String name = ZoneService.normalize(requested);
        Principal account = call.principal();
        AccountDomains owned = domains.domainsOf(account.username());
        AccountDomain domain = owned.all().stream().filter(d -> d.name.equals(name)).findFirst()
                // the same answer for an unknown domain and for another account's: nothing leaks
                .orElseThrow(() -> ApiException.invalid("The domain “" + requested + "” does not belong to this account."));
        Map<String, Object> data = vhost(account, owned, domain);
        data.put("port", "80");
        data.put("options", "ExecCGI Includes");
        data.put("phpopenbasedirprotect", 1);
        data.put("customlog", List.of());
        data.put("scriptalias", List.of());
        return data;
    }

    private Map<String, Object> vhost(Principal account, AccountDomains owned, AccountDomain domain) {
        boolean parked = AccountDomain.PARKED.equals(domain.type);
        Map<String, Object> vhost = new LinkedHashMap<>();
        vhost.put("domain", domain.name);
        vhost.put("documentroot", parked ? owned.main().documentRoot : domain.documentRoot);
        vhost.put("homedir", Homes.of(account.username()));
        vhost.put("ip", config.dns().accountIp());
        vhost.put("ipv6", null);
        vhost.put("owner", "root");
        vhost.put("user", account.username());
        vhost.put("group", account.username());
        // an addon domain's vhost is its backing subdomain's, as in cPanel's domains_data example
        String serverName = AccountDomain.ADDON.equals(domain.type) ? backingSubdomain(owned, domain) : domain.name;
        vhost.put("serveralias", serverAlias(owned, domain, serverName));
        vhost.put("servername", serverName);
        vhost.put("serveradmin", "webmaster@" + serverName);
        vhost.put("type", domain.type);
        vhost.put("usecanonicalname", "Off");
        vhost.put("userdirprotect", "");
        vhost.put("hascgi", 1);
        vhost.put("all_aliases_valid", 1);
        vhost.put("can_https_redirect", 1);
        vhost.put("is_https_redirecting", 0);
        vhost.put("no_cache_update", 0);
        return vhost;
    }

    /**
     * In cPanel's order (its domains_data example): the main domain's vhost answers for each parked domain and
     * its www, then www.&lt;main&gt;; an addon domain's for the addon, its www and www.&lt;backing subdomain&gt;;
     * any other for www.&lt;domain&gt;.
     */
    private static String serverAlias(AccountDomains owned, AccountDomain domain, String serverName) {
        StringBuilder alias = new StringBuilder();
        if (AccountDomain.MAIN.equals(domain.type)) {
            for (AccountDomain parked : owned.parked()) {
                alias.append(parked.name).append(" www.").append(parked.name).append(' ');
            }
        } else if (AccountDomain.ADDON.equals(domain.type)) {
            alias.append(domain.name).append(" www.").append(domain.name).append(' ');
        }
        return alias.append("www.").append(serverName).toString();
    }

    /** The subdomain of the main domain that backs an addon domain ({@code fullsubdomain} in API 2). */
    static String backingSubdomain(AccountDomains owned, AccountDomain addon) {
        String label = addon.parent != null ? addon.parent : addon.name.split("\\.")[0];
        return label + "." + owned.main().name;
    }

    private static List<String> names(List<AccountDomain> list) {
        return list.stream().map(d -> d.name).toList();
    }

    private static Shape.ObjectBuilder vhostFields(Shape.ObjectBuilder object) {
        return object
                .field("domain", Shape.string("The domain."))
                .field("documentroot", Shape.string("Absolute document root; a parked domain serves the main domain's."))
                .field("homedir", Shape.string("The account's home directory."))
                .field("ip", Shape.string("The IPv4 address the domain is served on."))
                .field("ipv6", Shape.string("The IPv6 address; always null.").orNull())
                .field("owner", Shape.string("The account's owner (reseller), \"root\"."))
                .field("user", Shape.string("The account's username."))
                .field("group", Shape.string("The account's group (its username)."))
                .field("serveralias", Shape.string("Space-separated aliases: www.<servername>; for the main domain first each "
                        + "parked domain and its www; for an addon domain first the addon domain and its www."))
                .field("servername", Shape.string("The domain; for an addon domain, the subdomain of the main domain that backs it."))
                .field("serveradmin", Shape.string("webmaster@<servername>."))
                .field("type", Shape.string("main_domain, addon_domain, parked_domain or sub_domain."))
                .field("usecanonicalname", Shape.string("\"Off\"."))
                .field("userdirprotect", Shape.string("Empty."))
                .field("hascgi", Shape.integer("1: CGI is enabled."))
                .field("all_aliases_valid", Shape.integer("1."))
                .field("can_https_redirect", Shape.integer("1."))
                .field("is_https_redirecting", Shape.integer("0: no forced HTTPS redirect."))
                .field("no_cache_update", Shape.integer("0."));
    }
}
