package dev.openuapi.mysql;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Shape;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * UAPI {@code Mysql::get_server_information}: the hosting database server itself, beside {@link MysqlModule}'s
 * databases and users (the same module and feature).
 */
@ApplicationScoped
public class MysqlServerModule implements ApiModule {

    /** cPanel's {@code Cpanel::Mysql::Version::get_server_information}: host, is_remote, version. */
    @RegisterForReflection
    @Schema(description = "The MySQL server.")
    public record ServerInformation(
            @Schema(description = "The host OpenUAPI connects to; localhost when the server runs on this machine.") String host,
            @JsonProperty("is_remote") @Schema(description = "1: the server runs on another machine; 0: on this one.") int isRemote,
            @Schema(description = "The server's full version, e.g. 10.11.6-MariaDB-0+deb12u1.") String version) {
    }

    private final MysqlService mysql;

    MysqlServerModule(MysqlService mysql) {
        this.mysql = mysql;
    }

    @Override
    public String name() {
        return "Mysql";
    }

    @Override
    public Optional<String> feature() {
        return Optional.of(MysqlModule.FEATURE);
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(ApiFunction.named("get_server_information").readsOnly()
                .summary("Return MySQL server host information and version")
                .description("The hosting MariaDB server where the account's databases live: the host OpenUAPI connects to "
                        + "(quarkus.datasource.hosting.jdbc.url), whether that is another machine, and its version. Fails when the "
                        + "server cannot be reached.")
                .returns(Shape.of(ServerInformation.class))
                .exampleJson("{\"host\":\"localhost\",\"is_remote\":0,\"version\":\"10.11.6-MariaDB-0+deb12u1\"}")
                .handledBy(call -> {
                    MysqlService.ServerInformation info = mysql.serverInformation();
                    return new ServerInformation(info.host(), info.remote() ? 1 : 0, info.version());
                }));
    }
}
