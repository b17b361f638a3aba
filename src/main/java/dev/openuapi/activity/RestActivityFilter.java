package dev.openuapi.activity;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Records each authenticated request on our REST API (the REST, WHM_REST and ADMIN faces) in the activity log: module
 * {@code REST}, function {@code METHOD /path/{template}} (the template, never the path with its values), result by
 * status (below 400 ok; 401, 403 and 429 refused; any other failed), or limited when the token's rate limit refused it
 * (the credential check marks it). cPanel's faces are recorded by the dispatcher.
 */
@Provider
public class RestActivityFilter implements ContainerResponseFilter {

    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    private final ActivityRecorder recorder;
    private final CurrentVertxRequest request;

    RestActivityFilter(ActivityRecorder recorder, CurrentVertxRequest request) {
        this.recorder = recorder;
        this.request = request;
    }

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext response) {
        if (!recorder.enabled()) {
            return;
        }
        RoutingContext routing = request.getCurrent();
        ActivityRecorder.Who who = routing == null ? null : routing.get(ActivityRecorder.WHO);
        if (who == null || who.cpanelFace()) {
            return;
        }
        Method method = resource == null ? null : resource.getResourceMethod();
        String template = method == null ? "unknown" : TEMPLATES.computeIfAbsent(method, RestActivityFilter::template);
        int status = response.getStatus();
        ActivityRecorder.Result result = Boolean.TRUE.equals(routing.get(ActivityRecorder.LIMITED)) ? ActivityRecorder.Result.LIMITED
                : status < 400 ? ActivityRecorder.Result.OK
                : status == 401 || status == 403 || status == 429 ? ActivityRecorder.Result.REFUSED : ActivityRecorder.Result.FAILED;
        recorder.rest(who, requestContext.getMethod() + " " + template, result);
    }

    /** The resource's path template: the class's {@code @Path} and the method's. */
    static String template(Method method) {
        Path type = method.getDeclaringClass().getAnnotation(Path.class);
        Path own = method.getAnnotation(Path.class);
        String joined = (type == null ? "" : "/" + type.value()) + (own == null ? "" : "/" + own.value());
        String path = joined.replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() ? "/" : path;
    }

}
