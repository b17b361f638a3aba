package dev.openuapi.hulk;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class HulkBlockRepository implements PanacheRepository<HulkBlock> {

    /** In SQL, as every query of cPHulk's start-up (see {@link LoginFailureRepository#since}). */
    public List<HulkBlock> activeAt(long now) {
        return getSession().createNativeQuery("SELECT * FROM cphulk_block WHERE blocked_until > ?1 ORDER BY id", HulkBlock.class)
                .setParameter(1, now).getResultList();
    }

    public List<HulkBlock> activeOfKind(String kind, long now) {
        return list("kind = ?1 and blockedUntil > ?2 order by blockedSince", kind, now);
    }

    public long maxId() {
        Object max = getEntityManager().createNativeQuery("SELECT COALESCE(MAX(id), 0) FROM cphulk_block").getSingleResult();
        return ((Number) max).longValue();
    }
}
