package dev.openuapi.hulk;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class HulkListRepository implements PanacheRepository<HulkListEntry> {

    /** Every record of both lists; in SQL, as every query of cPHulk's start-up (see {@link LoginFailureRepository#since}). */
    public List<HulkListEntry> all() {
        return getSession().createNativeQuery("SELECT * FROM cphulk_list_entry", HulkListEntry.class).getResultList();
    }

    public List<HulkListEntry> inList(String listName) {
        return list("listName = ?1 order by id", listName);
    }

    public long remove(String listName, String ipRange) {
        return delete("listName = ?1 and ipRange = ?2", listName, ipRange);
    }
}
