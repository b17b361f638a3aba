package dev.openuapi.cron;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class CronJobRepository implements PanacheRepository<CronJob> {

    /** The account's crontab, in the order the jobs were added. */
    public List<CronJob> forAccount(long accountId) {
        return list("account.id = ?1 order by id", accountId);
    }
}
