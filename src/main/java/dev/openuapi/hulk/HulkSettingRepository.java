package dev.openuapi.hulk;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class HulkSettingRepository implements PanacheRepositoryBase<HulkSetting, String> {

    /** Every row; in SQL, as every query of cPHulk's start-up (see {@link LoginFailureRepository#since}). */
    public List<HulkSetting> all() {
        return getSession().createNativeQuery("SELECT * FROM cphulk_setting", HulkSetting.class).getResultList();
    }

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
