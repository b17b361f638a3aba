package dev.openuapi.ssl;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The certificate and key of the SSL examples: a self-signed EC certificate for {@code *.example}, valid for a hundred
 * years, so that it covers the fresh account ({@code exXXXXXX.example}) each live example runs on. For the OpenAPI
 * document only: it protects nothing.
 */
final class SslExamples {

    static final String CERT = ""
            + "-----BEGIN CERTIFICATE-----\n"
            + "MIIBlTCCATugAwIBAgIUbmjsliDelfLXrDnYAutAR7eTV0gwCgYIKoZIzj0EAwIw\n"
            + "FDESMBAGA1UEAwwJKi5leGFtcGxlMCAXDTI2MTIwMTE5NDY0N1oYDzIxMjYxMTA3\n"
            + "MTk0NjQ3WjAUMRIwEAYDVQQDDAkqLmV4YW1wbGUwWTATBgcqhkjOPQIBBggqhkjO\n"
            + "PQMBBwNCAATrGC63LJgX57O9hYQpvFILccIV+khnNbRWCY596hRcM2621ktwE4y8\n"
            + "HD98cWU/DQhg8ulSgUYxAZ3D+lABAwu1o2kwZzAdBgNVHQ4EFgQUvyIrlip/s/FJ\n"
            + "x9y0asIZ2BuQIVwwHwYDVR0jBBgwFoAUvyIrlip/s/FJx9y0asIZ2BuQIVwwDwYD\n"
            + "VR0TAQH/BAUwAwEB/zAUBgNVHREEDTALggkqLmV4YW1wbGUwCgYIKoZIzj0EAwID\n"
            + "SAAwRQIgIQmqRyIyfYyvtPzyEoUxH/Km12udU+qMRs2fJmk1M7MCIQCvP1jOVLaO\n"
            + "VdbO+UIiyUjQs3yYs82TYGFgD53Wj77HCg==\n"
            + "-----END CERTIFICATE-----\n";
    static final String KEY = ""
            + "-----BEGIN PRIVATE KEY-----\n"
            + "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgJffjHU3jqQOyvWa7\n"
            + "gWxgy+h+1AtWcvL2KcL4MLK7t22hRANCAATrGC63LJgX57O9hYQpvFILccIV+khn\n"
            + "NbRWCY596hRcM2621ktwE4y8HD98cWU/DQhg8ulSgUYxAZ3D+lABAwu1\n"
            + "-----END PRIVATE KEY-----\n";
    /** list_certs' friendly name of {@link #CERT}: its subject, its issuer and when it expires. */
    static final String FRIENDLY_NAME = "*.example (*.example) November 7, 2126";
    /** The setup call that installs {@link #CERT} on the documentation account's main domain. */
    static final String INSTALL = "/execute/SSL/install_ssl?domain=example.com&cert=" + encode(CERT) + "&key=" + encode(KEY);

    private SslExamples() {
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
