package dev.openuapi.operator;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.CommaList;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Quote;
import dev.openuapi.common.Unique;

/**
 * Saved privilege lists (WHM API 1 {@code saveacllist}, {@code listacls}). A list is a template: {@code setacls
 * acllist=NAME} copies it into the reseller's own privileges, so saving the list again later changes no reseller
 * until it is applied again.
 */
@ApplicationScoped
public class AclListService {

    private static final Logger LOG = Logger.getLogger(AclListService.class);
    /** Names safe in a URL and a log line; cPanel keeps one file a list, named after it. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final AclListRepository lists;

    AclListService(AclListRepository lists) {
        this.lists = lists;
    }

    /**
     * Creates the list, or changes the one of that name: each privilege mapped to {@code true} is added, each mapped to
     * {@code false} removed, the others stay (a new list starts empty).
     */
    @Transactional
    public AclList save(String name, Map<String, Boolean> changes) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.invalid(Quote.of(name) + " is not a valid ACL list name: use 1 to 64 letters, digits, “_” or “-”.");
        }
        List<String> unknown = changes.keySet().stream().filter(acl -> !Acl.isKnown(acl)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ApiException.invalid("Unknown ACLs: " + String.join(", ", unknown) + ".");
        }
        AclList list = lists.findByIdOptional(name, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        boolean created = list == null;
        TreeSet<String> acls = created ? new TreeSet<>() : new TreeSet<>(list.acls);
        changes.forEach((acl, granted) -> {
            if (granted) {
                acls.add(acl);
            } else {
                acls.remove(acl);
            }
        });
        if (created) {
            list = new AclList();
            list.name = name;
        }
        list.acls = CommaList.sorted(acls);
        list.updatedAt = Epoch.now();
        if (created) {
            // the primary key decides a race between two requests creating one name
            Unique.insert(lists.getEntityManager(), list, "The ACL list " + Quote.of(name) + " was created at the same time; try again.");
        }
        LOG.infof("ACL list %s saved (%s)", name, created ? "new" : "changed");
        return list;
    }

    @Transactional
    public List<AclList> list() {
        return lists.list("order by name");
    }

    /** The privileges the list grants. */
    @Transactional
    public List<String> acls(String name) {
        return lists.findByIdOptional(name == null ? "" : name).map(list -> List.copyOf(list.acls))
                .orElseThrow(() -> ApiException.invalid("The ACL list " + Quote.of(name) + " does not exist."));
    }
}
