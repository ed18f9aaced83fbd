package dev.featurestore.registry.golden;

import static dev.featurestore.registry.golden.FeastGoldenObjects.INT64;
import static dev.featurestore.registry.golden.FeastGoldenObjects.PROJECT;
import static dev.featurestore.registry.golden.FeastGoldenObjects.UPDATED;
import static dev.featurestore.registry.golden.FeastGoldenObjects.feature;
import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.model.Aggregation;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.proto.RegistryProtoMapper;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.registry.file.FileRegistryStore;
import dev.featurestore.registry.repo.RepoDefinitionsLoader;
import feast.proto.core.StreamFeatureViewProto.StreamFeatureView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stream feature views byte for byte as Feast's Python writes them ({@code
 * stream_feature_view.py} {@code to_proto}, {@code aggregation/__init__.py}), from the field
 * numbers of protos/feast/core/StreamFeatureView.proto and Aggregation.proto.
 */
class StreamFeatureViewGoldenTest {

  static final int DOUBLE = 5;

  @TempDir Path dir;

  /** Duration{seconds=1}. */
  private static Wire seconds(long seconds) {
    return Wire.message().varint(1, seconds);
  }

  /**
   * Aggregation{column=1, function=2, time_window=3, slide_interval=4, name=5}: Feast writes the
   * window as the slide when none is given, and omits an empty name.
   */
  private static Wire aggregation(String column, String function, long window, long slide, String name) {
    Wire aggregation = Wire.message().string(1, column).string(2, function)
        .message(3, seconds(window)).message(4, seconds(slide));
    return name.isEmpty() ? aggregation : aggregation.string(5, name);
  }

  /**
   * StreamFeatureViewSpec{name=1, project=2, entities=3, features=4 (the whole schema, entity column
   * included; Feast's order is that of a Python set, ours entity columns first), entity_columns=5,
   * ttl=9, online=12, mode=14, aggregations=15, timestamp_field=16, version=21}; no sources (10/11,
   * compared elsewhere), no udf (13/17), enable_tiling false and tiling_hop_size None unset.
   */
  private static Wire spec() {
    return Wire.message()
        .string(1, "driver_trips")
        .string(2, PROJECT)
        .string(3, "driver")
        .message(4, feature("driver_id", INT64))
        .message(4, feature("sum_trips_3600s", DOUBLE))
        .message(4, feature("trips_1d", INT64))
        .message(5, feature("driver_id", INT64))
        .message(9, seconds(86_400))
        .varint(12, 1)
        .string(14, "python")
        .message(15, aggregation("trips", "sum", 3600, 3600, ""))
        .message(15, aggregation("trips", "count", 86_400, 3600, "trips_1d"))
        .string(16, "event_timestamp")
        .string(21, "latest");
  }

  private static final String REPO = """
      from datetime import timedelta
      from feast import Aggregation, Entity, Field, FileSource, PushSource, StreamFeatureView, ValueType
      from feast.types import Float64, Int64
      driver = Entity(name="driver", join_keys=["driver_id"], value_type=ValueType.INT64)
      stats = FileSource(name="driver_stats", path="data/driver_stats.parquet", timestamp_field="event_timestamp")
      push = PushSource(name="driver_push", batch_source=stats)
      driver_trips = StreamFeatureView(
          name="driver_trips",
          source=push,
          entities=[driver],
          ttl=timedelta(days=1),
          timestamp_field="event_timestamp",
          schema=[Field(name="sum_trips_3600s", dtype=Float64), Field(name="trips_1d", dtype=Int64)],
          aggregations=[
              Aggregation(column="trips", function="sum", time_window=timedelta(hours=1)),
              Aggregation(column="trips", function="count", time_window=timedelta(days=1),
                          slide_interval=timedelta(hours=1), name="trips_1d"),
          ],
      )
      """;

  private FeatureView loadView() throws Exception {
    Files.writeString(dir.resolve("defs.py"), REPO);
    RepoContents contents = new RepoDefinitionsLoader().load(dir, PROJECT).contents();
    return contents.featureView("driver_trips").orElseThrow();
  }

  @Test
  void specBytesAsFeastWritesThem() throws Exception {
    StreamFeatureView proto = RegistryProtoMapper.toStreamProto(loadView(), PROJECT);
    byte[] spec = proto.getSpec().toBuilder().clearBatchSource().clearStreamSource().build().toByteArray();
    assertThat(spec).isEqualTo(spec().toByteArray());
    // The meta is present and empty, as to_proto_meta() leaves it before the registry stamps it.
    assertThat(proto.hasMeta()).isTrue();
    assertThat(proto.getMeta().getSerializedSize()).isZero();
    assertThat(proto.getSpec().getStreamSource().getDataSourceClassType()).isEqualTo("feast.data_source.PushSource");
    assertThat(proto.getSpec().getBatchSource().getDataSourceClassType())
        .isEqualTo("feast.infra.offline_stores.file_source.FileSource");
  }

  /**
   * A file registry Feast wrote (Registry{stream_feature_views=14, data_sources=12, projects=17}),
   * the schema in another set order and the push source nested as Feast nests it: read back as a
   * stream feature view with its aggregations, entity column kept out of the features.
   */
  @Test
  void readsAStreamViewFeastWrote() throws Exception {
    Wire file = Wire.message()
        .varint(1, 1).string(3, "event_timestamp")
        .message(11, Wire.message().string(2, "data/driver_stats.parquet"))
        .string(20, "driver_stats");
    Wire push = Wire.message()
        .varint(1, 9).string(3, "event_timestamp")
        .string(17, "feast.data_source.PushSource")
        .string(20, "driver_push")
        .message(26, file);
    Wire batch = Wire.message()
        .varint(1, 1).string(3, "event_timestamp")
        .message(11, Wire.message().string(2, "data/driver_stats.parquet"))
        .string(17, "feast.infra.offline_stores.file_source.FileSource")
        .string(20, "driver_stats");
    Wire spec = Wire.message()
        .string(1, "driver_trips").string(2, PROJECT).string(3, "driver")
        .message(4, feature("trips_1d", INT64))
        .message(4, feature("driver_id", INT64))
        .message(4, feature("sum_trips_3600s", DOUBLE))
        .message(5, feature("driver_id", INT64))
        .message(9, seconds(86_400))
        .message(10, batch)
        .message(11, push)
        .varint(12, 1)
        .string(14, "python")
        .message(15, aggregation("trips", "sum", 3600, 3600, ""))
        .message(15, aggregation("trips", "count", 86_400, 3600, "trips_1d"))
        .string(16, "event_timestamp")
        .string(21, "latest");
    Wire meta = Wire.message().message(1, Wire.message().varint(1, UPDATED)).message(2, Wire.message().varint(1, UPDATED));
    Wire sfv = Wire.message().message(1, spec).message(2, meta);
    byte[] registry = Wire.message()
        .string(3, "1")
        .message(14, sfv)
        .message(17, FeastGoldenObjects.project())
        .toByteArray();
    Path path = dir.resolve("registry.db");
    Files.write(path, registry);
    try (FileRegistryStore store = new FileRegistryStore(path, false)) {
      var state = store.read(PROJECT);
      assertThat(state.find(RegistryObjectKind.STREAM_FEATURE_VIEW, "driver_trips")).isPresent();
      assertThat(state.find(RegistryObjectKind.STREAM_FEATURE_VIEW, "driver_trips").orElseThrow().proto().toByteArray())
          .isEqualTo(sfv.toByteArray());
      FeatureView view = RegistryProtoMapper.fromRegistry(PROJECT, state.objects()).featureView("driver_trips")
          .orElseThrow();
      assertThat(view.features()).extracting(f -> f.name()).containsExactly("trips_1d", "sum_trips_3600s");
      assertThat(view.entityColumns()).extracting(f -> f.name()).containsExactly("driver_id");
      assertThat(view.batchSource().name()).isEqualTo("driver_stats");
      assertThat(view.streamSource().map(DataSource::kindName)).contains("PushSource");
      assertThat(view.stream().orElseThrow().aggregations()).containsExactly(
          new Aggregation("trips", "sum", Duration.ofHours(1), Duration.ZERO, ""),
          new Aggregation("trips", "count", Duration.ofDays(1), Duration.ofHours(1), "trips_1d"));
      // The same definition from Python source gives the same view.
      FeatureView parsed = loadView();
      assertThat(view.stream()).isEqualTo(parsed.stream());
      assertThat(view.ttl()).isEqualTo(parsed.ttl());
    }
  }
}
