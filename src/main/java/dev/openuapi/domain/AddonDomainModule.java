package dev.openuapi.domain;

import java.util.List;

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
                .returns(Shape.arrayOf("The addon domains.", Shape.of(Api2DomainRows.Addon.class)))
                .handledBy(this::listAddonDomains));
    }

    private Object listAddonDomains(Call call) {
        Principal account = call.principal();
        AccountDomains owned = domains.domainsOf(account.username());
        String root = owned.main().name;
        return owned.addons().stream().map(addon -> {
            String label = addon.backingLabel();
            String basedir = Homes.relative(account.username(), addon.documentRoot);
            return new Api2DomainRows.Addon(addon.name, label + "." + root, label, root, addon.documentRoot, basedir, "home:" + basedir,
                    Api2DomainRows.NOT_REDIRECTED, label + "_" + root);
        }).toList();
    }
}
