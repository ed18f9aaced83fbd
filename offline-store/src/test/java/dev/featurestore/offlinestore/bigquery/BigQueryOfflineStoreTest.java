package dev.featurestore.offlinestore.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.config.RegistryConfig;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.config.StoreConfig;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.offline.OfflineRowStream;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.offline.OfflineStoreFactory;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.core.proto.FeastTypeMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The BigQuery store through the factory and Google's client against {@link
 * LocalBigQueryRestEndpoint} (a local stand-in, not BigQuery): query sources, the REST calls made,
 * and how refusals map to error codes.
 */
class BigQueryOfflineStoreTest {

  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant END = Instant.parse("2024-01-02T00:00:00Z");
  private static final Field USER_ID = Field.of("user_id", FeastTypeMapper.primitive(ValueType.STRING));
  private static final Field SCORE = Field.of("score", FeastTypeMapper.primitive(ValueType.INT32));
  private static final String QUERY = "SELECT user_id, score, ts FROM `p.d.raw` WHERE score > 0";

  private LocalBigQueryRestEndpoint endpoint;
  private OfflineStore store;

  @BeforeEach
  void start() {
    endpoint = new LocalBigQueryRestEndpoint();
    System.setProperty(BigQueryOfflineStoreConfig.ENDPOINT_PROPERTY, endpoint.url());
    try {
      store = factory().create(config(Map.of("project_id", "my-project", "location", "EU")));
    } finally {
      System.clearProperty(BigQueryOfflineStoreConfig.ENDPOINT_PROPERTY);
    }
  }

  @AfterEach
  void stop() {
    store.close();
    endpoint.close();
  }

  @Test
  void aQuerySourceIsDescribedByADryRunAndReadPageByPage() {
    endpoint.dryRun(QUERY, List.of(col("user_id", "STRING"), col("score", "INTEGER"),
        col("ts", "TIMESTAMP")));
    endpoint.onQuery(received -> {
      assertThat(received.sql()).isEqualTo("SELECT `user_id`, `score`, `ts` FROM (" + QUERY + ")"
          + " WHERE `ts` BETWEEN @start AND @end"
          + " QUALIFY ROW_NUMBER() OVER (PARTITION BY `user_id` ORDER BY `ts` DESC) = 1");
      return new LocalBigQueryRestEndpoint.Result(
          List.of(col("user_id", "STRING"), col("score", "INTEGER"), col("ts", "TIMESTAMP")),
          List.of(List.of("u1", 7L, START.plusSeconds(5)), List.of("u2", 8L, START),
              List.of("u3", 9L, END)));
    });
    FeatureView view = view(new DataSource.BigQueryOptions(null, QUERY));

    List<List<OnlineWriteRow>> batches = batches(new PullLatestRequest(
        view, List.of(USER_ID), START, END, 2));

    assertThat(batches).extracting(List::size).containsExactly(2, 1);
    assertThat(batches.get(0).get(0).values().get("score").getInt32Val()).isEqualTo(7);
    assertThat(batches.get(0).get(0).eventTimestamp().getSeconds())
        .isEqualTo(START.getEpochSecond() + 5);
    // The client's fast path: jobs.query, then jobs.get and tabledata.list for the next page.
    assertThat(endpoint.requests()).containsExactly(
        "POST /bigquery/v2/projects/my-project/jobs",
        "POST /bigquery/v2/projects/my-project/queries",
        "GET /bigquery/v2/projects/my-project/jobs/job_1",
        "GET /bigquery/v2/projects/my-project/datasets/_local_results/tables/job_1/data");
  }

  @Test
  void aQueryBigQueryRejectsIsInvalidDefinition() {
    endpoint.dryRun(QUERY, List.of(col("user_id", "STRING"), col("score", "INTEGER"),
        col("ts", "TIMESTAMP")));
    endpoint.onQuery(received -> {
      throw new IllegalStateException("Syntax error: Unexpected keyword QUALIFY");
    });
    FeatureView view = view(new DataSource.BigQueryOptions(null, QUERY));

    assertThatThrownBy(() -> store.pullLatest(
            new PullLatestRequest(view, List.of(USER_ID), START, END, 10)))
        .hasMessageContaining("Unexpected keyword QUALIFY")
        .satisfies(e -> assertThat(((FeatureStoreException) e).code())
            .isEqualTo(ErrorCode.INVALID_DEFINITION));
  }

  @Test
  void aQueryWhoseDryRunFindsNoTableIsDataSourceNotFound() {
    FeatureView view = view(new DataSource.BigQueryOptions(null, QUERY));

    assertThatThrownBy(() -> store.checkPull(
            new PullLatestRequest(view, List.of(USER_ID), START, END, 10)))
        .satisfies(e -> assertThat(((FeatureStoreException) e).code())
            .isEqualTo(ErrorCode.DATA_SOURCE_NOT_FOUND));
  }

  @Test
  void aSourceOfAnotherKindIsRejected() {
    FeatureView view = view(new DataSource.PostgresOptions("t", null));

    assertThatThrownBy(() -> store.checkPull(
            new PullLatestRequest(view, List.of(USER_ID), START, END, 10)))
        .hasMessageContaining("BigQuerySources only");
  }

  @Test
  void billingProjectWinsOverProjectAsInFeast() {
    BigQueryOfflineStoreConfig config = BigQueryOfflineStoreConfig.of(new StoreConfig(
        "offline_store", "bigquery", Map.of("project_id", "data", "billing_project_id", "bill")));
    assertThat(config.jobProject()).contains("bill");
    assertThat(config.location()).isEmpty();
  }

  private List<List<OnlineWriteRow>> batches(PullLatestRequest request) {
    List<List<OnlineWriteRow>> batches = new java.util.ArrayList<>();
    try (OfflineRowStream stream = store.pullLatest(request)) {
      for (List<OnlineWriteRow> batch = stream.nextBatch(); !batch.isEmpty();
          batch = stream.nextBatch()) {
        batches.add(batch);
      }
    }
    return batches;
  }

  private static LocalBigQueryRestEndpoint.Column col(String name, String type) {
    return new LocalBigQueryRestEndpoint.Column(name, type);
  }

  private static FeatureView view(DataSource.Options options) {
    DataSource source = new DataSource("raw_source", "ts", "", "", Map.of(), null, options);
    return new FeatureView("scores", List.of("user"), List.of(SCORE), List.of(USER_ID), null,
        true, false, source, Optional.empty(), null);
  }

  private static OfflineStoreFactory factory() {
    Map<String, OfflineStoreFactory> factories = new HashMap<>();
    ServiceLoader.load(OfflineStoreFactory.class).forEach(f -> factories.put(f.type(), f));
    return factories.get("bigquery");
  }

  private static RepoConfig config(Map<String, Object> options) {
    return new RepoConfig(
        "test", "gcp", new RegistryConfig("file", "data/registry.db", null, null, false),
        new StoreConfig("online_store", "sqlite", Map.of()),
        new StoreConfig("offline_store", "bigquery", options),
        3, Map.of(), Map.of(), Map.of(), Map.of(), Path.of("."), List.of());
  }
}
