package dev.featurestore.cli.registry;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.registry.ApplyHistoryEntry;
import dev.featurestore.core.registry.RegistryChange;
import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.core.registry.RegistryState;
import dev.featurestore.core.registry.RegistryStore;
import feast.proto.core.ProjectProto;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Copies a project from one registry to another through the {@link RegistryStore} SPI, in one
 * apply (one transaction on the target).
 *
 * <p>Each object is written as the proto the source returns, so its bytes carry over unchanged,
 * unknown fields included. The apply is stamped with the source Project's own {@code
 * last_updated_timestamp}: the store then re-stamps the Project with the time it already has, so
 * the Project's bytes and the project's last-updated time (Feast's {@code feast_metadata}) match
 * the source too.
 *
 * <p>The source's apply history is imported first, entry by entry with its own times, when the
 * target has no history of the project yet (a re-run after a failure does not import it twice);
 * the copy itself then adds one "migrated from" entry per object. Not carried: Feast's random
 * {@code project_uuid}, which the target draws afresh.
 */
final class RegistryCopier {

  /** What one project's copy wrote. */
  /**
   * @param sourceHistory entries in the source's apply history
   * @param importedHistory how many of them were imported (0 when the target had history already)
   */
  record Result(String project, int objects, int deleted, int sourceHistory, int importedHistory) {}

  private final RegistryStore source;
  private final RegistryStore target;
  private final String summary;
  private final Clock clock;

  RegistryCopier(RegistryStore source, RegistryStore target, String sourceName, Clock clock) {
    this.source = requireNonNull(source, "source is null");
    this.target = requireNonNull(target, "target is null");
    this.summary = "migrated from " + requireNonNull(sourceName, "sourceName is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * Makes {@code project} in the target equal to the source: creates or overwrites every source
   * object and deletes target objects the source lacks (only present when the target was not empty).
   */
  Result copy(String project) {
    RegistryState from = source.read(project);
    RegistryState existing = target.read(project);
    List<RegistryChange> changes = new ArrayList<>();
    List<RegistryObject> stale = new ArrayList<>(existing.objects());
    stale.removeIf(o -> o.kind() == RegistryObjectKind.PROJECT || from.find(o.kind(), o.name()).isPresent());
    // Deletes first and dependants first, so a partial read of the apply never sees dangling names.
    for (int i = stale.size() - 1; i >= 0; i--) {
      RegistryObject o = stale.get(i);
      changes.add(new RegistryChange(RegistryChange.Type.DELETE, o.kind(), o.name(), Optional.empty(), summary));
    }
    for (RegistryObject o : from.objects()) {
      boolean exists = existing.find(o.kind(), o.name()).isPresent();
      RegistryChange.Type type = exists ? RegistryChange.Type.UPDATE : RegistryChange.Type.CREATE;
      changes.add(new RegistryChange(type, o.kind(), o.name(), Optional.of(o.proto()), summary));
    }
    List<ApplyHistoryEntry> history = new ArrayList<>(source.history(project, Integer.MAX_VALUE));
    int imported = 0;
    if (!history.isEmpty() && target.history(project, 1).isEmpty()) {
      Collections.reverse(history); // the SPI reads newest first and imports oldest first
      target.importHistory(project, history);
      imported = history.size();
    }
    target.apply(project, changes, appliedAt(from));
    return new Result(project, from.objects().size(), stale.size(), history.size(), imported);
  }

  /** The Project's own last-updated time, else the project's, else now. */
  private Instant appliedAt(RegistryState state) {
    Optional<Instant> fromProject = state.find(RegistryObjectKind.PROJECT, state.project())
        .map(RegistryObject::proto)
        .filter(ProjectProto.Project.class::isInstance)
        .map(p -> ((ProjectProto.Project) p).getMeta())
        .filter(ProjectProto.ProjectMeta::hasLastUpdatedTimestamp)
        .map(meta -> instant(meta.getLastUpdatedTimestamp()));
    return fromProject.or(state::lastUpdated).orElseGet(clock::instant);
  }

  private static Instant instant(Timestamp ts) {
    return Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos());
  }
}
