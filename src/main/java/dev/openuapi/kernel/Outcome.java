package dev.openuapi.kernel;

import java.util.List;

/**
 * What running a function produced, before any API face shapes it: UAPI's envelope, API 2's
 * {@code cpanelresult}, or the UAPI-in-json-api wrapper.
 *
 * @param status  {@link Status#OK} when the function ran to completion
 * @param errors  error texts; an API 2 function may report one while still returning data
 */
public record Outcome(Status status, Object data, List<String> errors, List<String> warnings, List<String> messages) {

    public enum Status {
        OK,
        /** Refused or failed: bad arguments, missing feature, the function's own error. */
        FAILED,
        /** No such module or function: API 2 words this "Could not find function". */
        NOT_FOUND
    }

    public static Outcome failed(String error) {
        return new Outcome(Status.FAILED, null, List.of(error), List.of(), List.of());
    }

    public static Outcome notFound(String error) {
        return new Outcome(Status.NOT_FOUND, null, List.of(error), List.of(), List.of());
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
