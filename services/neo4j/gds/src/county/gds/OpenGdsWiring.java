// Wires Graph Data Science's procedures into the local server. GDS's own extension for this lives in
// its open-packaging module, which Maven Central does not serve; without it every gds.* procedure
// fails to inject its facade. This global extension builds the open edition's facade (native
// writes only, no metrics, an in-memory model catalog, no model store) through the public builder
// in GDS's procedure-integration jar. Compiled only when NEO4J_LOCAL_GDS=1 (services/neo4j/install.ts).
package county.gds;

import java.util.Optional;
import org.neo4j.configuration.Config;
import org.neo4j.gds.applications.modelcatalog.ModelRepository;
import org.neo4j.gds.applications.operations.FeatureTogglesRepository;
import org.neo4j.gds.core.model.OpenModelCatalog;
import org.neo4j.gds.core.write.NativeExportBuildersProvider;
import org.neo4j.gds.metrics.Metrics;
import org.neo4j.gds.procedures.ExporterBuildersProviderService;
import org.neo4j.gds.procedures.integration.DefaultExportLocation;
import org.neo4j.gds.procedures.integration.LogAccessor;
import org.neo4j.gds.procedures.integration.OpenGraphDataScienceExtensionBuilder;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.extension.ExtensionFactory;
import org.neo4j.kernel.extension.ExtensionType;
import org.neo4j.kernel.extension.context.ExtensionContext;
import org.neo4j.kernel.lifecycle.Lifecycle;
import org.neo4j.logging.internal.LogService;

public final class OpenGdsWiring extends ExtensionFactory<OpenGdsWiring.Dependencies> {
  public interface Dependencies {
    Config config();

    GlobalProcedures globalProcedures();

    LogService logService();
  }

  public OpenGdsWiring() {
    super(ExtensionType.GLOBAL, "county.gds");
  }

  @Override
  public Lifecycle newInstance(ExtensionContext context, Dependencies dependencies) {
    var log = new LogAccessor().getLog(dependencies.logService(), getClass());
    var config = dependencies.config();
    ExporterBuildersProviderService exporters = (database, configuration) -> new NativeExportBuildersProvider();
    ModelRepository noModelStore = model -> {};
    return OpenGraphDataScienceExtensionBuilder.create(
            log,
            dependencies.globalProcedures(),
            config,
            exporters,
            new DefaultExportLocation(log, config),
            new FeatureTogglesRepository(),
            Metrics.DISABLED,
            new OpenModelCatalog(),
            noModelStore,
            Optional.empty(),
            Optional.empty(),
            Optional.empty())
        .getLeft()
        .build();
  }
}
