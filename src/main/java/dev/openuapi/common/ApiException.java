package dev.openuapi.common;

/**
 * A refusal that the caller caused and may read: bad input, a missing object, a conflict. The message is
 * written for the caller (cPanel's wording where cPanel has one). Each API face renders it in its own
 * format: an error in the UAPI envelope on {@code /execute}, {@code application/problem+json} on
 * {@code /api/v1}, with the HTTP status taken from {@link Kind}.
 */
public class ApiException extends RuntimeException {

    public enum Kind {
        INVALID(400, "Invalid request"),
        UNAUTHORIZED(401, "Unauthorized"),
        FORBIDDEN(403, "Forbidden"),
        NOT_FOUND(404, "Not found"),
        CONFLICT(409, "Conflict");

        public final int httpStatus;
        public final String title;

        Kind(int httpStatus, String title) {
            this.httpStatus = httpStatus;
            this.title = title;
        }
    }

    private final Kind kind;

    public ApiException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static ApiException invalid(String message) {
        return new ApiException(Kind.INVALID, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(Kind.NOT_FOUND, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(Kind.CONFLICT, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(Kind.FORBIDDEN, message);
    }
}
