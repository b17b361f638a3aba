package dev.openuapi.auth;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.token.IpAllowList;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Where the client sent a request: the host and port it addressed ({@code Host}, or the first
 * {@code X-Forwarded-Host} when the peer is one of {@code openuapi.trusted-proxies}) and whether it came over HTTPS
 * (the connection, or a trusted proxy's {@code X-Forwarded-Proto}). A client that is not a trusted proxy chooses
 * neither beyond what it could choose anyway by connecting elsewhere.
 */
@ApplicationScoped
public class RequestOrigin {

    static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";

    private final List<String> trustedProxies;

    RequestOrigin(OpenUapiConfig config) {
        this.trustedProxies = IpAllowList.normalize(config.trustedProxies().orElse(List.of()));
    }

    /** {@code host[:port]} as the client addressed it; {@code null} without a {@code Host} header. */
    public String host(HttpServerRequest request) {
        String forwarded = fromTrustedProxy(request, X_FORWARDED_HOST);
        return forwarded != null ? forwarded : request.getHeader(HttpHeaders.HOST);
    }

    /** Whether the client's request came over HTTPS. */
    public boolean https(HttpServerRequest request) {
        String proto = fromTrustedProxy(request, X_FORWARDED_PROTO);
        return proto != null ? proto.toLowerCase(Locale.ROOT).equals("https") : request.isSSL();
    }

    /**
     * The port the client addressed: the one its host names, else the scheme's (443, 80); the port the connection
     * arrived on when there is no host to read.
     */
    public int port(HttpServerRequest request) {
        String host = host(request);
        if (host != null && !host.isBlank()) {
            try {
                int port = new URI("http://" + host.trim()).getPort();
                if (port >= 0) {
                    return port;
                }
                return https(request) ? 443 : 80;
            } catch (Exception e) {
                // unreadable: fall through to the connection's own port
            }
        }
        return request.localAddress() == null ? -1 : request.localAddress().port();
    }

    /** The first value of a header a trusted proxy sent, or {@code null} (not sent, or not by a trusted proxy). */
    private String fromTrustedProxy(HttpServerRequest request, String header) {
        String value = request.getHeader(header);
        if (value == null || trustedProxies == null) {
            return null;
        }
        String peer = ClientAddress.peer(request);
        if (peer.isEmpty() || !IpAllowList.allows(trustedProxies, peer)) {
            return null;
        }
        int comma = value.indexOf(',');
        return (comma < 0 ? value : value.substring(0, comma)).trim();
    }
}
