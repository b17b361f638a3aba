package dev.openuapi.email;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class EmailForwarderRepository implements PanacheRepository<EmailForwarder> {

    /** Pipe forwarders to a program below {@code from} pipe to it below {@code to} (the homes root changed); returns how many. */
    public int movePipesBelow(String from, String to) {
        String prefix = "|" + from + "/";
        return update("destination = concat(?1, substring(destination, ?2)) where substring(destination, 1, ?3) = ?4", "|" + to + "/",
                prefix.length() + 1, prefix.length(), prefix);
    }

    public List<EmailForwarder> forAccount(long accountId) {
        return list("account.id = ?1 order by address, destination", accountId);
    }

    public List<EmailForwarder> forDomain(long accountId, String domain) {
        return list("account.id = ?1 and domain = ?2 order by address, destination", accountId, domain);
    }

    public long deleteExact(long accountId, String address, String destination) {
        return delete("account.id = ?1 and address = ?2 and destination = ?3", accountId, address, destination);
    }
}
