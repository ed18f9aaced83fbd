package dev.featurestore.cli;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.offline.EntityRows;
import dev.featurestore.core.offline.HistoricalFeatureRefs;
import dev.featurestore.core.offline.HistoricalFeatureView;
import dev.featurestore.core.offline.HistoricalRetrievalRequest;
import dev.featurestore.core.offline.HistoricalRetrievalResult;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.proto.RegistryProtoMapper;
import dev.featurestore.core.registry.RegistryState;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code featurestore get-historical-features}: Feast's {@code get_historical_features(entity_df,
 * features).to_parquet(...)} from the command line. The offline store runs the point-in-time join
 * and writes the Parquet file itself; this command resolves the names and reports.
 */
@Command(
    name = "get-historical-features",
    mixinStandardHelpOptions = true,
    description = {
      "Join point-in-time-correct feature values to entity rows and write them to a Parquet file"
          + " (training data).",
      "The entity file (.parquet or .csv) has the join keys and an event_timestamp column; CSV"
          + " times without an offset are UTC. Relative paths are relative to the current folder."
    })
final class GetHistoricalFeaturesCommand implements Callable<Integer> {
  @ParentCommand FeatureStoreCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--entities", required = true, paramLabel = "FILE",
      description = "Entity rows: a .parquet or .csv file.")
  Path entities;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Selection selection;

  static final class Selection {
    @Option(names = "--features", split = ",", paramLabel = "VIEW:FEATURE", required = true,
        description = "Feature references (repeatable or comma-separated).")
    List<String> features = new ArrayList<>();

    @Option(names = "--feature-service", paramLabel = "NAME", required = true,
        description = "Every feature of this feature service.")
    String featureService;
  }

  @Option(names = "--full-feature-names",
      description = "Name columns view__feature instead of feature.")
  boolean fullFeatureNames;

  @Option(names = "--output", required = true, paramLabel = "FILE",
      description = "The Parquet file to write (replaced if it exists).")
  Path output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    Path entityFile = entities.toAbsolutePath().normalize();
    if (!Files.exists(entityFile)) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_ARGUMENT, "entity file " + entityFile + " does not exist");
    }
    EntityRows rows = EntityRows.file(entityFile);
    try (RepoWorkspace workspace = RepoWorkspace.open(root.repoDir(), spec.commandLine().getErr())) {
      List<HistoricalFeatureView> views = resolve(workspace);
      HistoricalRetrievalRequest request = new HistoricalRetrievalRequest(
          rows, views, fullFeatureNames, output.toAbsolutePath().normalize());
      out.printf(Locale.ROOT, "Retrieving %d features of %d feature views for the entity rows in %s%n",
          request.featureColumns().size(), views.size(), entityFile);
      out.flush();
      HistoricalRetrievalResult result;
      try (OfflineStore store = OfflineStores.open(workspace.config())) {
        result = store.getHistoricalFeatures(request);
      }
      out.printf(Locale.ROOT, "Wrote %,d rows with %d columns to %s in %.1f s.%n",
          result.rows(), result.columns().size(), result.output(),
          (System.nanoTime() - started) / 1e9);
      out.flush();
    }
    return 0;
  }

  private List<HistoricalFeatureView> resolve(RepoWorkspace workspace) {
    String project = workspace.config().project();
    RegistryState state = workspace.store().read(project);
    if (!state.projectExists()) {
      throw new FeatureStoreException(
          ErrorCode.PROJECT_NOT_FOUND,
          "project " + project + " does not exist in the registry; run apply first");
    }
    RepoContents contents = RegistryProtoMapper.fromRegistry(project, state.objects());
    return selection.featureService != null
        ? HistoricalFeatureRefs.resolveService(contents, selection.featureService, fullFeatureNames)
        : HistoricalFeatureRefs.resolve(contents, selection.features, fullFeatureNames);
  }
}
