package dev.openuapi.plan;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class PlanRepository implements PanacheRepository<Plan> {

    /** The packages: every plan but the accounts' private ones. */
    public List<Plan> listByName() {
        return list("accountId is null order by name");
    }

    /** A package by its name (an account's private plan has no name a caller can give). */
    public Optional<Plan> byName(String name) {
        return find("name = ?1 and accountId is null", name).firstResultOptional();
    }

    /** The private plans made from a package. */
    public List<Plan> basedOn(long planId) {
        return list("basePlanId", planId);
    }
}
