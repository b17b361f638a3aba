package dev.openuapi.face;

import static dev.openuapi.face.Credential.ACCOUNT_PASSWORD;
import static dev.openuapi.face.Credential.CPANEL_TOKEN;
import static dev.openuapi.face.Credential.RESELLER_PASSWORD;
import static dev.openuapi.face.Credential.ROOT_PASSWORD;
import static dev.openuapi.face.Credential.WHM_TOKEN;

import java.util.EnumSet;
import java.util.Set;

import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import dev.openuapi.face.rest.Problem;

/**
 * The faces OpenUAPI shows the world, told apart by URL: the only code that reads URL prefixes. Each face
 * says which credentials it takes and how it refuses a request; {@link FaceErrors} renders each face's
 * errors in its own envelope.
 *
 * <pre>
 * UAPI   /execute/Module/function          cPanel token, account password
 * API2   /json-api/cpanel                  the same, and a WHM user acting as one of its accounts
 * WHM1   /json-api/function                WHM token, root's password, a reseller's password
 * REST   /api/v1/tokens                    cPanel token, account password (our REST API)
 * ADMIN  /api/... (the rest)               root's password (our REST API for the operator)
 * PAGE   /tokens/                          none (its script calls REST)
 * OTHER  everything else (OpenAPI, ...)    none
 * </pre>
 */
public enum Face {
    UAPI(EnumSet.of(CPANEL_TOKEN, ACCOUNT_PASSWORD)),
    API2(EnumSet.of(CPANEL_TOKEN, ACCOUNT_PASSWORD, WHM_TOKEN, ROOT_PASSWORD, RESELLER_PASSWORD)),
    WHM1(EnumSet.of(WHM_TOKEN, ROOT_PASSWORD, RESELLER_PASSWORD)),
    REST(EnumSet.of(CPANEL_TOKEN, ACCOUNT_PASSWORD)),
    ADMIN(EnumSet.of(ROOT_PASSWORD)),
    PAGE(EnumSet.noneOf(Credential.class)),
    OTHER(EnumSet.noneOf(Credential.class));

    /** Where the Manage API Tokens page lives. */
    public static final String PAGE_ROOT = "/tokens/";

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
        if (path.equals("/api/v1/tokens") || path.startsWith("/api/v1/tokens/")) {
            return REST;
        }
        if (path.startsWith("/api/")) {
            return ADMIN;
        }
        if (path.startsWith(PAGE_ROOT) || path.equals("/tokens")) {
            return PAGE;
        }
        return OTHER;
    }

    /** The request's path, with its leading slash. */
    public static String pathOf(UriInfo uri) {
        String path = uri.getPath();
        return path.startsWith("/") ? path : "/" + path;
    }

    public boolean accepts(Credential credential) {
        return credentials.contains(credential);
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
            case REST, ADMIN -> Problem.reply(401, "Unauthorized", "Valid credentials are required.", path);
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
            case REST, ADMIN -> Problem.reply(429, "Too Many Requests",
                    "Too many failed logins from this address: try again in " + retryAfterSeconds + " seconds.", path);
            default -> unauthorized(path);
        };
        return reply.withHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }

    /** The answer to a login from an address on cPHulk's deny list: the face's ordinary login failure, or 403 on REST. */
    public Reply deniedAddress(String path) {
        return switch (this) {
            case REST, ADMIN -> Problem.reply(403, "Forbidden", "Logins from this address are not allowed.", path);
            default -> unauthorized(path);
        };
    }

    /** cPHulk's name for the service a login on this face is for: cPanel's or WHM's. */
    public String loginService() {
        return this == WHM1 || this == ADMIN ? "whostmgrd" : "cpaneld";
    }

    /** The answer to credentials that this face (or this use of it) does not take. */
    public Reply forbidden(String path, String reason) {
        return switch (this) {
            case REST, ADMIN -> Problem.reply(403, "Forbidden", reason, path);
            default -> Reply.text(403, reason);
        };
    }

    /**
     * What cpsrvd answers on {@code /json-api/} when a login fails (spec §2.5): 403 and this body, with
     * {@code apiversion} and {@code result} as strings.
     */
    public static Reply accessDenied(String reason) {
        return Reply.json(403, "{\"cpanelresult\":{\"apiversion\":\"2\",\"error\":" + jsonString(reason) + ",\"data\":{\"reason\":"
                + jsonString(reason) + ",\"result\":\"0\"},\"type\":\"text\"}}");
    }

    private static String jsonString(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }
}
