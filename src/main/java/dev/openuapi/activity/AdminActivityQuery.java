package dev.openuapi.activity;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters that root's two activity endpoints share ({@link AdminActivityResource}): a page of counts
 * ({@link ActivityQuery.Counts}) and whose.
 */
public class AdminActivityQuery extends ActivityQuery.Counts {

    static final String ACCOUNT = "Only this account's (a username, or root for root's own). Left out: every account's.";

    @Parameter(description = ACCOUNT, example = "alice")
    @QueryParam("account")
    String account;
}
