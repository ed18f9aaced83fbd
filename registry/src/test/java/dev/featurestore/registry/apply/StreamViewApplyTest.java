package dev.featurestore.registry.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.Aggregation;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.StreamViewSpec;
import dev.featurestore.core.proto.RegistryProtoMapper;
import dev.featurestore.core.registry.ApplyHistoryEntry;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.core.registry.RegistryState;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.registry.dump.RegistryJson;
import dev.featurestore.registry.file.FileRegistryStore;
import dev.featurestore.registry.repo.RepoDefinitionsLoader;
import dev.featurestore.registry.sql.JooqRegistryStore;
import dev.featurestore.registry.sql.SqlAlchemyUrl;
import feast.proto.core.DataSourceProto;
import feast.proto.core.StreamFeatureViewProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Applying repositories with stream feature views to Feast's file registry and to the SQL registry
 * (SQLite): what is stored, the plan text, and that a failing definition changes nothing.
 */
class StreamViewApplyTest {

  private static final String PROJECT = "p";

  private static final String HEADER = """
      from datetime import timedelta
      from feast import Aggregation, Entity, FeatureView, Field, FileSource, StreamFeatureView, ValueType
      from feast.types import Float64, Int64
      from featurestore import PostgresCdcSource
      user = Entity(name="user", join_keys=["user_id"], value_type=ValueType.STRING)
      orders_file = FileSource(name="orders_file", path="data/orders.parquet", timestamp_field="created_at")
      orders_cdc = PostgresCdcSource(name="orders_cdc", table="orders", timestamp_field="created_at",
          batch_source=orders_file, watermark_delay_threshold=timedelta(seconds=30))
      """;

  private static final String VELOCITY = HEADER + """
      order_velocity = StreamFeatureView(name="order_velocity", source=orders_cdc, entities=[user],
          ttl=timedelta(days=2), timestamp_field="created_at",
          schema=[Field(name="sum_amount_3600s", dtype=Float64), Field(name="orders_1d", dtype=Int64)],
          aggregations=[
              Aggregation(column="amount", function="sum", time_window=timedelta(hours=1)),
              Aggregation(column="amount", function="count", time_window=timedelta(days=1),
                          slide_interval=timedelta(hours=1), name="orders_1d"),
          ])
      """;

  @TempDir Path dir;

  private final List<RegistryStore> opened = new ArrayList<>();
  private Instant now = Instant.parse("2024-01-15T12:00:00Z");

  @AfterEach
  void close() {
    opened.forEach(RegistryStore::close);
  }

  private RegistryStore store(String kind) {
    RegistryStore store = kind.equals("file")
        ? new FileRegistryStore(dir.resolve("data/registry.db"), false)
        : new JooqRegistryStore(SqlAlchemyUrl.parse("sqlite:///data/registry.db", dir), false);
    opened.add(store);
    return store;
  }

  private RepoContents load(String text) throws IOException {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo);
    Files.writeString(repo.resolve("defs.py"), text);
    return new RepoDefinitionsLoader().load(repo, PROJECT).contents();
  }

  private RegistryPlan apply(RegistryStore store, RepoContents contents) {
    now = now.plusSeconds(60);
    return new RepoApplier(store, new RegistryPlanner(), Clock.fixed(now, ZoneOffset.UTC)).apply(contents);
  }

  @ParameterizedTest
  @ValueSource(strings = {"file", "sqlite"})
  void storesTheStreamViewAsFeastDoesAndReadsItBack(String kind) throws Exception {
    RegistryStore store = store(kind);
    RepoContents contents = load(VELOCITY);
    RegistryPlan plan = apply(store, contents);
    assertThat(plan.toFeastString()).isEqualTo(
        "Created project p\nCreated entity user\nCreated stream feature view order_velocity\n");

    RegistryState state = store.read(PROJECT);
    assertThat(state.find(RegistryObjectKind.FEATURE_VIEW, "order_velocity")).isEmpty();
    StreamFeatureViewProto.StreamFeatureView stored = StreamFeatureViewProto.StreamFeatureView.parseFrom(
        state.find(RegistryObjectKind.STREAM_FEATURE_VIEW, "order_velocity").orElseThrow().proto().toByteString());
    assertThat(stored.getSpec().getAggregationsCount()).isEqualTo(2);
    assertThat(stored.getSpec().getStreamSource().getDataSourceClassType()).isEqualTo("featurestore.PostgresCdcSource");
    assertThat(stored.getMeta().getCreatedTimestamp().getSeconds()).isEqualTo(now.getEpochSecond());
    DataSourceProto.DataSource cdc = DataSourceProto.DataSource.parseFrom(
        state.find(RegistryObjectKind.DATA_SOURCE, "orders_cdc").orElseThrow().proto().toByteString());
    assertThat(cdc.getType()).isEqualTo(DataSourceProto.DataSource.SourceType.CUSTOM_SOURCE);
    assertThat(cdc.getBatchSource().getName()).isEqualTo("orders_file");

    // Read back as servers and the console do: one of the feature views, aggregations and all.
    RepoContents back = RegistryProtoMapper.fromRegistry(PROJECT, store(kind).read(PROJECT).objects());
    assertThat(back.featureView("order_velocity")).contains(contents.featureView("order_velocity").orElseThrow());
    assertThat(back.dataSource("orders_cdc")).isEqualTo(contents.dataSource("orders_cdc"));

    assertThat(apply(store, load(VELOCITY)).toFeastString()).isEqualTo("No changes to registry\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"file", "sqlite"})
  void anUnsupportedAggregationFailsAtItsLineAndLeavesTheRegistryUnchanged(String kind) throws Exception {
    RegistryStore store = store(kind);
    apply(store, load(VELOCITY));
    RegistryState before = store.read(PROJECT);
    List<ApplyHistoryEntry> history = store.history(PROJECT, 100);

    String broken = VELOCITY.replace("function=\"count\"", "function=\"count_distinct\"");
    assertThatThrownBy(() -> apply(store, load(broken)))
        .isInstanceOfSatisfying(FeatureStoreException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DEFINITION);
          assertThat(e.location().orElseThrow().toString()).isEqualTo("defs.py:14:9");
        })
        .hasMessage("defs.py:14:9: stream feature view 'order_velocity', aggregation 'orders_1d': count_distinct"
            + " is not supported by this engine; use one of count, sum, mean, min, max");

    // Contents built in code meet the same rules at apply, before anything is written.
    RepoContents good = load(VELOCITY);
    RepoContents bad = withAggregations(good, List.of(
        new Aggregation("amount", "sum", Duration.ofHours(1), Duration.ofMinutes(7), "sum_amount_3600s")));
    assertThatThrownBy(() -> apply(store, bad))
        .isInstanceOfSatisfying(FeatureStoreException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DEFINITION);
          assertThat(e.location()).isEmpty();
        })
        .hasMessage("stream feature view 'order_velocity', aggregation 'sum_amount_3600s': time_window 1h is not a"
            + " whole multiple of slide_interval 7m; windows start on slide boundaries, so the window must hold a"
            + " whole number of them");
    assertThatThrownBy(() -> new RepoApplier(store, new RegistryPlanner(), Clock.systemUTC()).plan(bad))
        .isInstanceOf(FeatureStoreException.class);

    assertThat(store(kind).read(PROJECT)).isEqualTo(before);
    assertThat(store(kind).history(PROJECT, 100)).isEqualTo(history);
  }

  @ParameterizedTest
  @ValueSource(strings = {"file", "sqlite"})
  void changedWindowsAreAnUpdateOfTheStreamView(String kind) throws Exception {
    RegistryStore store = store(kind);
    apply(store, load(VELOCITY));
    String longer = VELOCITY.replace("time_window=timedelta(days=1)", "time_window=timedelta(days=2)");
    RegistryPlan plan = apply(store, load(longer));
    assertThat(plan.toFeastString())
        .startsWith("Updated stream feature view order_velocity\n\taggregations: [")
        .contains("seconds: 86400", "seconds: 172800");
    assertThat(plan.toFeastString().lines()).hasSize(2);
    Aggregation stored = RegistryProtoMapper.fromRegistry(PROJECT, store.read(PROJECT).objects())
        .featureView("order_velocity").orElseThrow().stream().orElseThrow().aggregations().get(1);
    assertThat(stored.timeWindow()).isEqualTo(Duration.ofDays(2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"file", "sqlite"})
  void aFeatureViewBecomingAStreamFeatureViewMovesInOneApply(String kind) throws Exception {
    RegistryStore store = store(kind);
    apply(store, load(HEADER + """
        order_velocity = FeatureView(name="order_velocity", source=orders_cdc, entities=[user],
            schema=[Field(name="amount", dtype=Float64)])
        """));
    RegistryState plain = store.read(PROJECT);
    assertThat(plain.find(RegistryObjectKind.FEATURE_VIEW, "order_velocity")).isPresent();
    FeatureView asPlain = RegistryProtoMapper.fromRegistry(PROJECT, plain.objects()).featureView("order_velocity")
        .orElseThrow();
    assertThat(asPlain.isStreamFeatureView()).isFalse();
    assertThat(asPlain.streamSource().orElseThrow().kindName()).isEqualTo("PostgresCdcSource");

    RegistryPlan plan = apply(store, load(VELOCITY));
    assertThat(plan.toFeastString())
        .isEqualTo("Deleted feature view order_velocity\nCreated stream feature view order_velocity\n");
    RegistryState state = store.read(PROJECT);
    assertThat(state.find(RegistryObjectKind.FEATURE_VIEW, "order_velocity")).isEmpty();
    assertThat(state.find(RegistryObjectKind.STREAM_FEATURE_VIEW, "order_velocity")).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"file", "sqlite"})
  void planListsKindsInFeastsOrderAndTheDumpHasStreamViews(String kind) throws Exception {
    RegistryStore store = store(kind);
    RegistryPlan plan = apply(store, load(VELOCITY + """
        from feast import RequestSource, on_demand_feature_view
        req = RequestSource(name="req", schema=[Field(name="basket", dtype=Float64)])
        order_rows = FeatureView(name="order_rows", source=orders_cdc, entities=[user],
            schema=[Field(name="amount", dtype=Float64)])
        @on_demand_feature_view(sources=[req], schema=[Field(name="double_basket", dtype=Float64)])
        def basket(inputs):
            return inputs
        """));
    assertThat(plan.toFeastString()).isEqualTo("""
        Created project p
        Created entity user
        Created feature view order_rows
        Created on demand feature view basket
        Created stream feature view order_velocity
        """);
    String json = RegistryJson.toJson(store.read(PROJECT));
    assertThat(json).contains("\"streamFeatureViews\": [", "\"name\": \"order_velocity\"", "\"aggregations\": [",
        "\"function\": \"count\"", "\"slideInterval\": \"3600s\"", "featurestore.PostgresCdcSource");
    assertThat(json.indexOf("\"streamFeatureViews\"")).isGreaterThan(json.indexOf("\"featureViews\""));
  }

  private static RepoContents withAggregations(RepoContents contents, List<Aggregation> aggregations) {
    List<FeatureView> views = new ArrayList<>();
    for (FeatureView v : contents.featureViews()) {
      StreamViewSpec s = v.stream().orElseThrow();
      views.add(new FeatureView(v.name(), v.entities(), v.features(), v.entityColumns(), v.ttl(), v.online(),
          v.offline(), v.batchSource(), v.streamSource(), v.metadata(),
          Optional.of(new StreamViewSpec(s.mode(), s.timestampField(), aggregations, s.enableTiling(),
              s.tilingHopSize()))));
    }
    return new RepoContents(contents.project(), contents.entities(), contents.dataSources(), views,
        contents.onDemandFeatureViews(), contents.featureServices(), contents.labelViews());
  }
}
