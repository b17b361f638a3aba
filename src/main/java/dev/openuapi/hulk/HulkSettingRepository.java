package dev.openuapi.hulk;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class HulkSettingRepository implements PanacheRepositoryBase<HulkSetting, String> {

    /** Counts a change every replica must reload (settings, lists, blocks, history). */
    public void bumpRevision() {
        getEntityManager().createNativeQuery("UPDATE cphulk_setting SET value = CAST(value AS UNSIGNED) + 1 WHERE name = 'revision'")
                .executeUpdate();
    }

    public void put(String name, String value) {
        getEntityManager().createNativeQuery("INSERT INTO cphulk_setting (name, value) VALUES (?1, ?2) ON DUPLICATE KEY UPDATE value = VALUES(value)")
                .setParameter(1, name).setParameter(2, value).executeUpdate();
    }
}
