package dev.openuapi.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The single declaration of an API function: its name, parameters, result shape, summary and the feature
 * it needs, plus the code that runs it. The dispatcher, the parameter checks and the OpenAPI document
 * all read this one object.
 *
 * @param example a successful answer's {@code data}, shown in the OpenAPI document inside the face's own envelope;
 *                {@code null} for none
 * @param api0    for a WHM API 1 function that WHM API 0 also reaches: API 0's argument names and answer shape;
 *                {@code null} for none
 * @param exampleCall how the example is run live against a fresh account (see {@link ExampleCall})
 * @param changesState whether a call may change anything (data, settings, files, another server's state): a read-only
 *                     token may call only functions declared {@link Builder#readsOnly() readsOnly()}. Every UAPI and
 *                     API 2 function declares it ({@link Builder#handledBy} refuses one that does not); a WHM API 1
 *                     function may leave it out and then counts as changing state, so that a read-only token is never
 *                     let through by omission.
 * @param runsCalls    whether the function only runs other calls through the {@link Dispatcher} with the same account
 *                     ({@code Batch::strict}): a token's scope is then checked on each of those calls, not on this one
 */
public record ApiFunction(ApiKind kind, String name, String summary, String description, List<Param> params,
        Shape result, String feature, String acl, Handler handler, Example example, Api0 api0, ExampleCall exampleCall,
        boolean changesState, boolean runsCalls) {

    /** An example answer's {@code data}, as the handler returns it (typed rows, a string, or {@code null} for no data). */
    public record Example(Object data) {
    }

    /** An example's data given as JSON text (copied from cPanel's reference), parsed when the document is built. */
    public record JsonText(String json) {
    }

    /**
     * How the example answer is proved: the live-examples test calls the function with its parameters' examples on a
     * fresh account and checks that the answer has the example's shape (keys and JSON types). Arguments and setup calls
     * are written for cPanel's documentation account, user {@code example} with domain {@code example.com}; the test
     * puts the fresh account's user and domain in their place.
     *
     * @param setup    calls made first, as the fresh account (UAPI {@code /execute/…} and API 2 {@code /json-api/cpanel?…}
     *                 paths) or as root (WHM {@code /json-api/<function>?…}), each a path with its query
     * @param args     the query the example call sends, when it is not every parameter's example (say, two parameters
     *                 that exclude each other); {@code null} for every parameter's example
     * @param isolated why the call changes state that other calls share (run in a test profile of its own);
     *                 {@code null} when it does not
     * @param notLive  why the example cannot be run live at all (listed by the test); {@code null} when it can
     */
    public record ExampleCall(List<String> setup, String args, String isolated, String notLive) {
        static final ExampleCall PLAIN = new ExampleCall(List.of(), null, null, null);
    }

    /** The function body: returns the result's {@code data} or throws {@link dev.openuapi.common.ApiException}. */
    @FunctionalInterface
    public interface Handler {
        Object run(Call call);
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    public static final class Builder {
        private final String name;
        private ApiKind kind = ApiKind.UAPI;
        private String summary;
        private String description = "";
        private final List<Param> params = new ArrayList<>();
        private Shape result = Shape.none();
        private String feature;
        private String acl;
        private Example example;
        private Api0 api0;
        private final List<String> exampleSetup = new ArrayList<>();
        private String exampleArgs;
        private String exampleIsolated;
        private String exampleNotLive;
        private Boolean changesState;
        private boolean runsCalls;

        private Builder(String name) {
            this.name = name;
        }

        /** Declares a cPanel API 2 function (the default is UAPI). */
        public Builder api2() {
            this.kind = ApiKind.API2;
            return this;
        }

        /** Declares a WHM API 1 function. */
        public Builder whm1() {
            this.kind = ApiKind.WHM1;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder param(Param param) {
            params.add(param);
            return this;
        }

        public Builder returns(Shape result) {
            this.result = result;
            return this;
        }

        /** A feature this function needs on top of its module's feature. */
        public Builder feature(String feature) {
            this.feature = feature;
            return this;
        }

        /** The function changes nothing: a read-only token may call it. */
        public Builder readsOnly() {
            this.changesState = false;
            return this;
        }

        /** The function may change data, settings or files: a read-only token may not call it. */
        public Builder changesState() {
            this.changesState = true;
            return this;
        }

        /**
         * The function only runs other calls, each through {@link Dispatcher#run} as the same account: a scoped or
         * read-only token may call it, and each inner call meets the token's scope (issue 19 §1).
         */
        public Builder runsCalls() {
            this.runsCalls = true;
            return this;
        }

        /** The WHM privilege (ACL) a WHM API 1 function needs; see {@link dev.openuapi.operator.Acl}. */
        public Builder acl(String acl) {
            this.acl = acl;
            return this;
        }

        /**
         * The data of an example answer, as the handler would return it (typed rows, a string, or {@code null} for a
         * function that returns none): the OpenAPI document wraps it in the face's envelope.
         */
        public Builder example(Object data) {
            this.example = new Example(data);
            return this;
        }

        /**
         * The function is also WHM API 0's: reached without {@code api.version}, with API 0's argument names, and
         * answered in API 0's shape (see {@link Api0}). Only for WHM functions.
         */
        public Builder api0(Api0 api0) {
            this.api0 = Objects.requireNonNull(api0, "api0");
            return this;
        }

        /** The same, as JSON text: for an example taken from cPanel's reference. */
        public Builder exampleJson(String json) {
            this.example = new Example(new JsonText(Objects.requireNonNull(json, "json")));
            return this;
        }

        /**
         * Calls that the live-examples test makes before the example call, in order, each a path with its query, for
         * the documentation account {@code example} / {@code example.com} (see {@link ExampleCall}): say, the mailbox
         * that a delete example deletes. A call written {@code "poll /execute/…"} is made again until it answers with
         * data: for a job that an earlier setup call started (a backup).
         */
        public Builder exampleSetup(String... calls) {
            exampleSetup.addAll(List.of(calls));
            return this;
        }

        /** The example call's query, when it is not every parameter's example (see {@link ExampleCall#args}). */
        public Builder exampleArgs(String query) {
            this.exampleArgs = Objects.requireNonNull(query, "query");
            return this;
        }

        /** The example call changes state shared beyond its account: the test runs it in a profile of its own. */
        public Builder exampleIsolated(String reason) {
            this.exampleIsolated = Objects.requireNonNull(reason, "reason");
            return this;
        }

        /** The example cannot be run live; the reason is listed by the live-examples test. */
        public Builder exampleNotLive(String reason) {
            this.exampleNotLive = Objects.requireNonNull(reason, "reason");
            return this;
        }

        /** A function that acts and returns no data ({@code data: null}). */
        public ApiFunction doing(java.util.function.Consumer<Call> action) {
            this.result = Shape.none();
            return handledBy(call -> {
                action.accept(call);
                return null;
            });
        }

        public ApiFunction handledBy(Handler handler) {
            if ((kind == ApiKind.WHM1) != (acl != null)) {
                throw new IllegalStateException(name + ": every WHM API 1 function, and only those, declares its ACL");
            }
            if (api0 != null && kind != ApiKind.WHM1) {
                throw new IllegalStateException(name + ": only a WHM function has a WHM API 0 form");
            }
            if (changesState == null && kind != ApiKind.WHM1) {
                throw new IllegalStateException(name + ": every UAPI and API 2 function declares whether it changes state"
                        + " (readsOnly() or changesState())");
            }
            return new ApiFunction(kind, name, Objects.requireNonNull(summary, "summary"), description, List.copyOf(params),
                    result, feature, acl, handler, example, api0,
                    exampleSetup.isEmpty() && exampleArgs == null && exampleIsolated == null && exampleNotLive == null
                            ? ExampleCall.PLAIN : new ExampleCall(List.copyOf(exampleSetup), exampleArgs, exampleIsolated, exampleNotLive),
                    changesState == null || changesState, runsCalls);
        }
    }
}
