package dev.openuapi.session;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class LoginSessionRepository implements PanacheRepository<LoginSession> {

    /** One lookup on the unique hash index, with the account (if any) in the same query. */
    public Optional<LoginSession> findByHashWithAccount(String secretHash) {
        return find("from LoginSession s left join fetch s.account where s.secretHash = ?1", secretHash).firstResultOptional();
    }

    public Optional<LoginSession> findByHash(String secretHash) {
        return find("secretHash", secretHash).firstResultOptional();
    }

    /**
     * Turns a create_user_session session into a live one, once: only while it is still pending, under this
     * security token and not yet expired. Returns whether it did (of two concurrent uses of one URL, one does).
     */
    public boolean consume(String oneTimeHash, String securityToken, String newSecretHash, long now, long idleSince) {
        return update("secretHash = ?1, pending = false, lastActiveAt = ?2 where secretHash = ?3 and pending = true"
                + " and securityToken = ?4 and expiresAt >= ?2 and lastActiveAt >= ?5", newSecretHash, now, oneTimeHash, securityToken,
                idleSince) == 1;
    }

    /** Stores a use, unless a later one is stored already. */
    public void recordActivity(long id, long at) {
        update("lastActiveAt = ?1 where id = ?2 and lastActiveAt < ?1", at, id);
    }

    public long deleteByHash(String secretHash) {
        return delete("secretHash", secretHash);
    }

    /** Sessions past their absolute end, or unused since {@code idleSince}. */
    public long deleteEnded(long now, long idleSince) {
        return delete("expiresAt < ?1 or lastActiveAt < ?2", now, idleSince);
    }
}
