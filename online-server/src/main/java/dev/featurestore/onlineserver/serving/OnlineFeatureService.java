package dev.featurestore.onlineserver.serving;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.ViewRead;
import dev.featurestore.onlineserver.metrics.ServingMetrics;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesRequest;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesResponse;
import feast.proto.types.ValueProto.RepeatedValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Feast's {@code GetOnlineFeatures}, independent of the transport: resolves the features against
 * the in-memory registry snapshot, validates and types the entity rows, reads every view in one
 * {@link dev.featurestore.core.online.OnlineStore#read} call and assembles the column-major
 * response. Blocks for the store call: callers run it off event-loop threads.
 *
 * <p>Thread-safe. Lookup maps are rebuilt only when the registry snapshot instance changes.
 */
public final class OnlineFeatureService {
  private final RegistrySnapshotSource registry;
  private final OnlineStoreGateway store;
  private final Clock clock;
  private final int maxEntityRows;
  private final ServingMetrics metrics;
  private final MissHandler misses;
  private volatile RegistryIndex index;

  public OnlineFeatureService(RegistrySnapshotSource registry, OnlineStoreGateway store, Clock clock,
      int maxEntityRows, ServingMetrics metrics) {
    this(registry, store, clock, maxEntityRows, metrics, null);
  }

  /** @param misses what to do about entities the store lacks; {@code null} for nothing (Feast's way) */
  public OnlineFeatureService(RegistrySnapshotSource registry, OnlineStoreGateway store, Clock clock,
      int maxEntityRows, ServingMetrics metrics, MissHandler misses) {
    this.misses = misses;
    this.registry = requireNonNull(registry, "registry is null");
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.maxEntityRows = maxEntityRows;
    this.metrics = requireNonNull(metrics, "metrics is null");
  }

  /** The lookup maps of the current registry snapshot. */
  public RegistryIndex index() {
    RepoContents contents = registry.current();
    if (contents == null) {
      throw new FeatureStoreException(ErrorCode.REGISTRY_UNAVAILABLE, "no registry snapshot is loaded");
    }
    RegistryIndex current = index;
    if (current == null || current.contents() != contents) {
      current = RegistryIndex.of(contents);
      index = current;
    }
    return current;
  }

  public GetOnlineFeaturesResponse getOnlineFeatures(GetOnlineFeaturesRequest request) {
    RegistryIndex current = index();
    ResolvedFeatures features = switch (request.getKindCase()) {
      case FEATURE_SERVICE ->
          FeatureResolver.resolveService(current, request.getFeatureService(), request.getFullFeatureNames());
      case FEATURES ->
          FeatureResolver.resolveRefs(current, request.getFeatures().getValList(), request.getFullFeatureNames());
      case KIND_NOT_SET ->
          throw FeatureResolver.invalid("the request names no features: give 'features' or 'feature_service'");
    };
    return read(current, features, request.getEntitiesMap());
  }

  /** Reads resolved features for the given entity columns (also used by the product API). */
  public GetOnlineFeaturesResponse read(RegistryIndex current, ResolvedFeatures features,
      Map<String, RepeatedValue> entities) {
    int rows = EntityRows.validate(features, entities, maxEntityRows);
    List<EntityKeys> keys = new ArrayList<>(features.selections().size());
    List<ViewRead> reads = new ArrayList<>(features.selections().size());
    for (ViewSelection selection : features.selections()) {
      EntityKeys viewKeys = EntityKeys.of(selection, entities, rows);
      keys.add(viewKeys);
      reads.add(new ViewRead(selection.view().name(), selection.features(), viewKeys.keys()));
    }
    List<List<OnlineRow>> results = store.read(current.project(), reads);
    if (results.size() != reads.size()) {
      throw new FeatureStoreException(ErrorCode.INTERNAL,
          "online store returned " + results.size() + " results for " + reads.size() + " reads");
    }
    ResponseAssembler.countLookups(features, keys, results, metrics);
    if (misses != null) {
      results = misses.onMisses(current.project(), features.selections(), keys, results);
    }
    return ResponseAssembler.assemble(features, entities, rows, keys, results, clock.instant());
  }
}
