package dev.openuapi.files;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class HomesRootRepository implements PanacheRepositoryBase<HomesRoot, Byte> {
}
