package dev.openuapi.operator;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AclListRepository implements PanacheRepositoryBase<AclList, String> {
}
