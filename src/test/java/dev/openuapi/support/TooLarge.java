package dev.openuapi.support;

import org.apache.http.params.CoreProtocolPNames;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Requests whose body the server refuses from its headers alone (413 from {@code Content-Length}, and the connection
 * closed unread, as cpsrvd and Quarkus both do). They are sent as curl sends a large body: with
 * {@code Expect: 100-continue}, so the client waits for the server's answer before it writes the body. Without it, the
 * client may still be writing when the server closes the connection, and sees a broken pipe instead of the 413.
 */
public final class TooLarge {

    private TooLarge() {
    }

    /** {@code request}, its body held back until the server says go on (or answers). */
    public static RequestSpecification expectContinue(RequestSpecification request) {
        return request.config(RestAssured.config().httpClient(
                RestAssured.config().getHttpClientConfig().setParam(CoreProtocolPNames.USE_EXPECT_CONTINUE, true)));
    }
}
