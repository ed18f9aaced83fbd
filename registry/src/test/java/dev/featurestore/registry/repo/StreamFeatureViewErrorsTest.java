package dev.featurestore.registry.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stream feature views and PostgresCdcSources that cannot be applied: code, file:line:column, message. */
class StreamFeatureViewErrorsTest {
  private static final String HEADER = """
      from datetime import timedelta
      from feast import Aggregation, Entity, FeatureView, Field, FileSource, KafkaSource, PushSource, StreamFeatureView
      from feast.data_format import JsonFormat
      from feast.types import Float64, Int64
      from featurestore import PostgresCdcSource
      user = Entity(name="user", join_keys=["user_id"])
      batch = FileSource(name="orders_file", path="data/orders.parquet", timestamp_field="ts")
      push = PushSource(name="orders_push", batch_source=batch)
      """;

  @TempDir Path root;

  private FeatureStoreException load(String body) throws IOException {
    Files.writeString(root.resolve("defs.py"), HEADER + body);
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> new RepoDefinitionsLoader().load(root, "p"));
    assertThat(thrown).isInstanceOf(FeatureStoreException.class);
    return (FeatureStoreException) thrown;
  }

  private static void assertError(FeatureStoreException e, ErrorCode code, String location, String message) {
    assertThat(e.getMessage()).isEqualTo(location + ": " + message);
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.location().orElseThrow().toString()).isEqualTo(location);
  }

  @Test
  void udfIsUnsupported() throws IOException {
    FeatureStoreException e = load("""
        def double(df):
            return df
        v = StreamFeatureView(name="v", source=push, udf=double)
        """);
    assertError(e, ErrorCode.UNSUPPORTED_CONSTRUCT, "defs.py:11:46",
        "stream feature view 'v' has a udf=, a Python transformation, which cannot run here; remove it and compute features with aggregations=[Aggregation(...)], or let the stream's rows be written as they arrive");
  }

  @Test
  void featureTransformationIsUnsupported() throws IOException {
    FeatureStoreException e = load("""
        def t(df):
            return df
        v = StreamFeatureView(name="v", source=push, feature_transformation=t)
        """);
    assertError(e, ErrorCode.UNSUPPORTED_CONSTRUCT, "defs.py:11:46",
        "stream feature view 'v' has a feature_transformation=, a Python transformation, which cannot run here; remove it and compute features with aggregations=[Aggregation(...)], or let the stream's rows be written as they arrive");
  }

  @Test
  void decoratorIsUnsupported() throws IOException {
    FeatureStoreException e = load("""
        from feast.stream_feature_view import stream_feature_view
        @stream_feature_view(source=push)
        def v(df):
            return df
        """);
    assertError(e, ErrorCode.UNSUPPORTED_CONSTRUCT, "defs.py:10:2",
        "@stream_feature_view makes 'v' the view's udf, a Python transformation, which cannot run here; define StreamFeatureView(name=\"v\", source=..., aggregations=[...]) without a udf instead");
  }

  @Test
  void batchSourceIsNotAStreamSource() throws IOException {
    FeatureStoreException e = load("""
        v = StreamFeatureView(name="v", source=batch)
        """);
    assertError(e, ErrorCode.INVALID_DEFINITION, "defs.py:9:33",
        "stream feature view 'v' needs a stream source (KafkaSource, PushSource or PostgresCdcSource), but FileSource 'orders_file' is not one");
  }

  @Test
  void kafkaSourceWithoutBatchSource() throws IOException {
    FeatureStoreException e = load("""
        k = KafkaSource(name="k", timestamp_field="ts", message_format=JsonFormat(schema_json=""))
        v = StreamFeatureView(name="v", source=k)
        """);
    assertError(e, ErrorCode.INVALID_DEFINITION, "defs.py:10:33",
        "stream source 'k' of stream feature view 'v' needs a batch_source");
  }

  @Test
  void countDistinctIsNotSupported() throws IOException {
    FeatureStoreException e = load("""
        v = StreamFeatureView(name="v", source=push, timestamp_field="ts",
            schema=[Field(name="n", dtype=Int64)],
            aggregations=[
                Aggregation(column="m", function="count", time_window=timedelta(hours=1), name="n"),
                Aggregation(column="m", function="count_distinct", time_window=timedelta(hours=1)),
            ])
        """);
    assertError(e, ErrorCode.INVALID_DEFINITION, "defs.py:13:9",
        "stream feature view 'v', aggregation 'count_distinct_m_3600s': count_distinct is not supported by this engine; use one of count, sum, mean, min, max");
  }

  @Test
  void missingTimeWindow() throws IOException {
    FeatureStoreException e = load("""
        v = StreamFeatureView(name="v", source=push, timestamp_field="ts",
            schema=[Field(name="s", dtype=Float64)],
            aggregations=[Aggregation(column="amount", function="sum", name="s")])
        """);
    assertError(e, ErrorCode.INVALID_DEFINITION, "defs.py:11:19",
        "stream feature view 'v', aggregation 's': it has no time_window (or a zero one); this engine computes windowed aggregations only, e.g. time_window=timedelta(hours=1)");
  }

  @Test
  void zeroTimeWindow() throws IOException {
    FeatureStoreException e = load("""
        v = StreamFeatureView(name="v", source=push, timestamp_field="ts",
            schema=[Field(name="sum_amount", dtype=Float64)],
            aggregations=[Aggregation(column="amount", function="sum", time_window=timedelta(0))])
        """);
    assertError(e, ErrorCode.INVALID_DEFINITION, "defs.py:11:19",
        "stream feature view 'v', aggregation 'sum_amount': it has no time_window (or a zero one); this engine computes windowed aggregations only, e.g. time_window=timedelta(hours=1)");
  }

  @Test
  void windowNotAWholeNumberOfSlides() throws IOException {
    FeatureStoreException e = load("""
        v = StreamFeatureView(name="v", source=push, timestamp_field="ts",
            schema=[Field(name="s", dtype=Float64)],
            aggregations=[
                Aggregation(column="amount", function="sum", time_window=timedelta(hours=1), slide_interval=timedelta(minutes=7), name="s"),
            ])
        """);
    assertError(e, ErrorCode.INVALID_DEFINITION, "defs.py:12:9",
        "stream feature view 'v', aggregation 's': time_window 1h is not a whole multiple of slide_interval 7m; windows start on slide boundaries, so the window must hold a whole number of them");
  }

  @Test
  void outputFeatureNotInSchema() throws IOException {
    FeatureStoreException e = load("""
        v = StreamFeatureView(name="v", source=push, timestamp_field="ts",
            schema=[Field(name="total", dtype=Float64)],
            aggregations=[Aggregation(column="amount", function="sum", time_window=timedelta(hours=1))])
        """);
    assertError(e, ErrorCode.INVALID_DEFINITION, "defs.py:11:19",
        "stream feature view 'v', aggregation 'sum_amount_3600s': its output feature 'sum_amount_3600s' is not in the view's schema; add Field(name=\"sum_amount_3600s\", dtype=Float64) to schema, or name= the aggregation after a schema field");
  }

  @Test
  void twoAggregationsWriteOneFeature() throws IOException {
    FeatureStoreException e = load("""
        v = StreamFeatureView(name="v", source=push, timestamp_field="ts",
            schema=[Field(name="n", dtype=Int64)],
            aggregations=[
                Aggregation(column="a", function="count", time_window=timedelta(hours=1), name="n"),
                Aggregation(column="b", function="count", time_window=timedelta(hours=1), name="n"),
            ])
        """);
    assertError(e, ErrorCode.INVALID_DEFINITION, "defs.py:13:9",
        "stream feature view 'v', aggregation 'n': aggregations 1 and 2 both write feature 'n'; give one of them another name=");
  }

  @Test
  void aggregationsWithoutTimestampField() throws IOException {
    FeatureStoreException e = load("""
        cdc = PostgresCdcSource(name="cdc", table="orders", timestamp_field="created_at", batch_source=batch)
        v = StreamFeatureView(name="v", source=cdc, schema=[Field(name="n", dtype=Int64)],
            aggregations=[Aggregation(column="a", function="count", time_window=timedelta(hours=1), name="n")])
        """);
    assertError(e, ErrorCode.INVALID_DEFINITION, "defs.py:10:5",
        "stream feature view 'v': it has aggregations but no timestamp_field; Feast requires the event-time column the windows use (its stream source's is 'created_at')");
  }

  @Test
  void timestampFieldNamesNoKafkaColumn() throws IOException {
    FeatureStoreException e = load("""
        k = KafkaSource(name="k", timestamp_field="ts", batch_source=batch,
            message_format=JsonFormat(schema_json="user_id string, amount double, ts timestamp"))
        v = StreamFeatureView(name="v", source=k, timestamp_field="event_ts", schema=[Field(name="n", dtype=Int64)],
            aggregations=[Aggregation(column="amount", function="count", time_window=timedelta(hours=1), name="n")])
        """);
    assertError(e, ErrorCode.INVALID_DEFINITION, "defs.py:11:43",
        "stream feature view 'v': timestamp_field 'event_ts' names no column of KafkaSource 'k', whose schema_json has: user_id, amount, ts");
  }

  @Test
  void tilingHopAsLargeAsTheWindow() throws IOException {
    FeatureStoreException e = load("""
        v = StreamFeatureView(name="v", source=push, timestamp_field="ts", schema=[Field(name="n", dtype=Int64)],
            aggregations=[Aggregation(column="a", function="count", time_window=timedelta(hours=1), name="n")],
            enable_tiling=True, tiling_hop_size=timedelta(hours=1))
        """);
    assertError(e, ErrorCode.INVALID_DEFINITION, "defs.py:11:25",
        "stream feature view 'v': tiling_hop_size (1h) must be smaller than the minimum aggregation time_window (1h); Feast refuses larger hops, whose tiles give wrong results");
  }

  @Test
  void aggregationsMustBeAggregations() throws IOException {
    FeatureStoreException e = load("""
        v = StreamFeatureView(name="v", source=push, aggregations=["sum"])
        """);
    assertError(e, ErrorCode.INVALID_ARGUMENT, "defs.py:9:46",
        "argument 'aggregations' of StreamFeatureView must be a list of Aggregation, but it contains 'sum' (str)");
  }

  @Test
  void cdcTableWithTwoDots() throws IOException {
    FeatureStoreException e = load("""
        c = PostgresCdcSource(name="c", table="a.b.c", timestamp_field="ts", batch_source=batch)
        """);
    assertError(e, ErrorCode.INVALID_DEFINITION, "defs.py:9:33",
        "table of PostgresCdcSource 'c' must be 'schema.table' or a table of the public schema, not 'a.b.c'");
  }

  @Test
  void cdcNeedsABatchSource() throws IOException {
    FeatureStoreException e = load("""
        c = PostgresCdcSource(name="c", table="t", timestamp_field="ts")
        """);
    assertError(e, ErrorCode.INVALID_ARGUMENT, "defs.py:9:5",
        "PostgresCdcSource() missing 1 required positional argument: 'batch_source'");
  }

  @Test
  void cdcBatchSourceMustBeABatchSource() throws IOException {
    FeatureStoreException e = load("""
        c = PostgresCdcSource(name="c", table="t", timestamp_field="ts", batch_source=push)
        """);
    assertError(e, ErrorCode.INVALID_DEFINITION, "defs.py:9:66",
        "batch_source of PostgresCdcSource 'c' must be a batch source, not a PushSource");
  }

  @Test
  void cdcNeedsATimestampField() throws IOException {
    FeatureStoreException e = load("""
        c = PostgresCdcSource(name="c", table="t", timestamp_field="", batch_source=batch)
        """);
    assertError(e, ErrorCode.INVALID_DEFINITION, "defs.py:9:44",
        "PostgresCdcSource 'c' needs a timestamp_field: the table's event-time column");
  }

  @Test
  void unknownNameFromFeaturestore() throws IOException {
    FeatureStoreException e = load("""
        from featurestore import RedisSource
        """);
    assertError(e, ErrorCode.UNKNOWN_REFERENCE, "defs.py:9:26",
        "cannot import name 'RedisSource' from 'featurestore'");
  }
}
