package dev.openuapi.dns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.DomainNames;
import dev.openuapi.common.Quote;
import dev.openuapi.domain.AccountDomain;
import dev.openuapi.domain.DomainService;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Shape;

/**
 * UAPI {@code DNS}'s lookups (cPanel's {@code Cpanel::API::DNS}): {@code lookup}, {@code has_local_authority} and
 * {@code ensure_domains_reside_only_locally}. They ask the DNS servers {@code openuapi.dns.resolvers} names. Unlike the
 * zone editing functions beside them ({@link DnsModule}), cPanel gates only {@code lookup}, with the {@code nettools}
 * feature.
 */
@ApplicationScoped
public class DnsLookupModule implements ApiModule {

    /** cPanel's feature for its network tools (Track DNS), which {@code DNS::lookup} needs. */
    public static final String NETTOOLS = "nettools";

    private static final Param DOMAIN = Param.of("domain", ParamType.DOMAIN, "A fully qualified domain name.").required()
            .example("example.com");
    private static final Param DOMAINS = Param.of("domain", ParamType.DOMAIN,
            "A domain to check. Repeatable: domain, domain-1, domain-2, … (or domain given several times), at most 50.").required().multiple()
            .example("example.com");

    /**
     * The most domains one call may check. cPanel sets none; OpenUAPI bounds the DNS queries (and the wait for them)
     * that one request can cause.
     */
    static final int MAX_DOMAINS = 50;

    private final DnsLookupService lookups;
    private final DomainService domains;

    DnsLookupModule(DnsLookupService lookups, DomainService domains) {
        this.lookups = lookups;
        this.domains = domains;
    }

    /** Why the examples that resolve the account's own names are proved by DnsLiveExamplesTest, not LiveExamplesTest. */
    private static final String RESOLVER = "resolves the fresh account's zone, which only a resolver serving the test database "
            + "answers: DnsLiveExamplesTest proves the example with PowerDNS as the resolver";

    @Override
    public String name() {
        return "DNS";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(
                ApiFunction.named("lookup").readsOnly().feature(NETTOOLS)
                        .summary("Return domain's DNS information")
                        .description("The lines the host command prints for the name: its aliases and addresses (A, then AAAA) and "
                                + "its mail exchangers, from the DNS servers openuapi.dns.resolvers names.")
                        .param(DOMAIN)
                        .returns(Shape.arrayOf("One line per answer, as host prints it.", Shape.string("A line.")))
                        .exampleJson("[\"example.com has address 93.184.216.34\",\"example.com has IPv6 address 2606:2800:220:1:248:1893:25c8:1946\","
                                + "\"example.com mail is handled by 0 .\"]")
                        .exampleNotLive(RESOLVER)
                        .handledBy(call -> lookups.hostLines(DOMAIN.from(call))),
                ApiFunction.named("ensure_domains_reside_only_locally").readsOnly()
                        .summary("Return whether domains only resolve locally")
                        .description("For each domain given, in order: null when its IPv4 addresses are all this server's "
                                + "(openuapi.dns.account-ip or an address of its own interfaces), otherwise why not.")
                        .param(DOMAINS)
                        .returns(Shape.arrayOf("One entry per domain, in the order given.",
                                Shape.string("null: the domain resolves only to this server; otherwise where it resolves.").orNull()))
                        .exampleJson("[null,\"“example.net” resolves to the following IPv4 address, which does not exist on this server: "
                                + "198.51.100.7\"]")
                        .handledBy(call -> lookups.residesOnlyLocally(domains(call))),
                ApiFunction.named("has_local_authority").readsOnly()
                        .summary("Return whether local DNS server is authoritative")
                        .description("For each of the account's domains given: whether the DNS answers for its zone with the SOA "
                                + "serial of the zone OpenUAPI serves, and the zone's nameservers as the DNS names them.")
                        .param(DOMAINS)
                        .returns(Shape.arrayOf("One row per domain, in the order given.", Shape.of(DnsRows.Authority.class)))
                        .exampleJson("[{\"domain\":\"example.com\",\"zone\":\"example.com\",\"local_authority\":1,"
                                + "\"nameservers\":[\"ns1.example.com\",\"ns2.example.com\"],\"error\":null}]")
                        .exampleNotLive(RESOLVER)
                        .handledBy(this::hasLocalAuthority));
    }

    private static List<String> domains(Call call) {
        List<String> given = DOMAINS.allFrom(call);
        if (given.size() > MAX_DOMAINS) {
            throw ApiException.invalid("Give at most " + MAX_DOMAINS + " “domain” arguments in one call.");
        }
        return given;
    }

    private Object hasLocalAuthority(Call call) {
        String username = call.principal().username();
        Map<String, DnsLookupService.DomainZone> owned = new LinkedHashMap<>();
        for (AccountDomain domain : domains.domainsOf(username).all()) {
            owned.put(domain.name, new DnsLookupService.DomainZone(domain.name,
                    AccountDomain.SUB.equals(domain.type) ? domain.parent : domain.name, username));
        }
        List<DnsLookupService.DomainZone> asked = new ArrayList<>();
        List<String> notOwned = new ArrayList<>();
        for (String given : domains(call)) {
            DnsLookupService.DomainZone entry = owned.get(DomainNames.normalize(given));
            if (entry == null) {
                notOwned.add(given);
            } else {
                asked.add(new DnsLookupService.DomainZone(given, entry.zone(), username));
            }
        }
        if (!notOwned.isEmpty()) {
            // cPanel's Cpanel::Args::CpanelUser::Domains: "You do not control the [list_and_quoted] domain(s)."
            List<String> quoted = notOwned.stream().map(Quote::of).toList();
            throw ApiException.invalid("You do not control the " + DnsLookupService.listAnd(quoted)
                    + (notOwned.size() == 1 ? " domain." : " domains."));
        }
        return lookups.localAuthority(asked).stream()
                .map(a -> new DnsRows.Authority(a.domain(), a.zone(), a.localAuthority() ? 1 : 0, a.nameservers(), a.error()))
                .toList();
    }
}
