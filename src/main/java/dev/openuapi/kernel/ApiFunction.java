package dev.openuapi.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The single declaration of an API function: its name, parameters, result shape, summary and the feature
 * it needs, plus the code that runs it. The dispatcher, the parameter checks and the OpenAPI document
 * all read this one object.
 */
public record ApiFunction(ApiKind kind, String name, String summary, String description, List<Param> params,
        Shape result, String feature, String acl, String example, Handler handler) {

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
        private String example;

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
         * An example of the function's {@code data}, as JSON text: the OpenAPI document shows it inside the
         * envelope. Take it from cPanel's reference where it has one.
         */
        public Builder example(String json) {
            this.example = json;
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
            return new ApiFunction(kind, name, Objects.requireNonNull(summary, "summary"), description, List.copyOf(params),
                    result, feature, acl, example, handler);
        }
    }
}
