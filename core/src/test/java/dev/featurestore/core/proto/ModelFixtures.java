package dev.featurestore.core.proto;

import static dev.featurestore.core.proto.FeastTypeMapper.array;
import static dev.featurestore.core.proto.FeastTypeMapper.primitive;

import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.FeastType;
import dev.featurestore.core.model.FeatureService;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.FeatureViewProjection;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.LabelView;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.OnDemandFeatureView;
import dev.featurestore.core.model.Project;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.ValueType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small BNPL repository covering every kind of object the mapper handles. */
final class ModelFixtures {

  static final String PROJECT = "bnpl";
  static final Metadata META = new Metadata("desc", Map.of("team", "risk"), "risk@example.com");

  static final DataSource FILE_SOURCE =
      new DataSource(
          "user_stats_source",
          "event_timestamp",
          "created",
          "",
          Map.of("raw_age", "age"),
          META,
          new DataSource.FileOptions("data/user_stats.parquet", "parquet", ""));

  static final DataSource BIGQUERY_SOURCE =
      new DataSource(
          "txn_source",
          "ts",
          "",
          "day",
          Map.of(),
          Metadata.EMPTY,
          new DataSource.BigQueryOptions("proj.ds.txn", ""));

  static final DataSource POSTGRES_SOURCE =
      new DataSource(
          "pg_src",
          "event_ts",
          "",
          "",
          Map.of(),
          Metadata.EMPTY,
          new DataSource.PostgresOptions("public.user_größe", ""));

  static final DataSource PUSH_SOURCE =
      new DataSource(
          "user_push",
          "",
          "",
          "",
          Map.of(),
          Metadata.EMPTY,
          new DataSource.PushOptions(FILE_SOURCE));

  static final DataSource KAFKA_SOURCE =
      new DataSource(
          "txn_stream",
          "ts",
          "",
          "",
          Map.of(),
          Metadata.EMPTY,
          new DataSource.KafkaOptions(
              "broker:9092",
              "txns",
              "avro",
              "{\"type\":\"record\"}",
              Duration.ofSeconds(5),
              BIGQUERY_SOURCE));

  static final DataSource REQUEST_SOURCE =
      new DataSource(
          "txn_request",
          "",
          "",
          "",
          Map.of(),
          Metadata.EMPTY,
          new DataSource.RequestOptions(List.of(Field.of("amount", primitive(ValueType.DOUBLE)))));

  static final Entity USER = new Entity("user", "user_id", Optional.of(ValueType.STRING), META);
  static final Entity MERCHANT =
      new Entity("merchant", "merchant_id", Optional.empty(), Metadata.EMPTY);

  static final FeatureView USER_STATS =
      new FeatureView(
          "user_stats",
          List.of("user"),
          List.of(
              Field.of("age", primitive(ValueType.INT32)),
              new Field("score", primitive(ValueType.FLOAT), "risk score", Map.of("pii", "no"))),
          List.of(Field.of("user_id", primitive(ValueType.STRING))),
          Duration.ofDays(1),
          true,
          false,
          FILE_SOURCE,
          Optional.empty(),
          META);

  static final FeatureView USER_PUSHED =
      new FeatureView(
          "user_pushed",
          List.of("user"),
          List.of(Field.of("clicks", primitive(ValueType.INT64))),
          List.of(Field.of("user_id", primitive(ValueType.STRING))),
          Duration.ZERO,
          true,
          true,
          FILE_SOURCE,
          Optional.of(PUSH_SOURCE),
          Metadata.EMPTY);

  static final FeatureView GLOBAL_STATS =
      new FeatureView(
          "global_stats",
          List.of(),
          List.of(Field.of("txn_count", primitive(ValueType.INT64))),
          List.of(),
          Duration.ofHours(2),
          true,
          false,
          POSTGRES_SOURCE,
          Optional.empty(),
          Metadata.EMPTY);

  static final FeatureView TXN_STREAM_VIEW =
      new FeatureView(
          "txn_velocity",
          List.of("merchant"),
          List.of(Field.of("txn_1h", primitive(ValueType.INT64))),
          List.of(Field.of("merchant_id", primitive(ValueType.INT64))),
          Duration.ofMinutes(90),
          true,
          false,
          BIGQUERY_SOURCE,
          Optional.of(KAFKA_SOURCE),
          Metadata.EMPTY);

  static final OnDemandFeatureView RISK_ODFV =
      new OnDemandFeatureView(
          "risk_adjusted",
          List.of(Field.of("adjusted", primitive(ValueType.DOUBLE))),
          List.of(
              new FeatureViewProjection(
                  "user_stats",
                  "",
                  List.of(Field.of("score", primitive(ValueType.FLOAT))),
                  Map.of())),
          List.of(REQUEST_SOURCE),
          "python",
          "risk_adjusted",
          "@on_demand_feature_view(...)\ndef risk_adjusted(inputs):\n    return {}\n",
          false,
          META);

  static final LabelView FRAUD_LABELS =
      new LabelView(
          "fraud_labels",
          List.of("user"),
          List.of(Field.of("is_fraud", primitive(ValueType.BOOL))),
          List.of(Field.of("user_id", primitive(ValueType.STRING))),
          Duration.ofDays(30),
          FILE_SOURCE,
          true,
          "labeler",
          "MAJORITY_VOTE",
          "user_stats",
          Metadata.EMPTY);

  static final FeatureService RISK_SERVICE =
      new FeatureService(
          "risk_v1",
          List.of(
              new FeatureViewProjection("user_stats", "", USER_STATS.features(), Map.of()),
              new FeatureViewProjection(
                  "txn_velocity",
                  "origin",
                  List.of(Field.of("txn_1h", primitive(ValueType.INT64))),
                  Map.of("merchant_id", "origin_merchant_id"))),
          Optional.of(
              new FeatureService.LoggingConfig(
                  0.1, new FeatureService.FileLoggingDestination("logs/", "", List.of("day")))),
          META);

  static final RepoContents CONTENTS =
      new RepoContents(
          new Project(PROJECT, META),
          List.of(USER, MERCHANT),
          List.of(
              FILE_SOURCE,
              BIGQUERY_SOURCE,
              POSTGRES_SOURCE,
              PUSH_SOURCE,
              KAFKA_SOURCE,
              REQUEST_SOURCE),
          List.of(USER_STATS, USER_PUSHED, GLOBAL_STATS, TXN_STREAM_VIEW),
          List.of(RISK_ODFV),
          List.of(RISK_SERVICE),
          List.of(FRAUD_LABELS));

  /** Every dtype a repository can declare, including nested collections and structs. */
  static List<FeastType> allDtypes() {
    FeastType.Struct point =
        new FeastType.Struct(
            List.of(
                Field.of("x", primitive(ValueType.DOUBLE)),
                Field.of("y", primitive(ValueType.DOUBLE))));
    FeastType.Struct nested =
        new FeastType.Struct(
            List.of(
                Field.of("id", primitive(ValueType.STRING)),
                Field.of("where", point),
                Field.of("tags", array(primitive(ValueType.STRING))),
                Field.of("history", array(point))));
    List<ValueType> scalars =
        List.of(
            ValueType.INT32,
            ValueType.INT64,
            ValueType.FLOAT,
            ValueType.DOUBLE,
            ValueType.STRING,
            ValueType.BYTES,
            ValueType.BOOL,
            ValueType.UNIX_TIMESTAMP,
            ValueType.UUID,
            ValueType.TIME_UUID,
            ValueType.DECIMAL);
    List<FeastType> dtypes = new java.util.ArrayList<>();
    for (ValueType scalar : scalars) {
      dtypes.add(primitive(scalar));
      dtypes.add(array(primitive(scalar)));
      dtypes.add(FeastTypeMapper.set(primitive(scalar)));
    }
    dtypes.add(primitive(ValueType.MAP));
    dtypes.add(array(primitive(ValueType.MAP)));
    dtypes.add(primitive(ValueType.JSON));
    dtypes.add(array(primitive(ValueType.JSON)));
    dtypes.add(primitive(ValueType.SCALAR_MAP));
    dtypes.add(primitive(ValueType.ZONED_TIMESTAMP));
    dtypes.add(point);
    dtypes.add(nested);
    dtypes.add(array(point));
    dtypes.add(array(array(primitive(ValueType.INT32))));
    dtypes.add(FeastTypeMapper.set(array(primitive(ValueType.STRING))));
    dtypes.add(array(FeastTypeMapper.set(primitive(ValueType.FLOAT))));
    return dtypes;
  }

  private ModelFixtures() {}
}
