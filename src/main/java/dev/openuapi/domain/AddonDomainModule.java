package dev.openuapi.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.Shape;

/**
 * {@code AddonDomain}: the account's addon domains. cPanel backs each addon domain with a subdomain of the main
 * domain and parks the addon domain on it; OpenUAPI keeps only that subdomain's label
 * ({@link AccountDomain#parent}) and reports the names cPanel would use. API 2 {@code listaddondomains} (spec
 * §9.2), {@code addaddondomain} and {@code deladdondomain}; UAPI {@code addaddondomain} and {@code deladdondomain}
 * (cPanel 138). Adding and removing go through {@link DomainService}, as the operator's domain API does.
 */
@ApplicationScoped
public class AddonDomainModule implements ApiModule {

    static final String FEATURE = "addondomains";

    static final String NEWDOMAIN_TEXT = "The addon domain to create.";
    static final String SUBDOMAIN_TEXT = "The label of the subdomain of the main domain to park the addon domain on (addon, or "
            + "addon.<main domain>). Addon domains may share one; a subdomain the account created itself cannot be one. No *.";
    static final Param NEWDOMAIN = Param.of("newdomain", ParamType.DOMAIN, NEWDOMAIN_TEXT).required().example("addon.com");
    static final Param SUBDOMAIN = Param.string("subdomain", SUBDOMAIN_TEXT).required().example("addon");
    static final Param DIR = Param.string("dir", "The addon domain's document root, relative to the home directory (/public_html/addon "
            + "or public_html/addon). Default: /home/<user>/<addon domain>. It stays inside the home directory; cPanel's reserved "
            + "directories (etc, mail, ssl, tmp, logs, …) are refused.").example("/public_html/addon");
    static final Param DISALLOWDOT = Param.of("disallowdot", ParamType.BOOLEAN, "1: remove the dots from subdomain.").example("1");
    static final Param FORCE = Param.of("force", ParamType.BOOLEAN, "Only 0: OpenUAPI never overwrites an existing zone or skips a check, "
            + "so force=1 is refused: " + ParkModule.FORCE_REFUSED).example("0");
    static final String DOMAIN_TEXT = "The addon domain to remove.";
    static final String KEY_TEXT = "The subdomain the addon domain is parked on, as listaddondomains shows it in domainkey "
            + "(addon_example.com); a full name (addon.example.com) works too. It must be the addon domain's.";
    static final Param DOMAIN = Param.of("domain", ParamType.DOMAIN, DOMAIN_TEXT).required().example("addon.com");
    static final Param KEY = Param.string("subdomain", KEY_TEXT).required().example("addon_example.com");
    static final Param DEL_DISALLOWDOT = Param.of("disallowdot", ParamType.BOOLEAN, "1: remove the dots from the subdomain's label.").example("0");
    /** API 2's own words for missing arguments (Cpanel::AddonDomain, Cpanel::SubDomain, Cpanel::Park), in its order. */
    static final String BOTH = "The subdomain and domain parameters must exist and be non-empty.";

    private final DomainService domains;

    AddonDomainModule(DomainService domains) {
        this.domains = domains;
    }

    @Override
    public String name() {
        return "AddonDomain";
    }

    @Override
    public List<ApiFunction> functions() {
        String addDescription = "Creates an addon domain: a domain with a DNS zone of its own (SOA, NS and an A record), parked on "
                + "the subdomain <subdomain>.<main domain>, in one transaction. Counts against the plan's addon domain limit. A domain "
                + "under or above another account's domain is refused, as is a domain the main domain lies under. OpenUAPI creates "
                + "no FTP account for it.";
        String delDescription = "Removes an addon domain with its DNS zone and the subdomains under it. The subdomain it was "
                + "parked on goes too unless other addon domains are parked on it.";
        return List.of(
                ApiFunction.named("addaddondomain").changesState()
                        .summary("Create an addon domain")
                        .description(addDescription)
                        .feature(FEATURE)
                        .param(NEWDOMAIN).param(SUBDOMAIN).param(DIR).param(DISALLOWDOT).param(FORCE)
                        .returns(Shape.of(Api2DomainRows.AddedAddon.class))
                        .example(new Api2DomainRows.AddedAddon("addon.com"))
                        .handledBy(call -> new Api2DomainRows.AddedAddon(add(call).name)),
                ApiFunction.named("deladdondomain").changesState()
                        .summary("Remove an addon domain")
                        .description(delDescription + " When it stays, messages says so.")
                        .feature(FEATURE)
                        .param(DOMAIN).param(KEY).param(DEL_DISALLOWDOT)
                        .example(null)
                        .exampleSetup(DomainExamples.ADD_ADDON)
                        .doing(call -> {
                            DomainService.Removed removed = remove(call);
                            if (removed.backingKept()) {
                                call.message(keptMessage(removed));
                            }
                        }),
                ApiFunction.named("addaddondomain").api2().changesState()
                        .summary("Create an addon domain (API 2)")
                        .description(addDescription + " Answers [{result, reason}]: 0 and the reason when refused, with the reason "
                                + "in cpanelresult.error too.")
                        .feature(FEATURE)
                        .param(Param.string("subdomain", SUBDOMAIN_TEXT).requiredWithMessage("You must specify a subdomain.")
                                .example("addon"))
                        .param(Param.of("newdomain", ParamType.DOMAIN, NEWDOMAIN_TEXT).requiredWithMessage("domain not specified")
                                .example("addon.com"))
                        .param(DIR).param(DISALLOWDOT)
                        .returns(Api2Changes.SHAPE)
                        .example(List.of(new Api2DomainRows.Result(1, "addon.com was successfully parked on top of addon.example.com")))
                        .handledBy(call -> Api2Changes.run(call, () -> {
                            AccountDomain addon = add(call);
                            return addon.name + " was successfully parked on top of " + backingSubdomain(call, addon);
                        })),
                ApiFunction.named("deladdondomain").api2().changesState()
                        .summary("Remove an addon domain (API 2)")
                        .description(delDescription + " Answers [{result, reason}] as addaddondomain does; when the subdomain "
                                + "stays, result is 1 and the reason, in cpanelresult.error too, says so, as cPanel does.")
                        .feature(FEATURE)
                        .param(Param.of("domain", ParamType.DOMAIN, DOMAIN_TEXT).requiredWithMessage(BOTH).example("addon.com"))
                        .param(Param.string("subdomain", KEY_TEXT).requiredWithMessage(BOTH).example("addon_example.com"))
                        .param(DEL_DISALLOWDOT)
                        .returns(Api2Changes.SHAPE)
                        .example(List.of(new Api2DomainRows.Result(1, "The subdomain, addon.example.com has been removed.")))
                        .exampleSetup(DomainExamples.ADD_ADDON)
                        .handledBy(call -> Api2Changes.run(call, () -> {
                            DomainService.Removed removed = remove(call);
                            if (!removed.backingKept()) {
                                return "The subdomain, " + removed.backingSubdomain() + " has been removed.";
                            }
                            String reason = keptMessage(removed);
                            call.error(reason); // cPanel sets CPERROR here while result stays 1
                            return reason;
                        })),
                ApiFunction.named("listaddondomains").api2().readsOnly()
                        .summary("List the account's addon domains")
                        .description("One row per addon domain, sorted by name, with the subdomain of the main domain that backs it "
                                + "in cPanel's naming (fullsubdomain, domainkey).")
                        .returns(Shape.arrayOf("The addon domains.", Shape.of(Api2DomainRows.Addon.class)))
                        .example(List.of(new Api2DomainRows.Addon("addon.com", "addon.example.com", "addon", "example.com",
                                "/home/example/public_html/addon", "public_html/addon", "home:public_html/addon",
                                Api2DomainRows.NOT_REDIRECTED, "addon_example.com")))
                        .exampleSetup(DomainExamples.ADD_ADDON)
                        .handledBy(this::listAddonDomains));
    }

    private AccountDomain add(Call call) {
        ParkModule.refuseForce(call);
        String subdomain = SUBDOMAIN.from(call);
        if (call.args().isTrue(DISALLOWDOT.name())) {
            // as cPanel does: the main domain comes off first, then the label's dots
            String main = domains.domainsOf(call.principal().username()).main().name;
            String label = subdomain.trim().toLowerCase(java.util.Locale.ROOT);
            subdomain = (label.endsWith("." + main) ? label.substring(0, label.length() - main.length() - 1) : label).replace(".", "");
        }
        return domains.add(call.principal().username(),
                new DomainService.Request(AccountDomain.ADDON, NEWDOMAIN.from(call), null, subdomain, Api2Changes.orNull(DIR.from(call))));
    }

    private DomainService.Removed remove(Call call) {
        return domains.removeAddon(call.principal().username(), DOMAIN.from(call),
                Api2Changes.subdomain(KEY.from(call), call.args().isTrue(DEL_DISALLOWDOT.name())));
    }

    /** cPanel's words ({@code Park::_unpark}, then {@code AddonDomain::api2_deladdondomain}) when the subdomain stays. */
    private static String keptMessage(DomainService.Removed removed) {
        String key = removed.backingSubdomain().replaceFirst("\\.", "_");
        return removed.name() + " was successfully unparked\nSubdomain " + key
                + " was not removed because other domains are parked on top of it";
    }

    private String backingSubdomain(Call call, AccountDomain addon) {
        return addon.backingLabel() + "." + domains.domainsOf(call.principal().username()).main().name;
    }

    private Object listAddonDomains(Call call) {
        Principal account = call.principal();
        AccountDomains owned = domains.domainsOf(account.username());
        String root = owned.main().name;
        return owned.addons().stream().map(addon -> {
            String label = addon.backingLabel();
            String basedir = domains.basedir(account.username(), addon.documentRoot);
            return new Api2DomainRows.Addon(addon.name, label + "." + root, label, root, addon.documentRoot, basedir, "home:" + basedir,
                    Api2DomainRows.NOT_REDIRECTED, label + "_" + root);
        }).toList();
    }
}
