package dev.openuapi.session;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.common.ServerIdentity;
import dev.openuapi.face.Face;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;
import dev.openuapi.operator.Acl;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * WHM API 1 {@code create_user_session} (api.docs.cpanel.net, Session): a session for an account (cpaneld) or a WHM
 * user (whostmgrd) that a browser enters once, without a password, through the answer's {@code url}.
 */
@ApplicationScoped
public class UserSessionModule implements ApiModule {

    private static final Param USER = Param.string("user", "The session's user: a cPanel account's username (cpaneld); yourself, "
            + "or for root a reseller (whostmgrd).").required().example("example");
    private static final Param SERVICE = Param.string("service", "The session's service: cpaneld (the cPanel APIs) or whostmgrd "
            + "(WHM API 1). OpenUAPI has no Webmail, so not webmaild.").required().example("cpaneld");

    /**
     * cPanel's answer (the fields of wp_dashboard_create_login_link, which documents the same data, and the example of
     * create_user_session's page), keys in cPanel's (sorted) order.
     */
    @RegisterForReflection
    @Schema(description = "The new session.")
    record CreatedSession(
            @JsonProperty("cp_security_token") @Schema(description = "The session's security token.", example = "/cpsess1234567890")
            String cpSecurityToken,
            @Schema(description = "Until when the URL logs in, in Unix epoch seconds: unused for the idle timeout, the session ends.",
                    example = "1401993893") long expires,
            @Schema(description = "The session's service.", example = "cpaneld") String service,
            @Schema(description = "The session's one-time login string (the URL's session argument).",
                    example = "alice:Ab3dEf6hIj9kLm2nOp5qRs8t:create_user_session,5dc619831bac4aa2") String session,
            @Schema(description = "Opens the session once, without a password.",
                    example = "https://host.example.com:2083/cpsess1234567890/login/?session=alice%3AAb3dEf6hIj9kLm2nOp5qRs8t"
                            + "%3Acreate_user_session%2C5dc619831bac4aa2") String url) {
    }

    /** cPanel's documented example, in OpenUAPI's shape of the values. */
    static final CreatedSession EXAMPLE = new CreatedSession("/cpsess1234567890", 1401993893L, "cpaneld",
            "alice:Ab3dEf6hIj9kLm2nOp5qRs8t:create_user_session,5dc619831bac4aa2",
            "https://host.example.com:2083/cpsess1234567890/login/?session=alice%3AAb3dEf6hIj9kLm2nOp5qRs8t%3Acreate_user_session%2C5dc619831bac4aa2");

    private final SessionService sessions;
    private final ServerIdentity server;
    private final int httpsPort;

    UserSessionModule(SessionService sessions, ServerIdentity server,
            @ConfigProperty(name = "quarkus.http.ssl-port", defaultValue = "2083") int httpsPort,
            @ConfigProperty(name = "quarkus.http.test-ssl-port", defaultValue = "8444") int testHttpsPort) {
        this.sessions = sessions;
        this.server = server;
        this.httpsPort = LaunchMode.current() == LaunchMode.TEST ? testHttpsPort : httpsPort; // the port it listens on
    }

    @Override
    public String name() {
        return WHM;
    }

    @Override
    public String group() {
        return "Authentication";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(ApiFunction.named("create_user_session").whm1().acl(Acl.CREATE_USER_SESSION).summary("Create a temporary user session")
                .description("A session for an account you may manage (service=cpaneld), or for yourself (service=whostmgrd; root may "
                        + "also make one for a reseller). Its url logs in once, without a password, and sets the session's cookie; "
                        + "unused for the idle timeout (openuapi.sessions.idle-timeout, 15 minutes), it ends.")
                .param(USER)
                .param(SERVICE)
                .returns(Shape.of(CreatedSession.class))
                .example(EXAMPLE)
                .handledBy(this::create));
    }

    private CreatedSession create(Call call) {
        String service = SERVICE.from(call);
        Daemon daemon = Daemon.named(service).orElseThrow(() -> ApiException.invalid("webmaild".equals(service)
                ? "The service “webmaild” is not available: OpenUAPI has no Webmail."
                : Quote.of(service) + " is not a valid service: use cpaneld or whostmgrd."));
        SessionService.Issued issued = sessions.createForUser(call.whmUser(), daemon, USER.from(call));
        String token = Face.prefixOf(issued.securityToken());
        String url = "https://" + server.hostname() + ":" + httpsPort + token + "/login/?session=" + SessionSecrets.encode(issued.secret());
        return new CreatedSession(token, issued.idleEndsAt() / 1000, daemon.wireName(), issued.secret(), url);
    }
}
