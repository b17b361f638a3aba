package dev.openuapi.face;

/** The kinds of credentials a request can present; each {@link Face} names the ones it takes. */
public enum Credential {
    /** {@code Authorization: cpanel USER:TOKEN}: an account's cPanel API token. */
    CPANEL_TOKEN,
    /** HTTP Basic with an account's username and password. */
    ACCOUNT_PASSWORD,
    /** {@code Authorization: whm USER:TOKEN}: a WHM API token of root or a reseller. */
    WHM_TOKEN,
    /** HTTP Basic as {@code root} with {@code OPENUAPI_ROOT_PASSWORD}. */
    ROOT_PASSWORD,
    /** HTTP Basic as a reseller, with its account's password, for what it does as a WHM user. */
    RESELLER_PASSWORD,
    /**
     * A cpaneld session: the {@code cpsession} cookie of a login (or of WHM's {@code create_user_session}) together
     * with the session's security token in the URL ({@code /cpsessNNNNNNNNNN/…}); it acts as the account.
     */
    CPANEL_SESSION,
    /** A whostmgrd session: the {@code whostmgrsession} cookie and its security token; it acts as root or a reseller. */
    WHM_SESSION
}
