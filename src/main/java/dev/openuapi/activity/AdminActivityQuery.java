package dev.openuapi.activity;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters that root's two activity endpoints share ({@link AdminActivityResource}): whose, when, per minute
 * or day, and which page. Checked when read: a bad {@code group}, {@code limit} or range is a 400.
 */
public class AdminActivityQuery {

    static final String ACCOUNT = "Only this account's (a username, or root for root's own). Left out: every account's.";

    @Parameter(description = ACCOUNT, example = "alice")
    @QueryParam("account")
    String account;

    @Parameter(description = ActivityResource.FROM, example = "1764547200")
    @QueryParam("from")
    Long from;

    @Parameter(description = ActivityResource.TO, example = "1764633600")
    @QueryParam("to")
    Long to;

    @Parameter(description = ActivityResource.GROUP, example = "day")
    @QueryParam("group")
    String group;

    @Parameter(description = ActivityResource.LIMIT, example = "100")
    @QueryParam("limit")
    Integer limit;

    @Parameter(description = ActivityResource.CURSOR, example = "WzI5NDEwMjYsN10")
    @QueryParam("cursor")
    String cursor;

    boolean byDay() {
        return ActivityService.byDay(group);
    }

    ActivityService.Range range() {
        return ActivityService.Range.of(from, to);
    }

    int limit() {
        return ActivityService.limit(limit);
    }
}
