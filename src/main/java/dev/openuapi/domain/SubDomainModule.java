package dev.openuapi.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.account.Homes;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.Shape;

/** {@code SubDomain}: API 2 {@code listsubdomains} (spec §9.2) and UAPI {@code addsubdomain} (spec §9.1 row 41). */
@ApplicationScoped
public class SubDomainModule implements ApiModule {

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
        return List.of(ApiFunction.named("addsubdomain")
                .summary("Create a subdomain")
                .description("Creates label.rootdomain under one of the account's domains, with an A record in that zone. "
                        + "Counts against the plan's subdomain limit.")
                .param(Param.string("domain", "The subdomain's label.").required().example("blog"))
                .param(Param.of("rootdomain", ParamType.DOMAIN, "The account's domain it goes under.").required().example("example.com"))
                .param(Param.string("dir", "Ignored: the document root is /home/<user>/<subdomain>."))
                .doing(call -> domains.add(call.principal().username(), AccountDomain.SUB, call.args().get("domain"),
                        call.args().get("rootdomain"))),
                ApiFunction.named("listsubdomains").api2()
                .summary("List the account's subdomains")
                .description("One row per subdomain, sorted by name, with its document root three ways: absolute (dir), "
                        + "relative to the home directory (basedir) and as home:<basedir> (reldir).")
                .returns(Shape.arrayOf("The subdomains.", Shape.of(Api2DomainRows.Sub.class)))
                .handledBy(this::listSubdomains));
    }

    private Object listSubdomains(Call call) {
        Principal account = call.principal();
        AccountDomains owned = domains.domainsOf(account.username());
        return owned.subs().stream().map(sub -> {
            String root = sub.parent;
            String label = root != null && sub.name.endsWith("." + root)
                    ? sub.name.substring(0, sub.name.length() - root.length() - 1)
                    : sub.name;
            String basedir = Homes.relative(account.username(), sub.documentRoot);
            return new Api2DomainRows.Sub(sub.name, label, root, basedir, "home:" + basedir, sub.documentRoot, Api2DomainRows.NOT_REDIRECTED,
                    label + "_" + root);
        }).toList();
    }
}
