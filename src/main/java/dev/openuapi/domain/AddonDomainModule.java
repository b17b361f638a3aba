package dev.openuapi.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.account.Homes;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.Shape;

/**
 * cPanel API 2 {@code AddonDomain} (spec §9.2): the account's addon domains. cPanel backs each addon
 * domain with a subdomain of the main domain; OpenUAPI keeps only its label ({@link AccountDomain#parent})
 * and reports the names cPanel would use.
 */
@ApplicationScoped
public class AddonDomainModule implements ApiModule {

    private final DomainService domains;

    AddonDomainModule(DomainService domains) {
        this.domains = domains;
    }

    @Override
    public String name() {
        return "AddonDomain";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(ApiFunction.named("listaddondomains").api2()
                .summary("List the account's addon domains")
                .description("One row per addon domain, sorted by name, with the subdomain of the main domain that backs it "
                        + "in cPanel's naming (fullsubdomain, domainkey).")
                .returns(Shape.arrayOf("The addon domains.", Shape.object("An addon domain.")
                        .field("domain", Shape.string("The addon domain."))
                        .field("fullsubdomain", Shape.string("<subdomain>.<rootdomain>."))
                        .field("subdomain", Shape.string("The backing subdomain's label."))
                        .field("rootdomain", Shape.string("The account's main domain."))
                        .field("dir", Shape.string("Absolute document root."))
                        .field("basedir", Shape.string("Document root relative to the home directory."))
                        .field("reldir", Shape.string("home:<basedir>."))
                        .field("status", Shape.string("Redirection; always \"not redirected\"."))
                        .field("domainkey", Shape.string("<subdomain>_<rootdomain>."))
                        .build()))
                .handledBy(this::listAddonDomains));
    }

    private Object listAddonDomains(Call call) {
        Principal account = call.principal();
        AccountDomains owned = domains.domainsOf(account.username());
        String root = owned.main().name;
        return owned.addons().stream().map(addon -> {
            String label = addon.parent != null ? addon.parent : addon.name.split("\\.")[0];
            String basedir = Homes.relative(account.username(), addon.documentRoot);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("domain", addon.name);
            row.put("fullsubdomain", label + "." + root);
            row.put("subdomain", label);
            row.put("rootdomain", root);
            row.put("dir", addon.documentRoot);
            row.put("basedir", basedir);
            row.put("reldir", "home:" + basedir);
            row.put("status", "not redirected");
            row.put("domainkey", label + "_" + root);
            return row;
        }).toList();
    }
}
