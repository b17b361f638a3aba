package dev.openuapi.hulk;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class HulkListRepository implements PanacheRepository<HulkListEntry> {

    public List<HulkListEntry> inList(String listName) {
        return list("listName = ?1 order by id", listName);
    }

    public long remove(String listName, String ipRange) {
        return delete("listName = ?1 and ipRange = ?2", listName, ipRange);
    }
}
