package dev.openuapi.domain;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.Shape;

/**
 * {@code Park}: the account's parked domains (aliases of the main domain). API 2 {@code listparkeddomains}
 * (spec §9.2), {@code park} and {@code unpark}; UAPI {@code park} and {@code unpark} (cPanel 138). Parking on a
 * subdomain of the main domain ({@code topdomain}) is how cPanel makes an addon domain, and makes one here.
 * Adding and removing go through {@link DomainService}, as the operator's domain API does.
 */
@ApplicationScoped
public class ParkModule implements ApiModule {

    static final String FEATURE = "parkeddomains";

    static final String DOMAIN_TEXT = "The domain to park. A leading www. comes off and it is lowercased, as on cPanel.";
    static final Param DOMAIN = Param.of("domain", ParamType.DOMAIN, DOMAIN_TEXT).required().example("alias.example.net");
    static final Param TOPDOMAIN = Param.string("topdomain", "The label of a subdomain of the main domain to park the domain on, "
            + "which makes it an addon domain (see AddonDomain::addaddondomain). Left out: the domain is parked on the main domain.")
            .example("shop");
    static final Param DISALLOWDOT = Param.of("disallowdot", ParamType.BOOLEAN, "1: remove the dots from topdomain.").example("0");
    static final String FORCE_REFUSED = "OpenUAPI does not support “force”: it never overwrites an existing domain or zone.";
    static final Param FORCE = Param.of("force", ParamType.BOOLEAN, "Only 0: OpenUAPI never overwrites an existing zone or skips a check, "
            + "so force=1 is refused: " + FORCE_REFUSED).example("0");
    static final Param PARKED = Param.of("domain", ParamType.DOMAIN, "The parked (or addon) domain to remove.").required()
            .example("alias.example.net");
    static final Param ON_SUBDOMAIN = Param.string("subdomain", "The subdomain the domain is parked on, as "
            + "AddonDomain::listaddondomains shows it in domainkey (shop_example.com), or as a full name. Left out: the domain says. "
            + "Given: it must be the domain's.").example("shop_example.com");

    private final DomainService domains;

    ParkModule(DomainService domains) {
        this.domains = domains;
    }

    @Override
    public String name() {
        return "Park";
    }

    @Override
    public List<ApiFunction> functions() {
        String parkDescription = "Parks a domain on the main domain: it gets a DNS zone of its own (SOA, NS and an A record) and "
                + "serves the main domain's document root, in one transaction. Counts against the plan's parked domain limit (with "
                + "topdomain: the addon domain limit). A domain under or above another account's domain is refused. Needs the "
                + "parkeddomains feature; with topdomain, parkeddomains or addondomains.";
        String unparkDescription = "Removes a parked domain, or an addon domain, with its DNS zone. Needs the parkeddomains or the "
                + "addondomains feature.";
        return List.of(
                ApiFunction.named("park").changesState()
                        .summary("Park a domain on the main domain")
                        .description(parkDescription)
                        .param(DOMAIN).param(DISALLOWDOT).param(FORCE).param(TOPDOMAIN)
                        .example(null)
                        .doing(this::park),
                ApiFunction.named("unpark").changesState()
                        .summary("Remove a parked domain")
                        .description(unparkDescription)
                        .param(PARKED).param(ON_SUBDOMAIN)
                        .example(null)
                        .exampleSetup(DomainExamples.PARK_ON_SHOP)
                        .doing(this::unpark),
                ApiFunction.named("park").api2().changesState()
                        .summary("Park a domain on the main domain (API 2)")
                        .description(parkDescription + " Answers [{result, reason}]: 0 and the reason when refused, with the reason in "
                                + "cpanelresult.error too.")
                        .param(Param.of("domain", ParamType.DOMAIN, DOMAIN_TEXT).requiredWithMessage("domain not specified")
                                .example("alias.example.net"))
                        .param(TOPDOMAIN).param(DISALLOWDOT)
                        .returns(Api2Changes.SHAPE)
                        .example(List.of(new Api2DomainRows.Result(1, "alias.example.net was successfully parked on top of example.com")))
                        .handledBy(call -> Api2Changes.run(call, () -> park(call))),
                ApiFunction.named("unpark").api2().changesState()
                        .summary("Remove a parked domain (API 2)")
                        .description(unparkDescription + " Answers [{result, reason}] as park does.")
                        .param(PARKED).param(ON_SUBDOMAIN)
                        .returns(Api2Changes.SHAPE)
                        .example(List.of(new Api2DomainRows.Result(1, "alias.example.net was successfully unparked")))
                        .exampleSetup(DomainExamples.PARK_ON_SHOP)
                        .handledBy(call -> Api2Changes.run(call, () -> unpark(call))),
                ApiFunction.named("listparkeddomains").api2().readsOnly()
                        .summary("List the account's parked domains")
                        .description("One row per parked domain, sorted by name. A parked domain serves the main domain's document "
                                + "root.")
                        .returns(Shape.arrayOf("The parked domains.", Shape.of(Api2DomainRows.Parked.class)))
                        .example(List.of(new Api2DomainRows.Parked("alias.example.net", "/home/example/public_html", "public_html",
                                "home:public_html", Api2DomainRows.NOT_REDIRECTED)))
                        .exampleSetup(DomainExamples.PARK)
                        .handledBy(this::listParkedDomains));
    }

    /** @return cPanel's message: {@code <domain> was successfully parked on top of <main domain or subdomain>} */
    private String park(Call call) {
        refuseForce(call);
        String topdomain = Api2Changes.orNull(TOPDOMAIN.from(call));
        Principal account = call.principal();
        // cPanel (Park::_park): parking on the main domain needs "parkeddomains"; on a subdomain, either feature
        requireFeature(account, topdomain == null ? List.of(FEATURE) : List.of(FEATURE, AddonDomainModule.FEATURE));
        String domain = DOMAIN.from(call).trim().toLowerCase(Locale.ROOT);
        if (domain.startsWith("www.")) {
            domain = domain.substring("www.".length());
        }
        if (topdomain == null) {
            AccountDomain parked = domains.add(account.username(),
                    new DomainService.Request(AccountDomain.PARKED, domain, null, null, null));
            return parked.name + " was successfully parked on top of " + domains.domainsOf(account.username()).main().name;
        }
        String label = call.args().isTrue(DISALLOWDOT.name()) ? topdomain.replace(".", "") : topdomain;
        AccountDomain addon = domains.add(account.username(), new DomainService.Request(AccountDomain.ADDON, domain, null, label, null));
        String main = domains.domainsOf(account.username()).main().name;
        return addon.name + " was successfully parked on top of " + addon.backingLabel() + "." + main;
    }

    /** @return cPanel's message: {@code <domain> was successfully unparked} */
    /** UAPI's {@code force} (here and in AddonDomain::addaddondomain): only 0, never accepted and ignored. */
    static void refuseForce(Call call) {
        if (call.args().isTrue(FORCE.name())) {
            throw ApiException.invalid(FORCE_REFUSED);
        }
    }

    private String unpark(Call call) {
        Principal account = call.principal();
        requireFeature(account, List.of(FEATURE, AddonDomainModule.FEATURE));
        String subdomain = Api2Changes.orNull(ON_SUBDOMAIN.from(call));
        DomainService.Removed removed = domains.unpark(account.username(), PARKED.from(call),
                subdomain == null ? null : Api2Changes.subdomain(subdomain, false));
        return removed.name() + " was successfully unparked";
    }

    /** One of {@code features} is enough, as cPanel's {@code needs_feature => {match => 'any', …}}. */
    private static void requireFeature(Principal account, List<String> features) {
        if (features.stream().noneMatch(account::hasFeature)) {
            throw ApiException.forbidden("You do not have the feature "
                    + String.join(" or the feature ", features.stream().map(Quote::of).toList()) + ".");
        }
    }

    private Object listParkedDomains(Call call) {
        Principal account = call.principal();
        AccountDomains owned = domains.domainsOf(account.username());
        return owned.parked().stream().map(parked -> {
            String basedir = domains.basedir(account.username(), parked.documentRoot);
            return new Api2DomainRows.Parked(parked.name, parked.documentRoot, basedir, "home:" + basedir, Api2DomainRows.NOT_REDIRECTED);
        }).toList();
    }
}
