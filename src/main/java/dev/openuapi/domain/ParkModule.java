package dev.openuapi.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.account.Homes;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.Shape;

/** cPanel API 2 {@code Park} (spec §9.2): the account's parked domains (aliases of the main domain). */
@ApplicationScoped
public class ParkModule implements ApiModule {

    private final DomainService domains;

    ParkModule(DomainService domains) {
        this.domains = domains;
    }

    @Override
    public String name() {
        return "Park";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(ApiFunction.named("listparkeddomains").api2()
                .summary("List the account's parked domains")
                .description("One row per parked domain, sorted by name. A parked domain serves the main domain's document "
                        + "root.")
                .returns(Shape.arrayOf("The parked domains.", Shape.of(Api2DomainRows.Parked.class)))
                .handledBy(this::listParkedDomains));
    }

    private Object listParkedDomains(Call call) {
        Principal account = call.principal();
        AccountDomains owned = domains.domainsOf(account.username());
        return owned.parked().stream().map(parked -> {
            String basedir = Homes.relative(account.username(), parked.documentRoot);
            return new Api2DomainRows.Parked(parked.name, parked.documentRoot, basedir, "home:" + basedir, Api2DomainRows.NOT_REDIRECTED);
        }).toList();
    }
}
