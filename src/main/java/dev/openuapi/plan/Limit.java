package dev.openuapi.plan;

/** The countable things a plan limits. */
public enum Limit {
    EMAIL_ACCOUNTS("email accounts"),
    DATABASES("databases"),
    FTP_ACCOUNTS("FTP accounts"),
    SUBDOMAINS("subdomains"),
    ADDON_DOMAINS("addon domains"),
    PARKED_DOMAINS("parked domains");

    public final String noun;

    Limit(String noun) {
        this.noun = noun;
    }
}
