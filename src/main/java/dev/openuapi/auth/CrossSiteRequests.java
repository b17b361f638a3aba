package dev.openuapi.auth;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.openuapi.config.OpenUapiConfig;
import io.quarkus.runtime.LaunchMode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Cross-site request forgery (issue 12 §3). A browser attaches what it holds for a site (cached HTTP Basic
 * credentials, cookies) to any request another site makes it send, but it cannot attach a {@code cpanel} or
 * {@code whm} Authorization header without a CORS preflight, which OpenUAPI refuses. So a request carrying
 * Basic credentials or a cookie is refused when the browser says it comes from another site:
 * {@code Sec-Fetch-Site: cross-site}, or an {@code Origin} that is not one of the service's own.
 *
 * <p>The service's own origins: the request's host ({@code Host}, or the first {@code X-Forwarded-Host} when the
 * peer is a trusted proxy) with the port the client used (or 80 and 443 when it named none), or with either of
 * the service's own ports (plain HTTP and HTTPS); plus {@code openuapi.trusted-origins}. Programs send neither
 * header and are unaffected; the token page is same-origin.
 */
@ApplicationScoped
public class CrossSiteRequests {

    /** Why the face refuses such a request. */
    public static final String REFUSED = "Cross-site requests with browser credentials (HTTP Basic or a cookie) are refused.";

    static final String SEC_FETCH_SITE = "Sec-Fetch-Site";
    private final RequestOrigin requestOrigin;
    private final Set<String> trustedOrigins = new HashSet<>();
    private final Set<Integer> ownPorts = new HashSet<>();

    CrossSiteRequests(OpenUapiConfig config, RequestOrigin requestOrigin, @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort,
            @ConfigProperty(name = "quarkus.http.ssl-port", defaultValue = "8443") int sslPort,
            @ConfigProperty(name = "quarkus.http.test-port", defaultValue = "8081") int testPort,
            @ConfigProperty(name = "quarkus.http.test-ssl-port", defaultValue = "8444") int testSslPort) {
        this.requestOrigin = requestOrigin;
        for (String origin : config.trustedOrigins().orElse(List.of())) {
            String normalized = normalizeOrigin(origin.trim());
            if (normalized == null) {
                throw new IllegalArgumentException("openuapi.trusted-origins: “" + origin + "” is not an origin (scheme://host[:port])");
            }
            trustedOrigins.add(normalized);
        }
        boolean test = LaunchMode.current() == LaunchMode.TEST;
        ownPorts.add(test ? testPort : httpPort);
        ownPorts.add(test ? testSslPort : sslPort);
    }

    /** Whether this request must be refused: browser credentials, sent on another site's behalf. */
    public boolean refused(HttpServerRequest request, AuthorizationHeader presented) {
        boolean browserCredentials = (presented != null && presented.scheme() == AuthorizationHeader.Scheme.BASIC)
                || request.headers().contains(HttpHeaders.COOKIE);
        if (!browserCredentials) {
            return false;
        }
        String site = request.getHeader(SEC_FETCH_SITE);
        if (site != null && site.trim().equalsIgnoreCase("cross-site")) {
            return true;
        }
        List<String> origins = request.headers().getAll(HttpHeaders.ORIGIN);
        for (String origin : origins) {
            if (!isOwn(origin, requestOrigin.host(request), request.localAddress() == null ? -1 : request.localAddress().port())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code origin} is one of the service's own for a request addressed to {@code hostHeader}
     * ({@code host[:port]}) and received on {@code localPort}.
     */
    boolean isOwn(String origin, String hostHeader, int localPort) {
        String normalized = normalizeOrigin(origin == null ? "" : origin.trim());
        if (normalized == null) {
            return false; // "null" (sandboxed frames, some redirects) and garbage are nobody's own
        }
        if (trustedOrigins.contains(normalized)) {
            return true;
        }
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        URI addressed;
        URI from;
        try {
            addressed = new URI("http://" + hostHeader.trim());
            from = new URI(normalized);
        } catch (Exception e) {
            return false;
        }
        if (addressed.getHost() == null || !addressed.getHost().equalsIgnoreCase(from.getHost())) {
            return false;
        }
        Set<Integer> ports = new HashSet<>(ownPorts);
        if (addressed.getPort() >= 0) {
            ports.add(addressed.getPort());
        } else {
            ports.add(80);
            ports.add(443);
        }
        if (localPort > 0) {
            ports.add(localPort);
        }
        return ports.contains(from.getPort());
    }

    /** {@code scheme://host:port}, lower case, with the scheme's default port written out; {@code null} if not an origin. */
    static String normalizeOrigin(String origin) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return null;
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (Exception e) {
            return null;
        }
    }
}
