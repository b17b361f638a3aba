package dev.openuapi.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.Shape;

/**
 * {@code SubDomain}: the account's subdomains. UAPI {@code addsubdomain} (spec §9.1 row 41) and
 * {@code delsubdomain} (cPanel 138); API 2 {@code addsubdomain}, {@code delsubdomain} and {@code listsubdomains}
 * (spec §9.2). Adding and removing go through {@link DomainService}, as the operator's domain API does.
 */
@ApplicationScoped
public class SubDomainModule implements ApiModule {

    /** cPanel's feature for adding and removing subdomains ({@code Cpanel::SubDomain::_check_perms}). */
    static final String FEATURE = "subdomains";

    // cPanel checks rootdomain before domain, in these words (Cpanel::SubDomain::_addsubdomain)
    static final Param ROOTDOMAIN = Param.of("rootdomain", ParamType.DOMAIN, "The account's domain the subdomain goes under.")
            .requiredWithMessage("You must specify a main domain.").example("example.com");
    static final Param LABEL = Param.string("domain", "The subdomain's label (blog for blog.example.com).")
            .requiredWithMessage("You must specify a subdomain.").example("blog");
    static final Param DIR = Param.string("dir", "The document root, relative to the home directory (/public_html/blog or "
            + "public_html/blog). Default: /home/<user>/<subdomain>. It stays inside the home directory; cPanel's reserved directories "
            + "(etc, mail, ssl, tmp, logs, …) are refused.").example("/public_html/blog");
    static final Param DISALLOWDOT = Param.of("disallowdot", ParamType.BOOLEAN, "1: remove the dots from domain (a.b becomes ab).")
            .example("1");
    static final Param CANOFF = Param.of("canoff", ParamType.BOOLEAN, "UseCanonicalName: 1 (the default) for Off, which is how "
            + "OpenUAPI serves every domain; 0 (On) is refused.").example("1");
    static final Param EXISTING = Param.string("domain", "The subdomain: its full name (blog.example.com) or cPanel's domainkey "
            + "(blog_example.com, as listsubdomains shows it).").requiredWithMessage("You must specify a subdomain.")
            .example("blog_example.com");
    static final Param DISALLOWDOT_EXISTING = Param.of("disallowdot", ParamType.BOOLEAN, "1: remove the dots from the subdomain's label.")
            .example("0");

    private final DomainService domains;

    SubDomainModule(DomainService domains) {
        this.domains = domains;
    }

    @Override
    public String name() {
        return "SubDomain";
    }

    @Override
    public List<ApiFunction> functions() {
        String addDescription = "Creates label.rootdomain under one of the account's domains (the main domain, an addon or a parked "
                + "domain), with an A record in that domain's DNS zone, in one transaction. Counts against the plan's subdomain "
                + "limit. A name under or above another account's domain is refused, as is www (cPanel reserves it).";
        String delDescription = "Removes one of the account's subdomains and its records in the parent domain's DNS zone. The "
                + "subdomain of the main domain that an addon domain is parked on is refused while the addon domain exists.";
        return List.of(
                ApiFunction.named("addsubdomain").changesState()
                        .summary("Create a subdomain")
                        .description(addDescription)
                        .feature(FEATURE)
                        .param(ROOTDOMAIN).param(LABEL).param(DIR).param(DISALLOWDOT).param(CANOFF)
                        .example(null)
                        .doing(call -> add(call)),
                ApiFunction.named("delsubdomain").changesState()
                        .summary("Remove a subdomain")
                        .description(delDescription)
                        .feature(FEATURE)
                        .param(EXISTING).param(DISALLOWDOT_EXISTING)
                        .example(null)
                        .exampleSetup(DomainExamples.ADD_SUBDOMAIN)
                        .doing(call -> domains.removeSubdomain(call.principal().username(), subdomainName(call))),
                ApiFunction.named("addsubdomain").api2().changesState()
                        .summary("Create a subdomain (API 2)")
                        .description(addDescription + " Answers [{result, reason}]: 0 and the reason when refused, with the "
                                + "reason in cpanelresult.error too.")
                        .feature(FEATURE)
                        .param(ROOTDOMAIN).param(LABEL).param(DIR).param(DISALLOWDOT).param(CANOFF)
                        .returns(Api2Changes.SHAPE)
                        .example(List.of(new Api2DomainRows.Result(1, "The subdomain, blog.example.com has been added.")))
                        .handledBy(call -> Api2Changes.run(call, () -> "The subdomain, " + add(call).name + " has been added.")),
                ApiFunction.named("delsubdomain").api2().changesState()
                        .summary("Remove a subdomain (API 2)")
                        .description(delDescription + " Answers [{result, reason}] as addsubdomain does.")
                        .feature(FEATURE)
                        .param(EXISTING).param(DISALLOWDOT_EXISTING)
                        .returns(Api2Changes.SHAPE)
                        .example(List.of(new Api2DomainRows.Result(1, "The subdomain, blog.example.com has been removed.")))
                        .exampleSetup(DomainExamples.ADD_SUBDOMAIN)
                        .handledBy(call -> Api2Changes.run(call, () -> "The subdomain, "
                                + domains.removeSubdomain(call.principal().username(), subdomainName(call)).name() + " has been removed.")),
                ApiFunction.named("listsubdomains").api2().readsOnly()
                        .summary("List the account's subdomains")
                        .description("One row per subdomain, sorted by name, with its document root three ways: absolute (dir), "
                                + "relative to the home directory (basedir) and as home:<basedir> (reldir).")
                        .returns(Shape.arrayOf("The subdomains.", Shape.of(Api2DomainRows.Sub.class)))
                        .example(List.of(new Api2DomainRows.Sub("blog.example.com", "blog", "example.com", "public_html/blog",
                                "home:public_html/blog", "/home/example/public_html/blog", Api2DomainRows.NOT_REDIRECTED,
                                "blog_example.com")))
                        .exampleSetup(DomainExamples.ADD_SUBDOMAIN)
                        .handledBy(this::listSubdomains));
    }

    /**
     * The label as cPanel reads it ({@code Cpanel::SubDomain::_addsubdomain}): trimmed, without a leading www., then
     * without its dots (disallowdot) or a trailing one.
     */
    private AccountDomain add(Call call) {
        Api2Changes.requireCanonicalNameOff(call, CANOFF);
        String label = LABEL.from(call).trim();
        if (label.regionMatches(true, 0, "www.", 0, 4)) {
            label = label.substring(4);
        }
        if (call.args().isTrue(DISALLOWDOT.name())) {
            label = label.replace(".", "");
        } else if (label.endsWith(".")) {
            label = label.substring(0, label.length() - 1);
        }
        return domains.add(call.principal().username(),
                new DomainService.Request(AccountDomain.SUB, label, ROOTDOMAIN.from(call), null, Api2Changes.orNull(DIR.from(call))));
    }

    private static String subdomainName(Call call) {
        return Api2Changes.subdomain(EXISTING.from(call), call.args().isTrue(DISALLOWDOT_EXISTING.name()));
    }

    private Object listSubdomains(Call call) {
        Principal account = call.principal();
        AccountDomains owned = domains.domainsOf(account.username());
        return owned.subs().stream().map(sub -> {
            String root = sub.parent;
            String label = root != null && sub.name.endsWith("." + root)
                    ? sub.name.substring(0, sub.name.length() - root.length() - 1)
                    : sub.name;
            String basedir = domains.basedir(account.username(), sub.documentRoot);
            return new Api2DomainRows.Sub(sub.name, label, root, basedir, "home:" + basedir, sub.documentRoot, Api2DomainRows.NOT_REDIRECTED,
                    label + "_" + root);
        }).toList();
    }
}
