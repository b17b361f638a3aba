package dev.openuapi.domain;

import java.util.List;

/**
 * The examples of the domain modules (DomainInfo, SubDomain, Park, AddonDomain), for cPanel's documentation account
 * ({@code example}, {@code example.com}): the setup calls that give the account a subdomain, a parked domain and an
 * addon domain, and the rows that describe them.
 */
final class DomainExamples {

    /** Adds the subdomain blog.example.com. */
    static final String ADD_SUBDOMAIN = "/execute/SubDomain/addsubdomain?rootdomain=example.com&domain=blog&dir=/public_html/blog";
    /** Parks alias.example.net on the main domain. */
    static final String PARK = "/execute/Park/park?domain=alias.example.net";
    /** Parks alias.example.net on shop.example.com, which makes it an addon domain. */
    static final String PARK_ON_SHOP = "/execute/Park/park?domain=alias.example.net&topdomain=shop";
    /** Adds the addon domain addon.com on addon.example.com. */
    static final String ADD_ADDON = "/execute/AddonDomain/addaddondomain?newdomain=addon.com&subdomain=addon&dir=/public_html/addon";

    private DomainExamples() {
    }

    static DomainInfoRows.Vhost vhost(String domain, String servername, String documentroot, String type, String serveralias) {
        return new DomainInfoRows.Vhost(domain, documentroot, "/home/example", "192.0.2.10", null, "root", "example", "example",
                serveralias, servername, "webmaster@" + servername, type, "Off", "", 1, 1, 1, 0, 0);
    }

    static DomainInfoRows.Vhost main() {
        return vhost("example.com", "example.com", "/home/example/public_html", "main_domain",
                "alias.example.net www.alias.example.net www.example.com");
    }

    static DomainInfoRows.DomainsData domainsData() {
        return new DomainInfoRows.DomainsData(main(),
                List.of(vhost("addon.com", "addon.example.com", "/home/example/public_html/addon", "addon_domain",
                        "addon.com www.addon.com www.addon.example.com")),
                List.of(vhost("alias.example.net", "alias.example.net", "/home/example/public_html", "parked_domain",
                        "www.alias.example.net")),
                List.of(vhost("blog.example.com", "blog.example.com", "/home/example/public_html/blog", "sub_domain",
                        "www.blog.example.com")));
    }
}
