package dev.openuapi.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.DomainNames;
import dev.openuapi.common.Quote;
import dev.openuapi.config.OpenUapiConfig;
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
                ApiFunction.named("list_domains").readsOnly()
                        .summary("List the account's domains")
                        .description("The main domain (a string) and the addon, parked and sub domains (arrays of names). "
                                + "sub_domains leaves out the subdomains that back addon domains; OpenUAPI creates none.")
                        .returns(Shape.of(DomainInfoRows.DomainList.class))
                        .example(new DomainInfoRows.DomainList("example.com", List.of("addon.com"), List.of("alias.example.net"),
                                List.of("blog.example.com")))
                        .exampleSetup(DomainExamples.ADD_SUBDOMAIN, DomainExamples.PARK, DomainExamples.ADD_ADDON)
                        .handledBy(this::listDomains),
                ApiFunction.named("domains_data").readsOnly()
                        .summary("Describe the virtual host of every domain")
                        .description("format=hash (the default) groups the vhosts by type; format=list returns one array: "
                                + "the main domain, then addon, parked and sub domains. A parked domain is described by a "
                                + "vhost of type parked_domain serving the main domain's document root.")
                        .param(Param.string("format", "hash (default) or list.").example("hash"))
                        .param(Param.of("return_https_redirects_status", ParamType.BOOLEAN,
                                "Accepted for compatibility; is_https_redirecting is always 0.").example("1"))
                        .returns(Shape.of(DomainInfoRows.DomainsData.class))
                        .example(DomainExamples.domainsData())
                        .exampleSetup(DomainExamples.ADD_SUBDOMAIN, DomainExamples.PARK, DomainExamples.ADD_ADDON)
                        .handledBy(this::domainsData),
                ApiFunction.named("single_domain_data").readsOnly()
                        .summary("Describe one domain's virtual host")
                        .description("The vhost of one of the account's domains, with its port and Apache settings. A domain "
                                + "that is not the account's fails, whether or not it exists elsewhere.")
                        .param(Param.of("domain", ParamType.DOMAIN, "One of the account's domains.").required()
                                .example("example.com"))
                        .param(Param.of("return_https_redirect_status", ParamType.BOOLEAN,
                                "Accepted for compatibility; is_https_redirecting is always 0.").example("1"))
                        .returns(Shape.of(DomainInfoRows.SingleVhost.class))
                        .example(new DomainInfoRows.SingleVhost(DomainExamples.vhost("example.com", "example.com",
                                "/home/example/public_html", "main_domain", "www.example.com"), "80", "ExecCGI Includes", 1, List.of(),
                                List.of()))
                        .handledBy(this::singleDomainData));
    }

    private Object listDomains(Call call) {
        AccountDomains owned = domains.domainsOf(call.principal().username());
        return new DomainInfoRows.DomainList(owned.main().name, names(owned.addons()), names(owned.parked()), names(owned.subs()));
    }

    private Object domainsData(Call call) {
        String format = call.args().getOrDefault("format", "hash");
        if (format.isEmpty()) {
            format = "hash";
        }
        if (!format.equals("hash") && !format.equals("list")) {
            throw ApiException.invalid("The “format” argument must be “hash” or “list”, not " + Quote.of(format) + ".");
        }
        Principal account = call.principal();
        AccountDomains owned = domains.domainsOf(account.username());
        if (format.equals("list")) {
            return owned.all().stream().map(d -> vhost(account, owned, d)).toList();
        }
        return new DomainInfoRows.DomainsData(vhost(account, owned, owned.main()), vhosts(account, owned, owned.addons()),
                vhosts(account, owned, owned.parked()), vhosts(account, owned, owned.subs()));
    }

    private Object singleDomainData(Call call) {
        String requested = call.args().get("domain");
        String name = DomainNames.normalize(requested);
        Principal account = call.principal();
        AccountDomains owned = domains.domainsOf(account.username());
        AccountDomain domain = owned.all().stream().filter(d -> d.name.equals(name)).findFirst()
                // the same answer for an unknown domain and for another account's: nothing leaks
                .orElseThrow(() -> ApiException.invalid("The domain " + Quote.of(requested) + " does not belong to this account."));
        return new DomainInfoRows.SingleVhost(vhost(account, owned, domain), "80", "ExecCGI Includes", 1, List.of(), List.of());
    }

    private List<DomainInfoRows.Vhost> vhosts(Principal account, AccountDomains owned, List<AccountDomain> list) {
        return list.stream().map(d -> vhost(account, owned, d)).toList();
    }

    private DomainInfoRows.Vhost vhost(Principal account, AccountDomains owned, AccountDomain domain) {
        boolean parked = AccountDomain.PARKED.equals(domain.type);
        // an addon domain's vhost is its backing subdomain's, as in cPanel's domains_data example
        String serverName = AccountDomain.ADDON.equals(domain.type) ? backingSubdomain(owned, domain) : domain.name;
        return new DomainInfoRows.Vhost(domain.name, parked ? owned.main().documentRoot : domain.documentRoot, domains.home(account.username()),
                config.dns().accountIp(), null, "root", account.username(), account.username(), serverAlias(owned, domain, serverName),
                serverName, "webmaster@" + serverName, domain.type, "Off", "", 1, 1, 1, 0, 0);
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
        return addon.backingLabel() + "." + owned.main().name;
    }

    private static List<String> names(List<AccountDomain> list) {
        return list.stream().map(d -> d.name).toList();
    }
}
