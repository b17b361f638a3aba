package dev.openuapi.activity;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters every activity endpoint takes (a time range and a page size), read as one {@code @BeanParam}
 * and checked when read: a bad {@code limit} or range is a 400. {@link Events} and {@link Counts} add what a page of
 * events or of counts takes; {@link OwnCounts} adds an account's {@code token}, {@link AdminActivityQuery} root's
 * {@code account}.
 */
public class ActivityQuery {

    @Parameter(description = ActivityResource.FROM, example = "1764547200")
    @QueryParam("from")
    Long from;

    @Parameter(description = ActivityResource.TO, example = "1764633600")
    @QueryParam("to")
    Long to;

    @Parameter(description = ActivityResource.LIMIT, example = "100")
    @QueryParam("limit")
    Integer limit;

    ActivityService.Range range() {
        return ActivityService.Range.of(from, to);
    }

    int limit() {
        return ActivityService.limit(limit);
    }

    /** A page of a token's recent calls: its cursor is an event's. */
    public static class Events extends ActivityQuery {

        @Parameter(description = ActivityResource.CURSOR, example = "WzQyXQ")
        @QueryParam("cursor")
        String cursor;
    }

    /** A page of counts, per minute or day: its cursor is a count's. */
    public static class Counts extends ActivityQuery {

        @Parameter(description = ActivityResource.GROUP, example = "day")
        @QueryParam("group")
        String group;

        @Parameter(description = ActivityResource.CURSOR, example = "WzI5NDEwMjYsN10")
        @QueryParam("cursor")
        String cursor;

        boolean byDay() {
            return ActivityService.byDay(group);
        }
    }

    /** The account's own counts, which may be narrowed to one of its tokens. */
    public static class OwnCounts extends Counts {

        @Parameter(description = ActivityResource.TOKEN, example = "ci-deploy")
        @QueryParam("token")
        String token;
    }
}
