package dev.openuapi.whm;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.domain.DomainService;
import dev.openuapi.kernel.Api0;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.operator.Acl;
import dev.openuapi.operator.SiteIpService;

/**
 * WHM API 1 {@code setsiteip}: an account gets its own IP address (or the shared one back). Root-level only, as on
 * cPanel, where changing a site's IP needs the {@code all} privilege.
 */
@ApplicationScoped
public class SiteIpModule implements ApiModule {

    private final SiteIpService siteIps;
    private final DomainService domains;

    SiteIpModule(SiteIpService siteIps, DomainService domains) {
        this.siteIps = siteIps;
        this.domains = domains;
    }

    @Override
    public String name() {
        return WHM;
    }

    @Override
    public String group() {
        return "IP Addresses";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(ApiFunction.named("setsiteip").whm1().acl(Acl.ROOT).summary("Update domain or cPanel account IP address")
                .description("The account (named by user, or by any of its domains) now uses ip, one of the server's addresses "
                        + "that listips lists (openuapi.dns.account-ip, the shared one, or openuapi.dns.additional-ips). Every A "
                        + "record of its zones that pointed at its old address follows, and its new domains get the new one. "
                        + "OpenUAPI keeps one address an account: domain= changes the whole account's.")
                .param(Param.string("ip", "The site's or user's IPv4 address.").required().example("192.168.4.10"))
                .param(Param.string("user", "The user's username; you must use either user or domain.").example("example"))
                .param(Param.string("domain", "A domain of the account; you must use either user or domain.").example("example.com"))
                .example(null) // cPanel's sample answer: {"metadata":{"command":"setsiteip","reason":"OK","result":1,"version":1}}
                // the live call: one of the test server's further addresses (openuapi.dns.additional-ips), by user
                .exampleArgs("ip=192.0.2.11&user=example")
                .api0(Api0.status("result", ""))
                .doing(call -> siteIps.setSiteIp(account(call), call.args().get("ip"))));
    }

    private String account(Call call) {
        String user = call.args().getNonEmpty("user");
        if (user != null) {
            return user;
        }
        String domain = call.args().getNonEmpty("domain");
        if (domain == null) {
            throw ApiException.invalid("Provide the “user” or the “domain” argument.");
        }
        return domains.find(domain).map(DomainService.OwnedDomain::username)
                .orElseThrow(() -> ApiException.notFound("The domain " + Quote.of(domain) + " does not exist."));
    }
}
