package dev.openuapi.ssl;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
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

    private static final Param DOMAIN = Param.of("domain", ParamType.DOMAIN, "The domain.").required().example("example.com");
    private static final Param CERT = Param.string("cert", "The certificate, PEM.").required()
            .example(SslExamples.CERT);
    private static final Param KEY = Param.string("key", "The private key, PEM (PKCS#8, PKCS#1 RSA or SEC1 EC; unencrypted).").required()
            .example(SslExamples.KEY);
    private static final Param CABUNDLE = Param.string("cabundle", "The CA bundle, PEM.").example(SslExamples.CERT);
    private static final Param INSTALLED_DOMAIN = Param.of("domain", ParamType.DOMAIN, "The domain.").required()
            .example("example.com");
    private static final Param ID = Param.string("id", "The certificate's id or friendly name (friendly_name is accepted too).")
            .example("_wildcard__example_eb9c2_2c0d4_4950445207_6f1a3c0e8b9d4f2a7c5e1b3d9f0a8c6e");
    private static final Param FRIENDLY_NAME = Param.string("friendly_name", "The certificate's friendly name.")
            .example(SslExamples.FRIENDLY_NAME);
    private static final Param API2_DOMAIN = Param.of("domain", ParamType.DOMAIN, "The domain.").example("example.com");
    private static final Param API2_CRT = Param.string("crt", "The certificate, PEM.").example(SslExamples.CERT);
    private static final Param API2_KEY = Param.string("key", "The private key, PEM.").example(SslExamples.KEY);

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
                ApiFunction.named("install_ssl").changesState()
                        .summary("Install a certificate on a domain")
                        .description("Installs the certificate and its key on one of the account's domains. Refused when the key "
                                + "does not match, the certificate does not cover the domain or is not valid now, or the domain "
                                + "belongs to another account. The key is stored encrypted. Send large PEM values with POST.")
                        .param(DOMAIN).param(CERT).param(KEY).param(CABUNDLE)
                        .returns(Shape.of(SslRows.Installed.class))
                        .exampleJson("""
                                {"action":"install","cert_id":"example_com_cb497_a394d_1521647999_de1fd0d3ebe2e8bc1be9a7a9c4c5e3c3",\
                                "key_id":"cb497_a394d","domain":"example.com","ip":"192.0.2.10","user":"example",\
                                "html":"The SSL certificate is now installed onto the domain “example.com” using the IP address “192.0.2.10”.",\
                                "message":"The SSL certificate is now installed onto the domain “example.com” using the IP address “192.0.2.10”.",\
                                "statusmsg":"The SSL certificate is now installed onto the domain “example.com” using the IP address “192.0.2.10”.",\
                                "extra_certificate_domains":[],"warning_domains":[],"working_domains":["example.com"]}""")
                        .handledBy(this::installSsl),
                ApiFunction.named("list_certs").readsOnly()
                        .summary("List the account's certificates")
                        .returns(Shape.arrayOf("The certificates.", Shape.of(SslRows.Certificate.class)))
                        .exampleJson("""
                                [{"id":"example_com_cb497_a394d_1521647999_de1fd0d3ebe2e8bc1be9a7a9c4c5e3c3","friendly_name":"example.com (Example CA) March 21, 2028",\
                                "domains":["example.com","www.example.com"],"subject.commonName":"example.com","issuer.commonName":"Example CA",\
                                "issuer.organizationName":"Example CA Ltd.","not_before":1490054400,"not_after":1837209599,"created":1532457193,\
                                "is_self_signed":0,"validation_type":null,"key_algorithm":"rsaEncryption","modulus_length":2048,\
                                "serial":"0a1b2c3d4e5f","signature_algorithm":"sha256WithRSAEncryption","domain_is_configured":1}]""")
                        .exampleSetup(SslExamples.INSTALL)
                        .handledBy(this::listCerts),
                ApiFunction.named("installed_hosts").readsOnly()
                        .summary("List the domains with an installed certificate")
                        .returns(Shape.arrayOf("The installations.", Shape.of(SslRows.InstalledHost.class)))
                        .exampleJson("""
                                [{"servername":"example.com","docroot":"/home/example/public_html","fqdns":["example.com","www.example.com"],\
                                "ip":"192.0.2.10","port":443,"type":"main_domain","user":"example","installed_at":1532457193,"certificate":\
                                {"id":"example_com_cb497_a394d_1521647999_de1fd0d3ebe2e8bc1be9a7a9c4c5e3c3","friendly_name":"example.com (Example CA) March 21, 2028",\
                                "domains":["example.com","www.example.com"],"subject.commonName":"example.com","issuer.commonName":"Example CA",\
                                "issuer.organizationName":"Example CA Ltd.","not_before":1490054400,"not_after":1837209599,"created":1532457193,\
                                "is_self_signed":0,"validation_type":null,"key_algorithm":"rsaEncryption","modulus_length":2048,\
                                "serial":"0a1b2c3d4e5f","signature_algorithm":"sha256WithRSAEncryption","domain_is_configured":1}}]""")
                        .exampleSetup(SslExamples.INSTALL)
                        .handledBy(this::installedHosts),
                ApiFunction.named("delete_ssl").changesState()
                        .summary("Uninstall the certificate of a domain")
                        .description("The certificate stays stored; delete_cert removes it.")
                        .param(INSTALLED_DOMAIN)
                        .returns(Shape.none())
                        .example(null)
                        .exampleSetup(SslExamples.INSTALL)
                        .handledBy(this::deleteSsl),
                ApiFunction.named("delete_cert").changesState()
                        .summary("Delete a stored certificate")
                        .description("Deletes the certificate, by id or friendly name, and uninstalls it wherever it is installed.")
                        .param(ID).param(FRIENDLY_NAME)
                        .returns(Shape.none())
                        .example(null)
                        .exampleSetup(SslExamples.INSTALL)
                        .exampleArgs("friendly_name=" + SslExamples.FRIENDLY_NAME)
                        .handledBy(this::deleteCert),
                ApiFunction.named("installssl").api2().changesState()
                        .summary("Install a certificate on a domain (API 2)")
                        .description("The API 2 form of install_ssl, which certbot's cPanel plugin uses: data[0].result is 1 or 0 "
                                + "and data[0].output says what happened.")
                        .param(API2_DOMAIN).param(API2_CRT).param(API2_KEY).param(CABUNDLE)
                        .returns(Shape.arrayOf("One element.", Shape.of(SslRows.Api2Outcome.class)))
                        .exampleJson("""
                                [{"result":1,"output":\
                                "The SSL certificate is now installed onto the domain “example.com” using the IP address “192.0.2.10”."}]""")
                        .handledBy(this::installSslApi2));
    }

    private SslRows.Installed installSsl(Call call) {
        SslService.Installed installed = ssl.install(call.principal().accountId(), DOMAIN.from(call), CERT.from(call), KEY.from(call),
                CABUNDLE.from(call));
        String message = installed.message();
        return new SslRows.Installed("install", installed.certificate().certId, installed.keyId(), installed.domain(), ssl.ip(),
                call.principal().username(), message, message, message, List.of(), List.of(), installed.workingDomains());
    }

    private List<SslRows.Api2Outcome> installSslApi2(Call call) {
        try {
            SslService.Installed installed = ssl.install(call.principal().accountId(), API2_DOMAIN.from(call), API2_CRT.from(call),
                    API2_KEY.from(call), CABUNDLE.from(call));
            return List.of(new SslRows.Api2Outcome(1, installed.message()));
        } catch (ApiException e) {
            call.error(e.getMessage());
            return List.of(new SslRows.Api2Outcome(0, e.getMessage()));
        }
    }

    private List<SslRows.Certificate> listCerts(Call call) {
        return ssl.listCertificates(call.principal().accountId()).stream().map(s -> certificate(s.certificate(), s.installed())).toList();
    }

    private List<SslRows.InstalledHost> installedHosts(Call call) {
        return ssl.installedHosts(call.principal().accountId()).stream()
                .map(host -> new SslRows.InstalledHost(host.domain(), host.documentRoot(), List.of(host.domain(), "www." + host.domain()),
                        ssl.ip(), 443, host.type(), host.username(), host.installedAt(), certificate(host.certificate(), true)))
                .toList();
    }

    /** SSL::list_certs' record: never the key. */
    private static SslRows.Certificate certificate(SslCertificate c, boolean configured) {
        return new SslRows.Certificate(c.certId, c.friendlyName, c.domains, c.subjectCn, c.issuerCn, c.issuerOrg, c.notBefore, c.notAfter,
                c.createdAt, c.selfSigned ? 1 : 0, null, c.keyAlgorithm, c.modulusLength, c.serial, c.signatureAlgorithm,
                configured ? 1 : 0);
    }

    private Object deleteSsl(Call call) {
        String domain = INSTALLED_DOMAIN.from(call);
        if (!ssl.uninstall(call.principal().accountId(), domain)) {
            throw ApiException.notFound("The domain " + Quote.of(domain) + " has no installed certificate.");
        }
        return null;
    }

    private Object deleteCert(Call call) {
        String id = ID.from(call);
        String name = id == null || id.isEmpty() ? FRIENDLY_NAME.from(call) : id;
        if (name == null || name.isEmpty()) {
            throw ApiException.invalid("Provide the “id” or the “friendly_name” argument.");
        }
        ssl.delete(call.principal().accountId(), name);
        return null;
    }
}
