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
 */
public record ApiFunction(ApiKind kind, String name, String summary, String description, List<Param> params,
        Shape result, String feature, String acl, Handler handler, Example example, Api0 api0) {

    /** An example answer's {@code data}, as the handler returns it (typed rows, a string, or {@code null} for no data). */
    public record Example(Object data) {
    }

    /** An example's data given as JSON text (copied from cPanel's reference), parsed when the document is built. */
    public record JsonText(String json) {
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
            return new ApiFunction(kind, name, Objects.requireNonNull(summary, "summary"), description, List.copyOf(params),
                    result, feature, acl, handler, example, api0);
        }
    }
}
