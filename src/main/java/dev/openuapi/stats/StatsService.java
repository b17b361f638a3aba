package dev.openuapi.stats;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.domain.AccountDomain;
import dev.openuapi.domain.AccountDomains;
import dev.openuapi.domain.DomainService;
import dev.openuapi.kernel.Principal;

/**
 * Where the hosting server's web statistics engines write each site's reports, as cPanel's {@code Cpanel::Stats}
 * links them. OpenUAPI runs no statistics engine and cannot see the home directory: it lists the report of every
 * site the account serves (its main domain, addon domains and subdomains, each over HTTP and HTTPS), generated
 * or not.
 */
@ApplicationScoped
public class StatsService {

    /** cPanel's {@code AVAILABLE_ENGINES}: the engines and the traffic each reports on. */
    public static final Map<String, List<String>> ENGINES = Map.of("webalizer", List.of("http", "ftp"), "analog", List.of("http"));

    /** One statistics link: a site and where its report is. */
    public record Site(String domain, boolean ssl, String path, boolean allDomains) {
    }

    private final DomainService domains;

    StatsService(DomainService domains) {
        this.domains = domains;
    }

    /**
     * @param engine  webalizer or analog
     * @param traffic http (the default) or, for webalizer, ftp
     */
    @Transactional
    public List<Site> sites(Principal account, String engine, String traffic) {
        if (!ENGINES.containsKey(engine)) {
            // cPanel's Cpanel::Stats::list_sites_stats wording
            throw ApiException.invalid("Engine " + Quote.of(engine) + " is not valid. Enter one of the following: “analog” or “webalizer”.");
        }
        if (!ENGINES.get(engine).contains(traffic)) {
            throw ApiException.invalid("Traffic parameter " + Quote.of(traffic) + " is not valid for the engine " + Quote.of(engine)
                    + ". Enter one of the following: " + quotedList(ENGINES.get(engine)) + ".");
        }
        if (!account.hasFeature(engine)) {
            throw ApiException.forbidden("You do not have the feature " + Quote.of(engine) + ".");
        }
        String user = account.username();
        if (traffic.equals("ftp")) {
            return List.of(new Site(null, false, "/tmp/" + segment(user) + "/webalizerftp/index.html", true));
        }
        List<Site> sites = new ArrayList<>();
        for (String domain : siteNames(account.username())) {
            for (boolean ssl : new boolean[] { false, true }) {
                String path = engine.equals("webalizer")
                        ? "/tmp/" + segment(user) + "/webalizer/" + (ssl ? "ssl/" : "") + segment(domain) + "/index.html"
                        : "analog.html?domain=" + URLEncoder.encode(domain, StandardCharsets.UTF_8) + "&ssl=" + (ssl ? 1 : 0);
                sites.add(new Site(domain, ssl, path, false));
            }
        }
        return sites;
    }

    /** The sites with logs of their own: the main domain, addon domains and subdomains, by name (aliases share the main site's). */
    private List<String> siteNames(String username) {
        AccountDomains all = domains.domainsOf(username);
        Set<String> addonBacking = new java.util.HashSet<>();
        for (AccountDomain addon : all.addons()) {
            addonBacking.add(addon.backingLabel() + "." + all.main().name);
        }
        List<String> names = new ArrayList<>();
        names.add(all.main().name);
        all.addons().forEach(d -> names.add(d.name));
        all.subs().stream().filter(d -> !addonBacking.contains(d.name)).forEach(d -> names.add(d.name));
        names.sort(Comparator.naturalOrder());
        return names;
    }

    /** A path segment, percent-encoded as cPanel's uri_encode_dirstr does (a space is %20). */
    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String quotedList(List<String> values) {
        return values.size() == 1 ? Quote.of(values.get(0)) : Quote.of(values.get(0)) + " or " + Quote.of(values.get(1));
    }
}
