package dev.openuapi.dirprivacy;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;

/**
 * UAPI {@code DirectoryIndexes} (cPanel's reference: api.docs.cpanel.net, DirectoryIndexes;
 * Cpanel::API::DirectoryIndexes): the {@code Options ±Indexes} and {@code IndexOptions ±HTMLTable ±FancyIndexing}
 * lines of a directory's {@code .htaccess}.
 */
@ApplicationScoped
public class DirectoryIndexesModule implements ApiModule {

    private final DirectoryPrivacyService service;

    DirectoryIndexesModule(DirectoryPrivacyService service) {
        this.service = service;
    }

    /** cPanel's {@code needs_feature => 'indexmanager'} on every function (Cpanel/API/DirectoryIndexes.pm, {@code %API}). */
    @Override
    public Optional<String> feature() {
        return Optional.of("indexmanager");
    }

    @Override
    public String name() {
        return "DirectoryIndexes";
    }

    @Override
    public List<ApiFunction> functions() {
        Shape type = Shape.string("inherit, disabled, standard or fancy.");
        return List.of(
                ApiFunction.named("get_indexing").readsOnly().summary("Return directory indexing settings").param(DirectoryPrivacyModule.DIR)
                        .returns(type).exampleJson("\"inherit\"").exampleSetup(DirectoryPrivacyModule.MKDIR_EXAMPLE)
                        .handledBy(call -> service.indexing(call.principal(), DirectoryPrivacyModule.DIR.from(call))),
                ApiFunction.named("set_indexing").changesState().summary("Update directory indexing settings")
                        .description("disabled: Options -Indexes; standard: Options +Indexes, IndexOptions -HTMLTable -FancyIndexing; "
                                + "fancy: Options +Indexes, IndexOptions +HTMLTable +FancyIndexing; inherit: those words removed. "
                                + "Other options and lines are kept.")
                        .param(DirectoryPrivacyModule.DIR)
                        .param(Param.string("type", "inherit, disabled, standard or fancy.").required().example("inherit"))
                        .returns(type).exampleJson("\"inherit\"").exampleSetup(DirectoryPrivacyModule.MKDIR_EXAMPLE)
                        .handledBy(call -> service.setIndexing(call.principal(), DirectoryPrivacyModule.DIR.from(call), call.args().get("type"))),
                ApiFunction.named("list_directories").readsOnly().summary("Return subdirectories directory indexing settings")
                        .param(DirectoryPrivacyModule.DIR).returns(Shape.of(DirRows.IndexListing.class))
                        .exampleJson("{\"home\":{\"path\":\"/home/example\",\"state\":{\"index_type\":\"inherit\"}},"
                                + "\"parent\":{\"path\":\"/home/example\",\"state\":{\"index_type\":\"inherit\"}},"
                                + "\"current\":{\"path\":\"/home/example/example.com\",\"state\":{\"index_type\":\"inherit\"}},"
                                + "\"children\":[{\"path\":\"/home/example/example.com/images\",\"state\":{\"index_type\":\"inherit\"}}]}")
                        .exampleSetup(DirectoryPrivacyModule.MKDIR_EXAMPLE, DirectoryPrivacyModule.MKDIR_IMAGES)
                        .handledBy(call -> {
                            DirectoryPrivacyService.Listing<String> l = service.indexListing(call.principal(), DirectoryPrivacyModule.DIR.from(call));
                            return new DirRows.IndexListing(dir(l.home()), dir(l.parent()), dir(l.current()),
                                    l.children().stream().map(DirectoryIndexesModule::dir).toList());
                        }));
    }

    private static DirRows.IndexDir dir(DirectoryPrivacyService.Entry<String> e) {
        return new DirRows.IndexDir(e.path(), new DirRows.IndexState(e.error(), e.state()));
    }
}
