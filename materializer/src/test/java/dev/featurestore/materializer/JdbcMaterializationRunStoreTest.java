package dev.featurestore.materializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history table on SQLite, created by the registry's V3 migration. */
class JdbcMaterializationRunStoreTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  @TempDir Path tmp;
  private JdbcMaterializationRunStore store;

  @BeforeEach
  void createTable() throws Exception {
    String url = "jdbc:sqlite:" + tmp.resolve("registry.db");
    try (Connection connection = DriverManager.getConnection(url)) {
      RegistryMigrations.createRunsTable(connection, "sqlite");
    }
    store = new JdbcMaterializationRunStore(() -> DriverManager.getConnection(url));
  }

  @Test
  void recordsRunsAndReadsThemNewestFirst() {
    long first = store.start("p", "a", T0, "host-1");
    store.finish(first, new RunOutcome(T0.plusSeconds(2), Optional.of(T0.minusSeconds(3600)),
        Optional.of(T0), 42, RunStatus.SUCCEEDED, Optional.empty()));
    long second = store.start("p", "a", T0.plusSeconds(60), "host-2");
    store.finish(second, new RunOutcome(T0.plusSeconds(61), Optional.empty(), Optional.empty(), 0,
        RunStatus.RETRYING, Optional.of("online store unavailable")));
    long running = store.start("p", "b", T0.plusSeconds(120), "host-1");
    store.start("other", "a", T0, "host-1");

    assertThat(store.history("p", Optional.empty(), 10))
        .extracting(MaterializationRun::id).containsExactly(running, second, first);
    assertThat(store.history("p", Optional.of("a"), 1)).extracting(MaterializationRun::id).containsExactly(second);
    MaterializationRun done = store.history("p", Optional.of("a"), 10).get(1);
    assertThat(done).isEqualTo(new MaterializationRun(first, "p", "a", T0, Optional.of(T0.plusSeconds(2)),
        Optional.of(T0.minusSeconds(3600)), Optional.of(T0), 42, RunStatus.SUCCEEDED, Optional.empty(), "host-1"));
    MaterializationRun open = store.history("p", Optional.of("b"), 10).get(0);
    assertThat(open.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(open.finishedAt()).isEmpty();
    assertThat(store.history("p", Optional.of("a"), 10).get(0).error()).contains("online store unavailable");
    assertThat(store.lastSuccess("p", "a")).map(MaterializationRun::id).contains(first);
    assertThat(store.lastSuccess("p", "b")).isEmpty();
  }

  @Test
  void aMissingTableIsRegistryUnavailable() {
    JdbcMaterializationRunStore empty = new JdbcMaterializationRunStore(
        () -> DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("empty.db")));

    assertThatThrownBy(() -> empty.start("p", "a", T0, "host"))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageContaining("fs_materialization_runs")
        .satisfies(e -> assertThat(((FeatureStoreException) e).code()).isEqualTo(ErrorCode.REGISTRY_UNAVAILABLE));
  }
}
