package dev.openuapi.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
                .returns(Shape.arrayOf("The subdomains.", Shape.object("A subdomain.")
                        .field("domain", Shape.string("The full subdomain, e.g. blog.example.com."))
                        .field("subdomain", Shape.string("Its label, e.g. blog."))
                        .field("rootdomain", Shape.string("The account's domain it lives under."))
                        .field("basedir", Shape.string("Document root relative to the home directory."))
                        .field("reldir", Shape.string("home:<basedir>."))
                        .field("dir", Shape.string("Absolute document root."))
                        .field("status", Shape.string("Redirection; always \"not redirected\"."))
                        .field("domainkey", Shape.string("<label>_<rootdomain>, e.g. blog_example.com."))
                        .build()))
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
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("domain", sub.name);
            row.put("subdomain", label);
            row.put("rootdomain", root);
            row.put("basedir", basedir);
            row.put("reldir", "home:" + basedir);
            row.put("dir", sub.documentRoot);
            row.put("status", "not redirected");
            row.put("domainkey", label + "_" + root);
            return row;
        }).toList();
    }
}
