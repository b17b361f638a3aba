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
                .returns(Shape.arrayOf("The parked domains.", Shape.object("A parked domain.")
                        .field("domain", Shape.string("The parked domain."))
                        .field("dir", Shape.string("Absolute document root (the main domain's)."))
                        .field("basedir", Shape.string("Document root relative to the home directory."))
                        .field("reldir", Shape.string("home:<basedir>."))
                        .field("status", Shape.string("Redirection; always \"not redirected\"."))
                        .build()))
                .handledBy(this::listParkedDomains));
    }

    private Object listParkedDomains(Call call) {
        Principal account = call.principal();
        AccountDomains owned = domains.domainsOf(account.username());
        return owned.parked().stream().map(parked -> {
            String dir = parked.documentRoot;
            String basedir = Homes.relative(account.username(), dir);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("domain", parked.name);
            row.put("dir", dir);
            row.put("basedir", basedir);
            row.put("reldir", "home:" + basedir);
            row.put("status", "not redirected");
            return row;
        }).toList();
    }
}
