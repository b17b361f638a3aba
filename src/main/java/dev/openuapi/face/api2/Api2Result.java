package dev.openuapi.face.api2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.openuapi.face.uapi.UapiResult;

import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.ListTransform;
import dev.openuapi.kernel.Outcome;

/**
 * cPanel API 2's {@code cpanelresult} envelope (spec §8.2), with API 2's own filter, sort, paginate and
 * columns arguments ({@code api2_*}, spec §8.3), which, unlike UAPI's, need their switches.
 */
public final class Api2Result {

    private Api2Result() {
    }

    public static Map<String, Object> of(String module, String function, Outcome outcome, Args args) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("apiversion", 2);
        result.put("module", module);
        result.put("func", function);
        if (outcome.status() == Outcome.Status.NOT_FOUND) {
            result.put("error", outcome.errors().get(0)); // the shape of cPanel's own fixture, nothing more
            return wrap(result);
        }
        if (!outcome.ok()) {
            String reason = outcome.errors().get(0);
            result.put("event", event(0, reason));
            result.put("error", reason);
            result.put("data", List.of());
            return wrap(result);
        }
        ListTransform.Result transformed = ListTransform.apply(asList(outcome.data()), spec(args));
        if (transformed.error() != null) {
            result.put("event", event(0, transformed.error()));
            result.put("error", transformed.error());
            result.put("data", List.of());
            return wrap(result);
        }
        result.put("event", event(1, null));
        result.put("data", transformed.rows());
        if (!outcome.errors().isEmpty()) {
            result.put("error", outcome.errors().get(0));
        }
        if (transformed.paginate() != null) {
            result.put("paginate", transformed.paginate());
        }
        if (transformed.recordsBeforeFilter() != null) {
            result.put("records_before_filter", transformed.recordsBeforeFilter());
        }
        return wrap(result);
    }

    /** The reply to a call that failed before (or instead of) running a function. */
    public static Map<String, Object> failure(String module, String function, String reason) {
        return of(module, function, Outcome.failed(reason), Args.empty());
    }

    /** {@code cpanel_jsonapi_apiversion=3}: a UAPI result, unchanged, in json-api's wrapper (spec §8.1). */
    public static Map<String, Object> api3(String module, String function, UapiResult result) {
        Map<String, Object> wrapper = new LinkedHashMap<>();
        wrapper.put("apiversion", 3);
        wrapper.put("module", module);
        wrapper.put("func", function);
        wrapper.put("result", result.toMap());
        return wrapper;
    }

    /** API 2 data is nearly always an array: a single object becomes a one-element array. */
    private static List<?> asList(Object data) {
        if (data == null) {
            return List.of();
        }
        if (data instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        return List.of(data);
    }

    private static Map<String, Object> event(int result, String reason) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("result", result);
        if (reason != null) {
            event.put("reason", reason);
        }
        return event;
    }

    private static Map<String, Object> wrap(Map<String, Object> result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cpanelresult", result);
        return body;
    }

    /** Reads {@code api2_columns*}, {@code api2_filter*}, {@code api2_sort*} and {@code api2_paginate*}. */
    static ListTransform.Spec spec(Args args) {
        return ListTransform.parse(args, "api2_", true);
    }
}
