package dev.openuapi.domain;

import java.util.List;
import java.util.function.Supplier;

import dev.openuapi.common.ApiException;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;

/** What the domain modules' changes share: API 2's {@code [{result, reason}]} answer and cPanel's common arguments. */
final class Api2Changes {

    static final Shape SHAPE = Shape.arrayOf("One element: the outcome.", Shape.of(Api2DomainRows.Result.class));

    private Api2Changes() {
    }

    /**
     * Runs a change the way cPanel's API 2 domain functions answer: {@code [{"result":1,"reason":<what was done>}]},
     * or, when refused, {@code [{"result":0,"reason":<why>}]} with the same text in {@code cpanelresult.error}
     * (cPanel's {@code $Cpanel::CPERROR}) and {@code event.result} 1. The change's transaction is over (committed
     * or rolled back) when this returns.
     */
    static List<Api2DomainRows.Result> run(Call call, Supplier<String> change) {
        try {
            return List.of(new Api2DomainRows.Result(1, change.get()));
        } catch (ApiException e) {
            call.error(e.getMessage());
            return List.of(new Api2DomainRows.Result(0, e.getMessage()));
        }
    }

    /**
     * {@code canoff}: OpenUAPI describes every domain with UseCanonicalName Off (DomainInfo's
     * {@code usecanonicalname}), which is {@code canoff=1}; a caller asking for On is told so rather than ignored.
     */
    static void requireCanonicalNameOff(Call call, Param canoff) {
        if (call.args().has(canoff.name()) && !call.args().isTrue(canoff.name())) {
            throw ApiException.invalid("OpenUAPI serves every domain with UseCanonicalName Off: canoff must be 1.");
        }
    }

    /** An optional argument's value, {@code null} when absent or empty (cPanel's {@code dir}: empty means the default). */
    static String orNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * cPanel's forms of an existing subdomain ({@code Cpanel::SubDomain::_delsubdomain}) as a full name: its
     * domainkey {@code label_rootdomain} (as listsubdomains and listaddondomains show it), a full name, or the older
     * {@code x,label.rootdomain}; {@code disallowDot} removes the dots of the label.
     */
    static String subdomain(String value, boolean disallowDot) {
        String given = value.trim();
        int comma = given.indexOf(',');
        if (comma >= 0) {
            return given.substring(comma + 1);
        }
        int underscore = given.indexOf('_');
        String label = underscore < 0 ? given : given.substring(0, underscore);
        if (disallowDot) {
            label = label.replace(".", "");
        }
        return underscore < 0 ? label : label + "." + given.substring(underscore + 1);
    }
}
