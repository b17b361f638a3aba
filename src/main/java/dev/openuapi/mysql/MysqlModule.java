package dev.openuapi.mysql;

import java.util.List;
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
            .required().example("example_db");
    private static final Param USER_NAME = Param.string("name", "The database user's name, with the account's prefix.")
            .required().example("example_user");
    private static final Param PASSWORD = Param.of("password", ParamType.PASSWORD, "The password (at least 8 characters).").required()
            .example("123456luggage");
    private static final Param OLD_NAME = Param.string("oldname", "The user's current name.").required().example("example_user");
    private static final Param NEW_NAME = Param.string("newname", "The new name, with the account's prefix.").required()
            .example("example_newuser");
    private static final Param USER = Param.string("user", "The database user.").required().example("example_user");
    private static final Param DATABASE = Param.string("database", "The database.").required().example("example_db");
    private static final Param PRIVILEGES = Param.string("privileges",
            "ALL PRIVILEGES (the default), or a comma-separated list such as SELECT,INSERT.")
            .example("ALTER,CREATE,DELETE,INSERT,SELECT,UPDATE");

    private static final Param OLD_DATABASE = Param.string("oldname", "The database's current name.").required().example("example_db");
    private static final Param NEW_DATABASE = Param.string("newname", "The new name, with the account's prefix.").required()
            .example("example_newdb");

    /** Setup calls of the examples: the database, the user, and the user's privileges on the database. */
    private static final String CREATE_DATABASE = "/execute/Mysql/create_database?name=example_db";
    private static final String CREATE_USER = "/execute/Mysql/create_user?name=example_user&password=123456luggage";
    private static final String GRANT = "/execute/Mysql/set_privileges_on_database?user=example_user&database=example_db"
            + "&privileges=ALL%20PRIVILEGES";

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
                ApiFunction.named("create_database").changesState().summary("Create a database").param(DATABASE_NAME).example(null)
                        .doing(call -> mysql.createDatabase(id(call), DATABASE_NAME.from(call))),
                ApiFunction.named("delete_database").changesState().summary("Delete a database and everything in it").param(DATABASE_NAME)
                        .example(null).exampleSetup(CREATE_DATABASE)
                        .doing(call -> mysql.deleteDatabase(id(call), DATABASE_NAME.from(call))),
                ApiFunction.named("list_databases").readsOnly().summary("List the account's databases")
                        .returns(Shape.arrayOf("The databases.", Shape.of(MysqlRows.Database.class)))
                        .exampleJson("[{\"database\":\"example_db\",\"disk_usage\":0,\"users\":[\"example_user\"]}]")
                        .exampleSetup(CREATE_DATABASE, CREATE_USER, GRANT)
                        .handledBy(this::listDatabases),
                ApiFunction.named("create_user").changesState().summary("Create a database user").param(USER_NAME).param(PASSWORD).example(null)
                        .doing(call -> mysql.createUser(id(call), USER_NAME.from(call), PASSWORD.from(call))),
                ApiFunction.named("delete_user").changesState().summary("Delete a database user").param(USER_NAME).example(null)
                        .exampleSetup(CREATE_USER)
                        .doing(call -> mysql.deleteUser(id(call), USER_NAME.from(call))),
                ApiFunction.named("rename_user").changesState().summary("Rename a database user")
                        .param(OLD_NAME).param(NEW_NAME).example(null)
                        .exampleSetup(CREATE_USER)
                        .doing(call -> mysql.renameUser(id(call), OLD_NAME.from(call), NEW_NAME.from(call))),
                ApiFunction.named("rename_database").changesState().summary("Rename a database, with its tables and its users' privileges")
                        .description("MariaDB has no RENAME DATABASE: the tables move to a new database in one atomic step, each user "
                                + "keeps the same privileges on it, and the old database is dropped once empty. A database with views, "
                                + "stored routines, triggers, events or damaged tables is refused, unchanged.")
                        .param(OLD_DATABASE).param(NEW_DATABASE).example(null)
                        .exampleSetup(CREATE_DATABASE, CREATE_USER, GRANT)
                        .doing(call -> mysql.renameDatabase(id(call), OLD_DATABASE.from(call), NEW_DATABASE.from(call))
                                .forEach(call::warning)),
                ApiFunction.named("set_password").changesState().summary("Change a database user's password")
                        .param(USER).param(PASSWORD)
                        .returns(Shape.of(MysqlRows.PasswordOutcome.class))
                        .exampleJson("{\"failures\":[]}").exampleSetup(CREATE_USER)
                        .handledBy(this::setPassword),
                ApiFunction.named("set_privileges_on_database").changesState().summary("Grant a user privileges on a database")
                        .description("Replaces the user's privileges on the database with the given ones.")
                        .param(USER).param(DATABASE).param(PRIVILEGES).example(null)
                        .exampleSetup(CREATE_DATABASE, CREATE_USER)
                        .doing(call -> mysql.setPrivileges(id(call), USER.from(call), DATABASE.from(call), PRIVILEGES.from(call))),
                ApiFunction.named("revoke_access_to_database").changesState().summary("Revoke a user's privileges on a database")
                        .param(USER).param(DATABASE).example(null)
                        .exampleSetup(CREATE_DATABASE, CREATE_USER, GRANT)
                        .doing(call -> mysql.revokeAccess(id(call), USER.from(call), DATABASE.from(call))),
                ApiFunction.named("list_users").readsOnly().summary("List the account's database users")
                        .returns(Shape.arrayOf("The users.", Shape.of(MysqlRows.User.class)))
                        .exampleJson("[{\"user\":\"example_user\",\"shortuser\":\"user\",\"databases\":[\"example_db\"]}]")
                        .exampleSetup(CREATE_DATABASE, CREATE_USER, GRANT)
                        .handledBy(this::listUsers),
                ApiFunction.named("get_restrictions").readsOnly().summary("Return the naming rules for databases and users")
                        .returns(Shape.of(MysqlRows.Restrictions.class))
                        .exampleJson("{\"prefix\":\"example_\",\"max_database_name_length\":64,\"max_username_length\":80}")
                        .handledBy(call -> new MysqlRows.Restrictions(MysqlService.prefix(call.principal().username()),
                                MysqlService.MAX_DATABASE_NAME, MysqlService.MAX_USER_NAME)));
    }

    private List<MysqlRows.Database> listDatabases(Call call) {
        return mysql.listDatabases(id(call)).stream().map(db -> new MysqlRows.Database(db.name(), db.diskUsage(), db.users())).toList();
    }

    private List<MysqlRows.User> listUsers(Call call) {
        return mysql.listUsers(id(call)).stream().map(user -> new MysqlRows.User(user.name(), user.shortName(), user.databases()))
                .toList();
    }

    private MysqlRows.PasswordOutcome setPassword(Call call) {
        List<String> failed = mysql.setPassword(id(call), USER.from(call), PASSWORD.from(call));
        return new MysqlRows.PasswordOutcome(failed.stream()
                .map(host -> new MysqlRows.PasswordFailure(host, "The password could not be set for this host.")).toList());
    }

    private static long id(Call call) {
        return call.principal().accountId();
    }
}
