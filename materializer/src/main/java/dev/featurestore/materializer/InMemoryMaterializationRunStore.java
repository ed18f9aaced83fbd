package dev.featurestore.materializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Job history kept in this process only: for the file registry, which has no database to hold
 * {@code fs_materialization_runs}, and when {@code history: false}. Lost on restart. Keeps the
 * newest {@code capacity} runs.
 */
public final class InMemoryMaterializationRunStore implements MaterializationRunStore {
  private static final Comparator<MaterializationRun> NEWEST_FIRST =
      Comparator.comparing(MaterializationRun::startedAt)
          .thenComparingLong(MaterializationRun::id)
          .reversed();

  private final int capacity;
  private final List<MaterializationRun> runs = new ArrayList<>();
  private long nextId = 1;

  public InMemoryMaterializationRunStore() {
    this(10_000);
  }

  public InMemoryMaterializationRunStore(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.capacity = capacity;
  }

  @Override
  public synchronized long start(String project, String featureView, Instant startedAt, String instance) {
    long id = nextId++;
    runs.add(new MaterializationRun(id, project, featureView, startedAt, Optional.empty(),
        Optional.empty(), Optional.empty(), 0, RunStatus.RUNNING, Optional.empty(), instance));
    if (runs.size() > capacity) {
      runs.remove(0);
    }
    return id;
  }

  @Override
  public synchronized void finish(long id, RunOutcome outcome) {
    for (int i = 0; i < runs.size(); i++) {
      MaterializationRun run = runs.get(i);
      if (run.id() == id) {
        runs.set(i, new MaterializationRun(id, run.project(), run.featureView(), run.startedAt(),
            Optional.of(outcome.finishedAt()), outcome.windowStart(), outcome.windowEnd(),
            outcome.rowsWritten(), outcome.status(), outcome.error(), run.instance()));
        return;
      }
    }
  }

  @Override
  public synchronized List<MaterializationRun> history(
      String project, Optional<String> featureView, int limit) {
    return runs.stream()
        .filter(r -> r.project().equals(project))
        .filter(r -> featureView.isEmpty() || r.featureView().equals(featureView.get()))
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Optional<MaterializationRun> lastSuccess(String project, String featureView) {
    return runs.stream()
        .filter(r -> r.project().equals(project) && r.featureView().equals(featureView))
        .filter(r -> r.status() == RunStatus.SUCCEEDED && r.windowEnd().isPresent())
        .max(Comparator.comparing(MaterializationRun::startedAt).thenComparingLong(MaterializationRun::id));
  }
}
