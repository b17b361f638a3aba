package dev.openuapi.face;

import static dev.openuapi.face.Credential.ACCOUNT_PASSWORD;
import static dev.openuapi.face.Credential.CPANEL_SESSION;
import static dev.openuapi.face.Credential.CPANEL_TOKEN;
import static dev.openuapi.face.Credential.RESELLER_PASSWORD;
import static dev.openuapi.face.Credential.ROOT_PASSWORD;
import static dev.openuapi.face.Credential.WHM_SESSION;
import static dev.openuapi.face.Credential.WHM_TOKEN;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import dev.openuapi.common.Quote;
import dev.openuapi.face.rest.Problem;
import dev.openuapi.face.uapi.UapiResult;
import dev.openuapi.kernel.ApiKind;
import dev.openuapi.kernel.ApiModule;

import io.vertx.core.json.JsonObject;

/**
 * The faces OpenUAPI shows the world, told apart by URL: the only code that reads URL prefixes. Each face
 * says which credentials it takes and how it refuses a request; {@link FaceErrors} renders each face's
 * errors in its own envelope.
 *
 * <pre>
 * UAPI   /execute/Module/function          cPanel token, account password
 * API2   /json-api/cpanel                  the same, and a WHM user acting as one of its accounts
 * WHM1   /json-api/function                WHM token, root's password, a reseller's password
 * REST   /api/v1/tokens, /api/v1/features, /api/v1/activity  cPanel token, account password (our REST API)
 * WHM_REST /api/v1/whm/tokens               WHM token, root's password, a reseller's password (our REST API for WHM users)
 * ADMIN  /api/... (the rest)               root's password (our REST API for the operator)
 * PAGE   /tokens/                          none (its script calls REST)
 * LOGIN  /login/, /logout/                 none in a header: the login form carries user and pass
 * OTHER  everything else (OpenAPI, ...)    none
 * </pre>
 *
 * <p>A session's calls carry its security token as the path's first segment, {@code /cpsessNNNNNNNNNN}
 * (spec §1): {@link #sessionPath} reads it, and the rest of the path is the face's own. UAPI takes a cpaneld
 * session, WHM API 1 a whostmgrd one, API 2 both (a whostmgrd session acts as one of its accounts there).
 */
public enum Face {
    UAPI(EnumSet.of(CPANEL_TOKEN, ACCOUNT_PASSWORD, CPANEL_SESSION)),
    API2(EnumSet.of(CPANEL_TOKEN, ACCOUNT_PASSWORD, WHM_TOKEN, ROOT_PASSWORD, RESELLER_PASSWORD, CPANEL_SESSION, WHM_SESSION)),
    WHM1(EnumSet.of(WHM_TOKEN, ROOT_PASSWORD, RESELLER_PASSWORD, WHM_SESSION)),
    REST(EnumSet.of(CPANEL_TOKEN, ACCOUNT_PASSWORD)),
    /** Our REST API for a WHM user's own WHM tokens (issue 19 §3): root or a reseller, in problem+json. */
    WHM_REST(EnumSet.of(WHM_TOKEN, ROOT_PASSWORD, RESELLER_PASSWORD)),
    ADMIN(EnumSet.of(ROOT_PASSWORD)),
    PAGE(EnumSet.noneOf(Credential.class)),
    LOGIN(EnumSet.noneOf(Credential.class)),
    OTHER(EnumSet.noneOf(Credential.class));

    /** Where the Manage API Tokens page lives. */
    public static final String PAGE_ROOT = "/tokens/";

    /** The first segment of a session's paths, before the security token's digits (spec §1). */
    static final String SECURITY_TOKEN_PREFIX = "/cpsess";
    /** cPanel's security tokens have ten digits; clients that send a token of their own (spec §14) may send others. */
    private static final int MAX_SECURITY_TOKEN_DIGITS = 20;

    /**
     * A path under a session's security token: {@code /cpsess1234567890/execute/Tokens/list} is the token
     * {@code 1234567890} and the path {@code /execute/Tokens/list}.
     *
     * @param securityToken the digits
     * @param rest          the path without the token, at least {@code /}
     */
    public record SessionPath(String securityToken, String rest) {

        /** The token as cPanel writes it in answers and URLs: {@code /cpsess1234567890}. */
        public String prefix() {
            return prefixOf(securityToken);
        }
    }

    /** Why a credential is refused on a face that does not take it (spec §2.1, §2.2). */
    public static final String TOKEN_PATHS_ONLY = "Token authentication allows access to UAPI or API 2 calls only.";
    public static final String WHM_TOKEN_PATHS_ONLY = "WHM token authentication allows access to WHM API 1 calls, and to cPanel "
            + "APIs through /json-api/cpanel with cpanel_jsonapi_user, only.";

    private final Set<Credential> credentials;

    Face(Set<Credential> credentials) {
        this.credentials = credentials;
    }

    public static Face of(String rawPath) {
        int matrix = rawPath.indexOf(';'); // path parameters do not change which resource answers
        String path = matrix < 0 ? rawPath : rawPath.substring(0, matrix);
        if (path.startsWith("/execute/")) {
            return UAPI;
        }
        if (path.equals("/json-api/cpanel") || path.equals("/json-api/cpanel/")) {
            return API2;
        }
        if (path.startsWith("/json-api/")) {
            return WHM1;
        }
        if (path.equals("/api/v1/tokens") || path.startsWith("/api/v1/tokens/") || path.equals("/api/v1/features")
                || path.equals("/api/v1/activity")) {
            return REST;
        }
        if (path.equals("/api/v1/whm/tokens") || path.startsWith("/api/v1/whm/tokens/")) {
            return WHM_REST;
        }
        if (path.startsWith("/api/")) {
            return ADMIN;
        }
        if (path.startsWith(PAGE_ROOT) || path.equals("/tokens")) {
            return PAGE;
        }
        if (path.equals("/login") || path.startsWith("/login/") || path.equals("/logout") || path.startsWith("/logout/")) {
            return LOGIN;
        }
        return OTHER;
    }

    /**
     * The security token that begins {@code rawPath}, and the path after it; {@code null} when the path does not
     * begin with one. Several tokens in a row ({@code /cpsess1/cpsess2/…}) are all taken off; the first counts.
     */
    public static SessionPath sessionPath(String rawPath) {
        int end = tokenEnd(rawPath, 0);
        if (end < 0) {
            return null;
        }
        String token = rawPath.substring(SECURITY_TOKEN_PREFIX.length(), end);
        int rest = end;
        for (int next; (next = tokenEnd(rawPath, rest)) >= 0;) {
            rest = next;
        }
        return new SessionPath(token, rest == rawPath.length() ? "/" : rawPath.substring(rest));
    }

    /** {@code /cpsess} and the digits, the way answers and URLs write a security token. */
    public static String prefixOf(String securityToken) {
        return SECURITY_TOKEN_PREFIX + securityToken;
    }

    /** Where a security token that starts at {@code from} ends (before its {@code /} or the path's end), or -1. */
    private static int tokenEnd(String path, int from) {
        if (!path.startsWith(SECURITY_TOKEN_PREFIX, from)) {
            return -1;
        }
        int i = from + SECURITY_TOKEN_PREFIX.length();
        int digits = 0;
        while (i < path.length() && path.charAt(i) >= '0' && path.charAt(i) <= '9') {
            i++;
            digits++;
        }
        boolean ends = i == path.length() || path.charAt(i) == '/';
        return digits > 0 && digits <= MAX_SECURITY_TOKEN_DIGITS && ends ? i : -1;
    }

    /** The request's path, with its leading slash. */
    public static String pathOf(UriInfo uri) {
        String path = uri.getPath();
        return path.startsWith("/") ? path : "/" + path;
    }

    public boolean accepts(Credential credential) {
        return credentials.contains(credential);
    }

    /** Whether requests here are authenticated at all ({@code /login/} reads its form itself). */
    public boolean takesCredentials() {
        return !credentials.isEmpty();
    }

    /** The faces of cPanel's own APIs answer in cPanel's formats; the others in problem+json. */
    public boolean isCpanel() {
        return this == UAPI || this == API2 || this == WHM1;
    }

    /**
     * The answer to a failed login, which never says which part of the credentials was wrong (spec §2.5):
     * on {@code /json-api/} cpsrvd's 403 JSON body, on {@code /execute} a short 401, on our REST API a
     * problem+json 401 with a Basic challenge.
     */
    public Reply unauthorized(String path) {
        return switch (this) {
            case API2, WHM1 -> accessDenied("Access denied");
            case REST, WHM_REST, ADMIN -> Problem.reply(401, "Unauthorized", "Valid credentials are required.", path);
            default -> Reply.text(401, "Access denied");
        };
    }

    /**
     * The answer to a login cPHulk refuses while the address or user is blocked (spec §11): on cPanel's faces
     * exactly their ordinary login failure, so cPanel clients see what cPanel sends, plus {@code Retry-After};
     * on our REST API 429 problem+json with {@code Retry-After}.
     */
    public Reply tooManyAttempts(String path, long retryAfterSeconds) {
        Reply reply = switch (this) {
            case REST, WHM_REST, ADMIN -> Problem.reply(429, "Too Many Requests",
                    "Too many failed logins from this address: try again in " + retryAfterSeconds + " seconds.", path);
            default -> unauthorized(path);
        };
        return reply.withHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }

    /**
     * The answer to a call whose API token has used up its rate limit (issue 20 §2): 429 with {@code Retry-After} on every
     * face, which cPanel never sends (it has no per-token limit; compatibility-choices.md). The body is the face's own
     * failure: on UAPI its envelope with {@code status: 0}, on {@code /json-api/} cpsrvd's JSON refusal, on our REST API
     * problem+json; each carries {@code reason}. Not a failed login: cPHulk never hears of it.
     */
    public Reply rateLimited(String path, String reason, long retryAfterSeconds) {
        Reply reply = switch (this) {
            case REST, WHM_REST, ADMIN -> Problem.reply(429, "Too Many Requests", reason, path);
            case UAPI -> Reply.json(429, new JsonObject(UapiResult.failure(reason).toMap()).encode());
            case API2, WHM1 -> cpsrvdRefusal(429, reason);
            default -> Reply.text(429, reason);
        };
        return reply.withHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }

    /** The API, module and function a call on cPanel's faces names. */
    public record Called(ApiKind kind, String module, String function) {
    }

    /**
     * What a call on one of cPanel's faces names, read from its URL alone (the body is not read): UAPI's path
     * ({@code /execute/Module/function}), API 2's query string ({@code cpanel_jsonapi_module} and {@code _func}, UAPI with
     * {@code cpanel_jsonapi_apiversion=3}), WHM API 1's path ({@code /json-api/function}). For the activity log of a call
     * refused before it runs (a token's rate limit); the names are the caller's, not checked. {@code null} on the
     * other faces.
     *
     * @param query a query-string parameter by name, or {@code null}
     */
    public Called called(String rawPath, UnaryOperator<String> query) {
        int matrix = rawPath.indexOf(';');
        String path = matrix < 0 ? rawPath : rawPath.substring(0, matrix);
        return switch (this) {
            case UAPI -> {
                String rest = path.substring(Math.min(path.length(), "/execute/".length()));
                int slash = rest.indexOf('/');
                yield slash < 0 ? new Called(ApiKind.UAPI, rest, "")
                        : new Called(ApiKind.UAPI, rest.substring(0, slash), rest.substring(slash + 1));
            }
            case API2 -> new Called("3".equals(query.apply("cpanel_jsonapi_apiversion")) ? ApiKind.UAPI : ApiKind.API2,
                    query.apply("cpanel_jsonapi_module"), query.apply("cpanel_jsonapi_func"));
            case WHM1 -> new Called(ApiKind.WHM1, ApiModule.WHM, path.substring(Math.min(path.length(), "/json-api/".length())));
            default -> null;
        };
    }

    /** What a rate-limited call is told: the token and its limit, never its value. */
    public static String rateLimitReason(String tokenName, int perMinute) {
        return "The API token " + Quote.of(tokenName) + " is limited to " + perMinute + " call"
                + (perMinute == 1 ? "" : "s") + " a minute.";
    }

    /** The answer to a login from an address on cPHulk's deny list: the face's ordinary login failure, or 403 on REST. */
    public Reply deniedAddress(String path) {
        return switch (this) {
            case REST, WHM_REST, ADMIN -> Problem.reply(403, "Forbidden", "Logins from this address are not allowed.", path);
            default -> unauthorized(path);
        };
    }

    /** cPHulk's name for the service a login on this face is for: cPanel's or WHM's. */
    public String loginService() {
        return this == WHM1 || this == WHM_REST || this == ADMIN ? "whostmgrd" : "cpaneld";
    }

    /** The answer to credentials that this face (or this use of it) does not take. */
    public Reply forbidden(String path, String reason) {
        return switch (this) {
            case REST, WHM_REST, ADMIN -> Problem.reply(403, "Forbidden", reason, path);
            default -> Reply.text(403, reason);
        };
    }

    /**
     * What cpsrvd answers on {@code /json-api/} when a login fails (spec §2.5): 403 and this body, with
     * {@code apiversion} and {@code result} as strings.
     */
    public static Reply accessDenied(String reason) {
        return cpsrvdRefusal(403, reason);
    }

    private static Reply cpsrvdRefusal(int status, String reason) {
        return Reply.json(status, "{\"cpanelresult\":{\"apiversion\":\"2\",\"error\":" + jsonString(reason) + ",\"data\":{\"reason\":"
                + jsonString(reason) + ",\"result\":\"0\"},\"type\":\"text\"}}");
    }

    private static String jsonString(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }
}
