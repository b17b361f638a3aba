package dev.openuapi.kernel;

/** Which cPanel API a function belongs to. A module may have functions in both (Email, SSL, …). */
public enum ApiKind {
    /** UAPI: {@code /execute/Module/function} and {@code /json-api/cpanel?cpanel_jsonapi_apiversion=3}. */
    UAPI,
    /** cPanel API 2: {@code /json-api/cpanel}, the {@code cpanelresult} envelope. */
    API2,
    /** WHM API 1: {@code /json-api/<function>?api.version=1}, the operator's face; the module name is {@code WHM}. */
    WHM1
}
