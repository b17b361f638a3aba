package dev.openuapi.mysql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Shape;

/** UAPI {@code Mysql} (spec §9.1 rows 15-22): real databases and users on the hosting MariaDB server. */
@ApplicationScoped
public class MysqlModule implements ApiModule {

    public static final String FEATURE = "mysql";

    private static final Param DATABASE_NAME = Param.string("name", "The database name, with the account's prefix (see get_restrictions).")
            .required().example("alice_wp");
    private static final Param USER_NAME = Param.string("name", "The database user's name, with the account's prefix.")
            .required().example("alice_wpuser");
    private static final Param PASSWORD = Param.of("password", ParamType.PASSWORD, "The password (at least 8 characters).").required();

    private final MysqlService mysql;

    MysqlModule(MysqlService mysql) {
        this.mysql = mysql;
    }

    @Override
    public String name() {
        return "Mysql";
    }

    @Override
    public Optional<String> feature() {
        return Optional.of(FEATURE);
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(
                ApiFunction.named("create_database").summary("Create a database").param(DATABASE_NAME)
                        .doing(call -> mysql.createDatabase(id(call), call.args().get("name"))),
                ApiFunction.named("delete_database").summary("Delete a database and everything in it").param(DATABASE_NAME)
                        .doing(call -> mysql.deleteDatabase(id(call), call.args().get("name"))),
                ApiFunction.named("list_databases").summary("List the account's databases")
                        .returns(Shape.arrayOf("The databases.", Shape.object("A database.")
                                .field("database", Shape.string("Its name."))
                                .field("disk_usage", Shape.integer("Bytes of data and indexes, from the server."))
                                .field("users", Shape.arrayOf("Users with privileges on it.", Shape.string("A user.")))
                                .build()))
                        .handledBy(call -> mysql.listDatabases(id(call))),
                ApiFunction.named("create_user").summary("Create a database user").param(USER_NAME).param(PASSWORD)
                        .doing(call -> mysql.createUser(id(call), call.args().get("name"), call.args().get("password"))),
                ApiFunction.named("delete_user").summary("Delete a database user").param(USER_NAME)
                        .doing(call -> mysql.deleteUser(id(call), call.args().get("name"))),
                ApiFunction.named("rename_user").summary("Rename a database user")
                        .param(Param.string("oldname", "The user's current name.").required())
                        .param(Param.string("newname", "The new name, with the account's prefix.").required())
                        .doing(call -> mysql.renameUser(id(call), call.args().get("oldname"), call.args().get("newname"))),
                ApiFunction.named("set_password").summary("Change a database user's password")
                        .param(Param.string("user", "The database user.").required()).param(PASSWORD)
                        .returns(Shape.object("The outcome.").field("failures", Shape.arrayOf("Hosts where it failed.",
                                Shape.object("A failure.").field("host", Shape.string("The host.")).field("error", Shape.string("Why."))
                                        .build())).build())
                        .handledBy(this::setPassword),
                ApiFunction.named("set_privileges_on_database").summary("Grant a user privileges on a database")
                        .description("Replaces the user's privileges on the database with the given ones.")
                        .param(Param.string("user", "The database user.").required())
                        .param(Param.string("database", "The database.").required())
                        .param(Param.string("privileges", "ALL PRIVILEGES (the default), or a comma-separated list such as SELECT,INSERT."))
                        .doing(call -> mysql.setPrivileges(id(call), call.args().get("user"), call.args().get("database"),
                                call.args().get("privileges"))),
                ApiFunction.named("revoke_access_to_database").summary("Revoke a user's privileges on a database")
                        .param(Param.string("user", "The database user.").required())
                        .param(Param.string("database", "The database.").required())
                        .doing(call -> mysql.revokeAccess(id(call), call.args().get("user"), call.args().get("database"))),
                ApiFunction.named("list_users").summary("List the account's database users")
                        .returns(Shape.arrayOf("The users.", Shape.object("A user.")
                                .field("user", Shape.string("The full name."))
                                .field("shortuser", Shape.string("The name without the prefix."))
                                .field("databases", Shape.arrayOf("Databases it has privileges on.", Shape.string("A database.")))
                                .build()))
                        .handledBy(call -> mysql.listUsers(id(call))),
                ApiFunction.named("get_restrictions").summary("Return the naming rules for databases and users")
                        .returns(Shape.object("The rules.")
                                .field("prefix", Shape.string("Every name begins with this."))
                                .field("max_database_name_length", Shape.integer("Longest database name."))
                                .field("max_username_length", Shape.integer("Longest user name."))
                                .build())
                        .handledBy(call -> mysql.restrictions(call.principal().username())));
    }

    private Object setPassword(Call call) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("failures", mysql.setPassword(id(call), call.args().get("user"), call.args().get("password")));
        return data;
    }

    private static long id(Call call) {
        return call.principal().accountId();
    }
}
