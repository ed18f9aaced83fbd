package dev.featurestore.core.materialize;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.offline.OfflineRowStream;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.core.registry.RegistryChange;
import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.core.registry.RegistryState;
import dev.featurestore.core.registry.RegistryStore;
import feast.proto.core.FeatureViewProto;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Copies the latest feature values of a time window from the offline store into the online store
 * and records the window in the registry, as Feast's {@code FeatureStore.materialize} and {@code
 * materialize_incremental} ({@code feature_store.py}) with the local compute engine.
 *
 * <p>Every view of a run is validated (names, source files and columns, dtypes) before anything is
 * written. Views then run one after the other; each view's rows are written in batches, and only
 * once all are written is its interval appended to the stored view (one registry transaction). If a
 * view fails, its interval is not recorded and the exception propagates: the next run writes the
 * same window again, which online writes make harmless (they are idempotent). Views finished
 * before the failure keep their recorded intervals, as in Feast.
 *
 * <p>Rows whose event time is older than {@code end - ttl} are not read (a ttl of zero means no
 * cut-off): they would be past the view's max age as soon as they were served. Feast's local
 * engine reads them anyway; the recorded interval is the requested one either way.
 *
 * <p>Not thread-safe: one run at a time per instance. The stores are owned by the caller.
 */
public final class MaterializationEngine {

  /** Feast's fallback start of an incremental run for a view with no ttl and no history. */
  static final Duration NO_TTL_LOOKBACK = Duration.ofDays(7 * 52);

  private final OnlineStore onlineStore;
  private final OfflineStore offlineStore;
  private final RegistryStore registry;
  private final Clock clock;
  private final MaterializationListener listener;
  private final int batchSize;

  public MaterializationEngine(
      OnlineStore onlineStore,
      OfflineStore offlineStore,
      RegistryStore registry,
      Clock clock,
      MaterializationListener listener) {
    this(onlineStore, offlineStore, registry, clock, listener, PullLatestRequest.DEFAULT_BATCH_SIZE);
  }

  /** @param batchSize rows per online write (Feast's {@code online_write_batch_size}) */
  public MaterializationEngine(
      OnlineStore onlineStore,
      OfflineStore offlineStore,
      RegistryStore registry,
      Clock clock,
      MaterializationListener listener,
      int batchSize) {
    this.onlineStore = requireNonNull(onlineStore, "onlineStore is null");
    this.offlineStore = requireNonNull(offlineStore, "offlineStore is null");
    this.registry = requireNonNull(registry, "registry is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.listener = requireNonNull(listener, "listener is null");
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
    }
    this.batchSize = batchSize;
  }

  /**
   * Materializes {@code [start, end]} of the named views, or of every enabled online feature view
   * when {@code views} is empty.
   *
   * @throws FeatureStoreException INVALID_ARGUMENT unless start is before end;
   *     FEATURE_VIEW_NOT_FOUND for an unknown name; the offline store's errors for a source that
   *     does not fit the view; all before anything is written
   */
  public MaterializationResult materialize(
      String project, List<String> views, Instant start, Instant end) {
    requireNonNull(start, "start is null");
    requireNonNull(end, "end is null");
    if (!start.isBefore(end)) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_ARGUMENT,
          "the start " + start + " must be before the end " + end);
    }
    List<String> skipped = new ArrayList<>();
    List<MaterializationTarget> targets = select(project, views, skipped);
    List<ViewWindow> windows = new ArrayList<>();
    for (MaterializationTarget target : targets) {
      windows.add(window(target, start, end));
    }
    return run(project, targets, windows, Optional.of(start), end, skipped);
  }

  /**
   * Materializes each view from the end of its last recorded interval up to {@code end}. A view
   * never materialized starts at {@code now - ttl}, or 52 weeks before now when its ttl is zero,
   * as Feast does. A view already materialized up to {@code end} or later is skipped.
   */
  public MaterializationResult materializeIncremental(
      String project, Instant end, List<String> views) {
    requireNonNull(end, "end is null");
    List<String> skipped = new ArrayList<>();
    List<MaterializationTarget> selected = select(project, views, skipped);
    List<MaterializationTarget> targets = new ArrayList<>();
    List<ViewWindow> windows = new ArrayList<>();
    Instant now = clock.instant();
    for (MaterializationTarget target : selected) {
      Duration ttl = target.view().ttl();
      Instant start =
          target
              .mostRecentEnd()
              .orElseGet(() -> now.minus(ttl.isZero() ? NO_TTL_LOOKBACK : ttl));
      String name = target.view().name();
      if (!start.isBefore(end)) {
        skip(skipped, name, "already materialized up to " + start);
        continue;
      }
      if (target.mostRecentEnd().isEmpty() && ttl.isZero()) {
        listener.note(
            name, "its ttl is 0, so the start is set to 52 weeks before now: " + start);
      }
      targets.add(target);
      windows.add(window(target, start, end));
    }
    return run(project, targets, windows, Optional.empty(), end, skipped);
  }

  /**
   * The names of the views a run over {@code views} would consider, in run order, without writing
   * or notifying the listener: every enabled online view when {@code views} is empty, else the
   * named views that can be materialized (views that would be skipped are left out).
   *
   * @throws FeatureStoreException PROJECT_NOT_FOUND, FEATURE_VIEW_NOT_FOUND for an unknown name
   */
  public List<String> featureViews(String project, List<String> views) {
    requireNonNull(project, "project is null");
    RegistryState state = registry.read(project);
    if (!state.projectExists()) {
      throw new FeatureStoreException(
          ErrorCode.PROJECT_NOT_FOUND,
          "project " + project + " does not exist in the registry; run apply first");
    }
    return ViewSelection.select(state, List.copyOf(views), (name, why) -> {}).stream()
        .map(target -> target.view().name())
        .toList();
  }

  private List<MaterializationTarget> select(
      String project, List<String> views, List<String> skipped) {
    requireNonNull(project, "project is null");
    RegistryState state = registry.read(project);
    if (!state.projectExists()) {
      throw new FeatureStoreException(
          ErrorCode.PROJECT_NOT_FOUND,
          "project " + project + " does not exist in the registry; run apply first");
    }
    return ViewSelection.select(state, List.copyOf(views), (name, why) -> skip(skipped, name, why));
  }

  private void skip(List<String> skipped, String view, String reason) {
    skipped.add(view + ": " + reason);
    listener.skipped(view, reason);
  }

  private static ViewWindow window(MaterializationTarget target, Instant start, Instant end) {
    Duration ttl = target.view().ttl();
    Instant pullFrom = start;
    if (!ttl.isZero() && end.minus(ttl).isAfter(start)) {
      pullFrom = end.minus(ttl);
    }
    return new ViewWindow(target.view().name(), start, end, pullFrom);
  }

  private MaterializationResult run(
      String project,
      List<MaterializationTarget> targets,
      List<ViewWindow> windows,
      Optional<Instant> start,
      Instant end,
      List<String> skipped) {
    List<PullLatestRequest> requests = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      MaterializationTarget target = targets.get(i);
      ViewWindow window = windows.get(i);
      requests.add(
          new PullLatestRequest(
              target.view(), target.joinKeys(), window.pullFrom(), window.end(), batchSize));
    }
    requests.forEach(offlineStore::checkPull);
    listener.planned(windows, start, end);
    List<ViewMaterialization> done = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      done.add(materializeView(project, requests.get(i), windows.get(i)));
    }
    return new MaterializationResult(done, skipped);
  }

  private ViewMaterialization materializeView(
      String project, PullLatestRequest request, ViewWindow window) {
    listener.viewStarted(window);
    long started = System.nanoTime();
    long rows = 0;
    try (OfflineRowStream stream = offlineStore.pullLatest(request)) {
      for (List<OnlineWriteRow> batch = stream.nextBatch();
          !batch.isEmpty();
          batch = stream.nextBatch()) {
        onlineStore.write(project, window.view(), batch);
        rows += batch.size();
        listener.rowsWritten(window, rows, Duration.ofNanos(System.nanoTime() - started));
      }
      recordInterval(project, window);
    } catch (RuntimeException e) {
      throw failed(window, rows, e);
    }
    ViewMaterialization result =
        new ViewMaterialization(window, rows, Duration.ofNanos(System.nanoTime() - started));
    listener.viewFinished(result);
    return result;
  }

  private void recordInterval(String project, ViewWindow window) {
    Instant now = clock.instant();
    StoredView stored =
        StoredView.find(registry.read(project), window.view())
            .orElseThrow(
                () ->
                    new FeatureStoreException(
                        ErrorCode.FEATURE_VIEW_NOT_FOUND,
                        "Feature view " + window.view() + " was deleted from project " + project
                            + " while it was being materialized"));
    registry.apply(
        project,
        List.of(
            new RegistryChange(
                RegistryChange.Type.UPDATE,
                stored.kind(),
                window.view(),
                Optional.of(
                    stored.withMeta(
                        MaterializationIntervals.record(
                            stored.meta(), window.start(), window.end(), now))),
                "materialized " + window.start() + " to " + window.end())),
        now);
  }

  private static FeatureStoreException failed(ViewWindow window, long rows, RuntimeException e) {
    ErrorCode code = e instanceof FeatureStoreException fse ? fse.code() : ErrorCode.INTERNAL;
    String cause = e instanceof FeatureStoreException ? e.getMessage() : e.toString();
    return new FeatureStoreException(
        code,
        "materializing feature view " + window.view() + " from " + window.start() + " to "
            + window.end() + " failed after " + rows + " rows; its interval was not recorded,"
            + " so the next run writes the window again: " + cause,
        e);
  }
}
