package dev.openuapi.variables;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ServerIdentity;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;
import dev.openuapi.mysql.MysqlService;


/** UAPI {@code Variables}: the account's settings, as far as OpenUAPI holds them. */
@ApplicationScoped
public class VariablesModule implements ApiModule {

    private final UserInformationService information;
    private final MysqlService mysql;
    private final ServerIdentity server;

    VariablesModule(UserInformationService information, MysqlService mysql, ServerIdentity server) {
        this.information = information;
        this.mysql = mysql;
        this.server = server;
    }

    @Override
    public String name() {
        return "Variables";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(ApiFunction.named("get_server_information").readsOnly()
                .summary("Return the server's settings")
                .description("The settings OpenUAPI can report from the real server: host name, cPanel API level and the "
                        + "hosting database server's version.")
                .param(Param.string("name", "A setting to return. Repeatable.").multiple().example("mysql_version"))
                .returns(Shape.object("The server's settings.")
                        .field("hostname", Shape.string("The server's host name."))
                        .field("cpanel_version", Shape.string("The cPanel API level OpenUAPI follows."))
                        .field("mysql_version", Shape.string("The hosting MariaDB server's version."))
                        .build())
                .exampleJson("{\"hostname\":\"hostname.example.com\",\"cpanel_version\":\"11.120.0.0\",\"mysql_version\":\"10.11.6-MariaDB\"}")
                .exampleArgs("")
                .handledBy(this::getServerInformation),
                ApiFunction.named("get_user_information").readsOnly()
                .summary("Return the account's configuration settings")
                .description("Returns every setting OpenUAPI holds for the account, or only those named. Repeat name "
                        + "(or send name-0, name-1, …) for several; a name we do not hold comes back as null.")
                .param(Param.string("name", "A setting to return. Repeatable.").multiple().example("domain"))
                .returns(Shape.object("The account's settings.")
                        .field("user", Shape.string("The username."))
                        .field("domain", Shape.string("The main domain."))
                        .field("domains", Shape.arrayOf("The account's domains.", Shape.string("A domain.")))
                        .field("contact_email", Shape.string("The contact email address."))
                        .field("contact_email_2", Shape.string("The alternate contact email address (empty)."))
                        .field("created", Shape.integer("When the account was created (Unix epoch)."))
                        .field("last_modified", Shape.integer("When the account was last changed (Unix epoch)."))
                        .field("demo_mode", Shape.integer("Always 0."))
                        .field("feature", Shape.mapOf("Feature names, 1 when enabled, 0 when not.", Shape.integer("1 or 0.")))
                        .build())
                .exampleJson("""
                        {"user":"example","domain":"example.com","domains":["example.com"],"contact_email":"user@example.com",\
                        "created":1532457193,"demo_mode":0}""")
                .exampleArgs("name=user&name=domain&name=domains&name=contact_email&name=created&name=demo_mode")
                .handledBy(this::getUserInformation));
    }

    private Object getServerInformation(Call call) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("hostname", server.hostname());
        all.put("cpanel_version", server.cpanelVersion());
        all.put("mysql_version", mysql.serverVersion().orElse(null));
        return select(all, call.args().getMultiple("name"));
    }

    private static Map<String, Object> select(Map<String, Object> all, List<String> names) {
        if (names.isEmpty()) {
            return all;
        }
        Map<String, Object> selected = new LinkedHashMap<>();
        names.forEach(name -> selected.put(name, all.get(name)));
        return selected;
    }

    private Object getUserInformation(Call call) {
        return select(information.of(call.principal().username()), call.args().getMultiple("name"));
    }
}
