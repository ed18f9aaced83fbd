package dev.featurestore.adminui.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.adminui.streams.StreamsController.StreamedView;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.Project;
import dev.featurestore.core.model.RepoContents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The empty state's list of views the engine would stream, from the registry. */
class StreamsControllerTest {

  @Test
  void listsViewsReadingKafkaOrCdcSourcesNotPushOrBatchOnes() {
    DataSource batch = source("orders_parquet", new DataSource.FileOptions("data/orders.parquet", "parquet", ""));
    DataSource kafka = source("orders_kafka",
        new DataSource.KafkaOptions("localhost:9092", "orders", "json", "", Duration.ofSeconds(5), batch));
    DataSource cdc = source("users_cdc", new DataSource.PostgresCdcOptions("users", Duration.ZERO, batch));
    DataSource push = source("orders_push", new DataSource.PushOptions(batch));
    RepoContents contents = new RepoContents(new Project("shop", Metadata.EMPTY), List.of(),
        List.of(batch, kafka, cdc, push),
        List.of(view("user_profile", false, batch, cdc), view("order_stats", true, batch, kafka),
            view("order_pushes", true, batch, push), view("order_history", true, batch, null)),
        List.of(), List.of(), List.of());

    assertThat(StreamsController.streamedViews(contents)).containsExactly(
        new StreamedView("order_stats", "orders_kafka", "KafkaSource", true),
        new StreamedView("user_profile", "users_cdc", "PostgresCdcSource", false));
  }

  private static DataSource source(String name, DataSource.Options options) {
    return new DataSource(name, "event_timestamp", "", "", Map.of(), Metadata.EMPTY, options);
  }

  private static FeatureView view(String name, boolean online, DataSource batch, DataSource stream) {
    return new FeatureView(name, List.of(), List.of(), List.of(), Duration.ofDays(1), online, true, batch,
        Optional.ofNullable(stream), Metadata.EMPTY);
  }
}
