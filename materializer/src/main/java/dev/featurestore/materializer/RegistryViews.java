package dev.featurestore.materializer;

import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.materialize.StoredView;
import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.core.registry.RegistryState;
import feast.proto.core.FeatureViewProto.MaterializationInterval;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feature views a schedule can hold: the registry's online, enabled feature views (what the
 * engine materializes when given no names), each with the end of its newest materialized interval
 * ({@code meta.materialization_intervals}).
 */
final class RegistryViews {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryViews.class);

  private RegistryViews() {}

  /** Online, enabled feature views by name, sorted, with their newest interval end if any. */
  static Map<String, Optional<Instant>> online(RegistryState state) {
    Map<String, Optional<Instant>> views = new TreeMap<>();
    for (RegistryObjectKind kind : StoredView.KINDS) {
      for (RegistryObject object : state.objects(kind)) {
        StoredView view;
        try {
          view = StoredView.of(object);
        } catch (FeatureStoreException e) {
          LOG.warn("feature view {} does not parse; not scheduled", object.name());
          continue;
        }
        if (view.online() && !view.disabled()) {
          views.put(object.name(), view.meta().getMaterializationIntervalsList().stream()
              .map(MaterializationInterval::getEndTime)
              .map(end -> Instant.ofEpochSecond(end.getSeconds(), end.getNanos()))
              .max(Instant::compareTo));
        }
      }
    }
    return views;
  }
}
