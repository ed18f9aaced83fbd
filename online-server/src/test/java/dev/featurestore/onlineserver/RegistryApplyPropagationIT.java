package dev.featurestore.onlineserver;

import static dev.featurestore.onlineserver.TestingRepo.i64;
import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.registry.ApplyHistoryEntry;
import dev.featurestore.core.registry.RegistryChange;
import dev.featurestore.core.registry.RegistryState;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.onlineserver.serving.RegistrySnapshotSource;
import dev.featurestore.registry.apply.RegistryPlanner;
import dev.featurestore.registry.apply.RepoApplier;
import dev.featurestore.registry.cache.CachedRegistry;
import dev.featurestore.registry.cache.ChangeToken;
import dev.featurestore.registry.cache.ChangeTokenSource;
import dev.featurestore.registry.sql.JooqRegistryStore;
import dev.featurestore.registry.sql.SqlAlchemyUrl;
import feast.proto.serving.ServingAPIProto.FeatureList;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesRequest;
import feast.proto.serving.ServingServiceGrpc;
import feast.proto.types.ValueProto.RepeatedValue;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running server sees a new {@code apply} within about a second, and no request ever waits on the
 * registry database: every store read happens on the cache's refresh thread.
 */
class RegistryApplyPropagationIT {
  private static final String NEW_VIEW = "driver_hourly_stats_v2";

  @TempDir Path repo;

  @Test
  void aNewViewIsServedWithinASecondOfTheApplyWithoutRegistryReadsOnRequestThreads() throws Exception {
    Files.createDirectories(repo.resolve("data"));
    try (JooqRegistryStore database = new JooqRegistryStore(SqlAlchemyUrl.parse("sqlite:///data/registry.db", repo),
        false)) {
      // The applier (the CLI in real life) reads the store itself; only the server's reads are recorded.
      ThreadRecordingStore store = new ThreadRecordingStore(database);
      RepoApplier applier = new RepoApplier(database, new RegistryPlanner(), Clock.systemUTC());
      applier.apply(TestingRepo.contents());
      try (CachedRegistry cache = new CachedRegistry(store, TestingRepo.PROJECT, Duration.ofSeconds(1));
          OnlineServer server = OnlineServer.start(
              OnlineServerConfig.from(Map.of("rest_port", 0, "grpc_port", 0, "host", "127.0.0.1")),
              RegistrySnapshotSource.of(cache), TestingRepo.store())) {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        try {
          var serving = ServingServiceGrpc.newBlockingStub(channel);
          assertThat(request(serving, "driver_hourly_stats")).isTrue();
          assertThat(request(serving, NEW_VIEW)).isFalse();
          store.readThreads.clear();

          applier.apply(withNewView(TestingRepo.contents()));
          long applied = System.nanoTime();
          List<Long> latencies = new ArrayList<>();
          boolean served = false;
          while (!served && System.nanoTime() - applied < Duration.ofSeconds(3).toNanos()) {
            long started = System.nanoTime();
            served = request(serving, NEW_VIEW);
            latencies.add(System.nanoTime() - started);
            if (!served) {
              Thread.sleep(20);
            }
          }
          long visibleAfterMillis = (System.nanoTime() - applied) / 1_000_000;

          assertThat(served).isTrue();
          assertThat(visibleAfterMillis).as("ms from apply to first successful request").isLessThan(1_500);
          assertThat(store.readThreads).as("threads that read the registry store")
              .isNotEmpty().allMatch(name -> name.startsWith("registry-refresh-"));
          assertThat(latencies.stream().mapToLong(Long::longValue).max().orElseThrow() / 1_000_000)
              .as("slowest request, ms").isLessThan(250);
        } finally {
          channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
      }
    }
  }

  private static boolean request(ServingServiceGrpc.ServingServiceBlockingStub serving, String view) {
    try {
      serving.getOnlineFeatures(GetOnlineFeaturesRequest.newBuilder()
          .setFeatures(FeatureList.newBuilder().addVal(view + ":conv_rate"))
          .putEntities("driver_id", RepeatedValue.newBuilder().addVal(i64(1001)).build())
          .build());
      return true;
    } catch (StatusRuntimeException e) {
      return false;
    }
  }

  private static RepoContents withNewView(RepoContents contents) {
    FeatureView base = contents.featureViews().get(0);
    FeatureView copy = new FeatureView(NEW_VIEW, base.entities(), base.features(), base.entityColumns(), base.ttl(),
        base.online(), base.offline(), base.batchSource(), base.streamSource(), base.metadata());
    List<FeatureView> views = new ArrayList<>(contents.featureViews());
    views.add(copy);
    return new RepoContents(contents.project(), contents.entities(), contents.dataSources(), views,
        contents.onDemandFeatureViews(), contents.featureServices(), contents.labelViews());
  }

  /** A real registry store that remembers which threads read it. */
  private static final class ThreadRecordingStore implements RegistryStore, ChangeTokenSource {
    final Queue<String> readThreads = new ConcurrentLinkedQueue<>();
    private final JooqRegistryStore delegate;

    ThreadRecordingStore(JooqRegistryStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public RegistryState read(String project) {
      readThreads.add(Thread.currentThread().getName());
      return delegate.read(project);
    }

    @Override
    public ChangeToken changeToken(String project) {
      readThreads.add(Thread.currentThread().getName());
      return delegate.changeToken(project);
    }

    @Override
    public List<String> projects() {
      return delegate.projects();
    }

    @Override
    public void apply(String project, List<RegistryChange> changes, Instant appliedAt) {
      delegate.apply(project, changes, appliedAt);
    }

    @Override
    public void teardown(String project, Instant at) {
      delegate.teardown(project, at);
    }

    @Override
    public void importHistory(String project, List<ApplyHistoryEntry> oldestFirst) {
      throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public List<ApplyHistoryEntry> history(String project, int limit) {
      return delegate.history(project, limit);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
