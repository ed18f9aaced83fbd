package dev.featurestore.registry.apply;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.proto.RegistryProtoMapper;
import dev.featurestore.core.registry.RegistryChange;
import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryState;
import dev.featurestore.core.registry.RegistryStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code plan}, {@code apply} and {@code teardown} of a repository against a registry store. Apply
 * writes the whole plan in one {@link RegistryStore#apply} call, so a failure changes nothing;
 * contents that break {@link StreamViewRules} are refused before anything is read or written.
 */
public final class RepoApplier {
  private final RegistryStore store;
  private final RegistryPlanner planner;
  private final Clock clock;

  public RepoApplier(RegistryStore store, RegistryPlanner planner, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.planner = requireNonNull(planner, "planner is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** What {@link #apply} would change, without changing anything. */
  public RegistryPlan plan(RepoContents desired) {
    return plan(desired, clock.instant());
  }

  /** Applies the repository; returns the plan that was applied (no changes: nothing written). */
  public RegistryPlan apply(RepoContents desired) {
    Instant now = clock.instant();
    RegistryPlan plan = plan(desired, now);
    if (plan.hasChanges()) {
      store.apply(plan.project(), plan.changes(), now);
    }
    return plan;
  }

  /** Deletes every object of the project; returns what was deleted. */
  public RegistryPlan teardown(String project) {
    RegistryState current = store.read(project);
    List<ObjectDiff> diffs = new ArrayList<>();
    List<RegistryChange> changes = new ArrayList<>();
    for (RegistryObject object : current.objects()) {
      diffs.add(new ObjectDiff(object.kind(), object.name(), ObjectDiff.Transition.DELETE, List.of()));
      changes.add(
          new RegistryChange(
              RegistryChange.Type.DELETE, object.kind(), object.name(), Optional.empty(), "teardown"));
    }
    if (current.projectExists()) {
      store.teardown(project, clock.instant());
    }
    return new RegistryPlan(project, diffs, changes);
  }

  private RegistryPlan plan(RepoContents desired, Instant now) {
    // The loader already reported these at their lines; contents built in code meet them here.
    StreamViewRules.requireValid(desired);
    String project = desired.project().name();
    List<RegistryObject> objects = RegistryProtoMapper.toRegistryObjects(desired);
    return planner.plan(project, objects, store.read(project), now);
  }
}
