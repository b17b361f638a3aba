package dev.openuapi.ssl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Shape;

/**
 * UAPI {@code SSL} and API 2 {@code SSL::installssl}: the last step of an ACME client's run. Certificate
 * installs usually arrive as GET query strings of several KB; the HTTP limits allow 64 KB.
 */
@ApplicationScoped
public class SslModule implements ApiModule {

    public static final String FEATURE = "sslinstall";

    private static final Shape CERTIFICATE = Shape.object("A stored certificate (never its key).")
            .field("id", Shape.string("The certificate's id."))
            .field("friendly_name", Shape.string("A readable name."))
            .field("domains", Shape.arrayOf("The names it covers.", Shape.string("A name.")))
            .field("subject.commonName", Shape.string("Subject CN."))
            .field("issuer.commonName", Shape.string("Issuer CN."))
            .field("issuer.organizationName", Shape.string("Issuer O.").orNull())
            .field("not_before", Shape.integer("Valid from (Unix epoch)."))
            .field("not_after", Shape.integer("Valid until (Unix epoch)."))
            .field("is_self_signed", Shape.integer("1 or 0."))
            .field("key_algorithm", Shape.string("rsaEncryption or id-ecPublicKey."))
            .field("modulus_length", Shape.integer("Key size in bits."))
            .field("serial", Shape.string("Serial number, hex."))
            .field("signature_algorithm", Shape.string("Signature algorithm."))
            .field("domain_is_configured", Shape.integer("1 when installed on one of the account's domains."))
            .build();

    private final SslService ssl;

    SslModule(SslService ssl) {
        this.ssl = ssl;
    }

    @Override
    public String name() {
        return "SSL";
    }

    @Override
    public Optional<String> feature() {
        return Optional.of(FEATURE);
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(
                ApiFunction.named("install_ssl")
                        .summary("Install a certificate on a domain")
                        .description("Installs the certificate and its key on one of the account's domains. Refused when the key "
                                + "does not match, the certificate does not cover the domain or is not valid now, or the domain "
                                + "belongs to another account. The key is stored encrypted. Send large PEM values with POST.")
                        .param(Param.of("domain", ParamType.DOMAIN, "The domain.").required().example("example.com"))
                        .param(Param.string("cert", "The certificate, PEM.").required())
                        .param(Param.string("key", "The private key, PEM (PKCS#8, PKCS#1 RSA or SEC1 EC; unencrypted).").required())
                        .param(Param.string("cabundle", "The CA bundle, PEM."))
                        .returns(Shape.object("What was installed.")
                                .field("action", Shape.string("install"))
                                .field("cert_id", Shape.string("The stored certificate's id."))
                                .field("domain", Shape.string("The domain."))
                                .field("ip", Shape.string("The IP address it is served on."))
                                .field("user", Shape.string("The account."))
                                .field("message", Shape.string("What happened."))
                                .field("statusmsg", Shape.string("The same."))
                                .field("working_domains", Shape.arrayOf("Names of the vhost the certificate covers.", Shape.string("A name.")))
                                .build())
                        .handledBy(this::installSsl),
                ApiFunction.named("list_certs")
                        .summary("List the account's certificates")
                        .returns(Shape.arrayOf("The certificates.", CERTIFICATE))
                        .handledBy(call -> ssl.listCertificates(call.principal().accountId())),
                ApiFunction.named("installed_hosts")
                        .summary("List the domains with an installed certificate")
                        .returns(Shape.arrayOf("The installations.", Shape.object("An installed host.")
                                .field("servername", Shape.string("The domain."))
                                .field("docroot", Shape.string("Its document root."))
                                .field("fqdns", Shape.arrayOf("Names served.", Shape.string("A name.")))
                                .field("ip", Shape.string("IP address."))
                                .field("port", Shape.integer("443."))
                                .field("certificate", CERTIFICATE)
                                .build()))
                        .handledBy(call -> ssl.installedHosts(call.principal().accountId())),
                ApiFunction.named("delete_ssl")
                        .summary("Uninstall the certificate of a domain")
                        .description("The certificate stays stored; delete_cert removes it.")
                        .param(Param.of("domain", ParamType.DOMAIN, "The domain.").required())
                        .returns(Shape.none())
                        .handledBy(this::deleteSsl),
                ApiFunction.named("delete_cert")
                        .summary("Delete a stored certificate")
                        .description("Deletes the certificate, by id or friendly name, and uninstalls it wherever it is installed.")
                        .param(Param.string("id", "The certificate's id or friendly name (friendly_name is accepted too)."))
                        .param(Param.string("friendly_name", "The certificate's friendly name."))
                        .returns(Shape.none())
                        .handledBy(this::deleteCert),
                ApiFunction.named("installssl").api2()
                        .summary("Install a certificate on a domain (API 2)")
                        .description("The API 2 form of install_ssl, which certbot's cPanel plugin uses: data[0].result is 1 or 0 "
                                + "and data[0].output says what happened.")
                        .param(Param.of("domain", ParamType.DOMAIN, "The domain.").example("example.com"))
                        .param(Param.string("crt", "The certificate, PEM."))
                        .param(Param.string("key", "The private key, PEM."))
                        .param(Param.string("cabundle", "The CA bundle, PEM."))
                        .returns(Shape.arrayOf("One element.", Shape.object("The outcome.")
                                .field("result", Shape.integer("1 or 0."))
                                .field("output", Shape.string("What happened, or why not."))
                                .build()))
                        .handledBy(this::installSslApi2));
    }

    private Object installSsl(Call call) {
        SslService.Installed installed = ssl.install(call.principal().accountId(), call.args().get("domain"), call.args().get("cert"),
                call.args().get("key"), call.args().get("cabundle"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("action", "install");
        data.put("cert_id", installed.certificate().certId);
        data.put("key_id", installed.keyId());
        data.put("domain", installed.domain());
        data.put("ip", ssl.ip());
        data.put("user", call.principal().username());
        data.put("html", installed.message());
        data.put("message", installed.message());
        data.put("statusmsg", installed.message());
        data.put("extra_certificate_domains", List.of());
        data.put("warning_domains", List.of());
        data.put("working_domains", installed.workingDomains());
        return data;
    }

    private Object installSslApi2(Call call) {
        Map<String, Object> row = new LinkedHashMap<>();
        try {
            SslService.Installed installed = ssl.install(call.principal().accountId(), call.args().get("domain"), call.args().get("crt"),
                    call.args().get("key"), call.args().get("cabundle"));
            row.put("result", 1);
            row.put("output", installed.message());
        } catch (ApiException e) {
            row.put("result", 0);
            row.put("output", e.getMessage());
            call.error(e.getMessage());
        }
        return List.of(row);
    }

    private Object deleteSsl(Call call) {
        if (!ssl.uninstall(call.principal().accountId(), call.args().get("domain"))) {
            throw ApiException.notFound("The domain “" + call.args().get("domain") + "” has no installed certificate.");
        }
        return null;
    }

    private Object deleteCert(Call call) {
        String id = call.args().get("id");
        String name = id == null || id.isEmpty() ? call.args().get("friendly_name") : id;
        if (name == null || name.isEmpty()) {
            throw ApiException.invalid("Provide the “id” or the “friendly_name” argument.");
        }
        ssl.delete(call.principal().accountId(), name);
        return null;
    }
}
