package dev.openuapi.hulk;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class HulkBlockRepository implements PanacheRepository<HulkBlock> {

    public List<HulkBlock> activeAt(long now) {
        return list("blockedUntil > ?1 order by id", now);
    }

    public List<HulkBlock> activeOfKind(String kind, long now) {
        return list("kind = ?1 and blockedUntil > ?2 order by blockedSince", kind, now);
    }

    public long maxId() {
        Object max = getEntityManager().createNativeQuery("SELECT COALESCE(MAX(id), 0) FROM cphulk_block").getSingleResult();
        return ((Number) max).longValue();
    }
}
