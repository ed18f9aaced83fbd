package dev.featurestore.adminui;

import dev.featurestore.core.model.Aggregation;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeastType;
import dev.featurestore.core.model.FeatureService;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.FeatureViewProjection;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.LabelView;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.OnDemandFeatureView;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.StreamViewSpec;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.registry.RegistryChange;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.registry.apply.RegistryPlanner;
import dev.featurestore.registry.apply.RepoApplier;
import dev.featurestore.registry.repo.RepoDefinitionsLoader;
import dev.featurestore.registry.sql.JooqRegistryStore;
import dev.featurestore.registry.sql.SqlAlchemyUrl;
import com.google.protobuf.Timestamp;
import feast.proto.core.FeatureViewProto;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SQLite SQL registry holding the sample BNPL repository (feature_repo/) as `featurestore apply`
 * writes it, plus the kinds the sample lacks (an on-demand view, a label view, a request source, a
 * stream feature view over a PostgresCdcSource),
 * a view whose description is an HTML injection attempt, and materialization intervals that make
 * one view fresh, one stale and one expired.
 */
final class TestingConsoleRegistry {

  static final String PROJECT = "bnpl";
  static final String XSS_VIEW = "xss_view";
  static final String XSS_DESCRIPTION = "<script>alert(1)</script><b>x</b>";
  static final String ODFV = "checkout_risk";
  static final String STREAM_VIEW = "user_spend_velocity";
  static final String CDC_SOURCE = "transactions_cdc";
  static final String UDF_SOURCE =
      "def checkout_risk(inputs):\n    if inputs[\"basket_value\"] > 100 and 1 < 2:\n        return \"<i>high</i>\"\n";

  private TestingConsoleRegistry() {}

  static RegistryStore create(Path dir) {
    RegistryStore store = new JooqRegistryStore(SqlAlchemyUrl.parse("sqlite:///registry.db", dir), false);
    RepoContents sample = new RepoDefinitionsLoader().load(Path.of("../feature_repo"), PROJECT).contents();
    new RepoApplier(store, new RegistryPlanner(), Clock.systemUTC()).apply(extend(sample));
    Instant now = Instant.now();
    store.apply(PROJECT, List.of(
        materialized(store, "user_demographics", now.minus(Duration.ofMinutes(30))),
        materialized(store, "user_credit_profile", now.minus(Duration.ofHours(5))),
        materialized(store, "device_risk", now.minus(Duration.ofDays(8)))), now);
    return store;
  }

  private static RepoContents extend(RepoContents sample) {
    FeastType int64 = new FeastType.Primitive(ValueType.INT64, "Int64");
    FeastType float64 = new FeastType.Primitive(ValueType.DOUBLE, "Float64");
    FeastType string = new FeastType.Primitive(ValueType.STRING, "String");
    DataSource demographics = sample.dataSource("user_demographics_source").orElseThrow();
    DataSource request = new DataSource("checkout_request", "", "", "", Map.of(),
        new Metadata("Values the checkout sends with each decision request.", Map.of(), ""),
        new DataSource.RequestOptions(List.of(Field.of("basket_value", float64))));
    DataSource labels = new DataSource("fraud_label_source", "event_timestamp", "", "", Map.of(), Metadata.EMPTY,
        new DataSource.FileOptions("data/fraud_labels.parquet", "parquet", ""));
    Field userId = Field.of("user_id", string);
    FeatureView xss = new FeatureView(XSS_VIEW, List.of("user"), List.of(Field.of("score", int64)), List.of(userId),
        Duration.ofHours(1), true, true, demographics, Optional.empty(),
        new Metadata(XSS_DESCRIPTION, Map.of("team", "<i>t</i>"), "mallory@example.com"));
    FeatureViewProjection creditLimit = new FeatureViewProjection("user_credit_profile", "",
        List.of(Field.of("credit_limit", float64)), Map.of());
    OnDemandFeatureView odfv = new OnDemandFeatureView(ODFV, List.of(Field.of("limit_headroom", float64)),
        List.of(creditLimit), List.of(request), "python", "checkout_risk", UDF_SOURCE, false,
        new Metadata("Headroom left on the credit line after this basket.", Map.of("group", "risk"), ""));
    LabelView labelView = new LabelView("fraud_labels", List.of("user"), List.of(Field.of("is_fraud", int64)),
        List.of(userId), Duration.ofDays(30), labels, false, "analyst", "LAST_WRITE_WINS", "", Metadata.EMPTY);
    DataSource transactionsCdc = new DataSource(CDC_SOURCE, "created_at", "", "", Map.of(),
        new Metadata("Changes of the transactions table.", Map.of(), ""),
        new DataSource.PostgresCdcOptions("transactions", Duration.ofSeconds(45), demographics));
    FeatureView velocity = new FeatureView(STREAM_VIEW, List.of("user"),
        List.of(Field.of("sum_amount_3600s", float64), Field.of("txn_count_1d", int64)), List.of(userId),
        Duration.ofDays(1), true, false, demographics, Optional.of(transactionsCdc),
        new Metadata("Spend in the last hour and day, from the transactions stream.", Map.of(), ""),
        Optional.of(new StreamViewSpec("python", "created_at", List.of(
            new Aggregation("amount", "sum", Duration.ofHours(1), Duration.ZERO, ""),
            new Aggregation("amount", "count", Duration.ofDays(1), Duration.ofHours(1), "txn_count_1d")),
            false, Duration.ZERO)));
    FeatureService checkout = new FeatureService("checkout_v1",
        List.of(new FeatureViewProjection(ODFV, "", List.of(Field.of("limit_headroom", float64)), Map.of())),
        Optional.empty(), new Metadata("Request-time risk.", Map.of(), ""));
    return new RepoContents(sample.project(), sample.entities(),
        plus(sample.dataSources(), request, labels, transactionsCdc), plus(sample.featureViews(), xss, velocity),
        List.of(odfv), plus(sample.featureServices(), checkout), List.of(labelView));
  }

  @SafeVarargs
  private static <T> List<T> plus(List<T> list, T... more) {
    List<T> all = new ArrayList<>(list);
    all.addAll(List.of(more));
    return all;
  }

  private static RegistryChange materialized(RegistryStore store, String view, Instant end) {
    FeatureViewProto.FeatureView stored;
    try {
      stored = FeatureViewProto.FeatureView.parseFrom(
          store.read(PROJECT).find(RegistryObjectKind.FEATURE_VIEW, view).orElseThrow().proto().toByteString());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
    Instant start = end.minus(Duration.ofDays(1));
    FeatureViewProto.FeatureView.Builder builder = stored.toBuilder();
    builder.getMetaBuilder().addMaterializationIntervals(FeatureViewProto.MaterializationInterval.newBuilder()
        .setStartTime(timestamp(start.minus(Duration.ofDays(1))))
        .setEndTime(timestamp(start)));
    builder.getMetaBuilder().addMaterializationIntervals(FeatureViewProto.MaterializationInterval.newBuilder()
        .setStartTime(timestamp(start))
        .setEndTime(timestamp(end)));
    return new RegistryChange(RegistryChange.Type.UPDATE, RegistryObjectKind.FEATURE_VIEW, view,
        Optional.of(builder.build()), "materialized " + view);
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
