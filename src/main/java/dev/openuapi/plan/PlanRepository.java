package dev.openuapi.plan;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class PlanRepository implements PanacheRepository<Plan> {

    public List<Plan> listByName() {
        return list("order by name");
    }

    public Optional<Plan> byName(String name) {
        return find("name", name).firstResultOptional();
    }
}
