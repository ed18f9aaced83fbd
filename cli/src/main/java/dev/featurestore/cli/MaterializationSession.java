package dev.featurestore.cli;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.materialize.MaterializationEngine;
import dev.featurestore.core.materialize.MaterializationListener;
import dev.featurestore.core.materialize.MaterializationResult;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.materializer.MaterializationBackEnds;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * The stores a materialize command wires together: the repository's registry, its online store
 * and its offline store, all opened from feature_store.yaml and closed together.
 */
final class MaterializationSession implements AutoCloseable {
  private static final String BATCH_SIZE = "online_write_batch_size";

  private final RepoWorkspace workspace;
  private final OnlineStore onlineStore;
  private final OfflineStore offlineStore;

  private MaterializationSession(
      RepoWorkspace workspace, OnlineStore onlineStore, OfflineStore offlineStore) {
    this.workspace = workspace;
    this.onlineStore = onlineStore;
    this.offlineStore = offlineStore;
  }

  static MaterializationSession open(Path repoDir, PrintWriter err) {
    RepoWorkspace workspace = RepoWorkspace.open(repoDir, err);
    OnlineStore online = null;
    try {
      online = OnlineStores.open(workspace.config());
      OfflineStore offline = OfflineStores.open(workspace.config());
      return new MaterializationSession(workspace, online, offline);
    } catch (RuntimeException e) {
      if (online != null) {
        online.close();
      }
      workspace.close();
      throw e;
    }
  }

  RepoConfig config() {
    return workspace.config();
  }

  RepoWorkspace workspace() {
    return workspace;
  }

  OnlineStore onlineStore() {
    return onlineStore;
  }

  OfflineStore offlineStore() {
    return offlineStore;
  }

  /** An engine writing in Feast's {@code materialization.online_write_batch_size} (default 1000). */
  MaterializationEngine engine(MaterializationListener listener) {
    return new MaterializationEngine(
        onlineStore, offlineStore, workspace.store(), Clock.systemUTC(), listener, batchSize());
  }

  /** The stores for a scheduler, which builds an engine per run; they stay owned by this session. */
  MaterializationBackEnds backEnds() {
    return new MaterializationBackEnds(onlineStore, offlineStore, workspace.store(), batchSize());
  }

  private int batchSize() {
    Object size = config().materialization().get(BATCH_SIZE);
    return size instanceof Number n ? n.intValue() : PullLatestRequest.DEFAULT_BATCH_SIZE;
  }

  MaterializationProgress progress(PrintWriter out) {
    return new MaterializationProgress(out, config().onlineStore().type());
  }

  static void printSummary(PrintWriter out, MaterializationResult result, long startedNanos) {
    out.printf(
        Locale.ROOT,
        "%nMaterialized %,d rows of %d feature views in %.1f s.%n",
        result.totalRows(),
        result.views().size(),
        (System.nanoTime() - startedNanos) / 1e9);
    out.flush();
  }

  @Override
  public void close() {
    try (workspace;
        onlineStore;
        offlineStore) {
      // closed in reverse order
    }
  }
}
