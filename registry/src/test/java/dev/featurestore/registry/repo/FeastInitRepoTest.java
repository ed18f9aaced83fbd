package dev.featurestore.registry.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeastType;
import dev.featurestore.core.model.FeatureService;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.LabelView;
import dev.featurestore.core.model.OnDemandFeatureView;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.ValueType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FeastInitRepoTest {
  private static LoadedRepo loaded;
  private static RepoContents repo;

  @BeforeAll
  static void load() throws URISyntaxException {
    Path root = Path.of(FeastInitRepoTest.class.getResource("/repos/feast_init").toURI());
    loaded = new RepoDefinitionsLoader().load(root, "driver_ranking");
    repo = loaded.contents();
  }

  @Test
  void onlyWarningsAreTheOnDemandOnes() {
    assertThat(loaded.warnings()).extracting(RepoWarning::toString).containsExactly(
        "feature_definitions.py:81: on-demand feature view 'transformed_conv_rate': its Python transformation"
            + " cannot run here; it is registered but cannot be served",
        "feature_definitions.py:133: on-demand feature view 'transformed_conv_rate_fresh': its Python"
            + " transformation cannot run here; it is registered but cannot be served");
  }

  @Test
  void driverIdTypeIsLeftToSourceInference() {
    assertThat(loaded.entityColumnsToInfer()).extracting(EntityColumnToInfer::featureView, EntityColumnToInfer::joinKey,
        EntityColumnToInfer::batchSource).containsExactly(
            org.assertj.core.groups.Tuple.tuple("driver_hourly_stats_fresh", "driver_id", "driver_hourly_stats_source"),
            org.assertj.core.groups.Tuple.tuple("driver_hourly_stats", "driver_id", "driver_hourly_stats_source"));
  }

  @Test
  void projectAndEntities() {
    assertThat(repo.project().name()).isEqualTo("driver_ranking");
    assertThat(repo.project().metadata().description()).isEqualTo("Driver statistics for ranking");
    assertThat(repo.entities()).extracting(e -> e.name() + "/" + e.joinKey() + "/" + e.valueType().isPresent())
        .containsExactly("driver/driver_id/false", "__dummy/__dummy_id/false");
  }

  /** Feast registers in dir(module) order: variable names sorted, so driver_quality_labels comes first. */
  @Test
  void dataSourcesIncludeThoseOnlyReachableThroughOthers() {
    assertThat(repo.dataSources()).extracting(DataSource::name, DataSource::kindName).containsExactly(
        org.assertj.core.groups.Tuple.tuple("driver_quality_labels_push", "PushSource"),
        org.assertj.core.groups.Tuple.tuple("driver_quality_labels_batch", "FileSource"),
        org.assertj.core.groups.Tuple.tuple("driver_hourly_stats_source", "FileSource"),
        org.assertj.core.groups.Tuple.tuple("driver_stats_push_source", "PushSource"),
        org.assertj.core.groups.Tuple.tuple("vals_to_add", "RequestSource"));
    DataSource file = repo.dataSource("driver_hourly_stats_source").orElseThrow();
    assertThat(file.timestampField()).isEqualTo("event_timestamp");
    assertThat(file.createdTimestampColumn()).isEqualTo("created");
    assertThat(file.options()).isEqualTo(new DataSource.FileOptions("data/driver_stats.parquet", "parquet", ""));
    DataSource push = repo.dataSource("driver_stats_push_source").orElseThrow();
    assertThat(push.batchSource()).contains(file);
  }

  @Test
  void hourlyStatsView() {
    FeatureView view = repo.featureView("driver_hourly_stats").orElseThrow();
    assertThat(view.entities()).containsExactly("driver");
    assertThat(view.ttl()).isEqualTo(Duration.ofDays(1));
    assertThat(view.online()).isTrue();
    assertThat(view.offline()).isFalse();
    assertThat(view.metadata().tags()).isEqualTo(Map.of("team", "driver_performance"));
    assertThat(view.entityColumns()).isEmpty();
    assertThat(view.features()).extracting(Field::name, f -> f.dtype().valueType()).containsExactly(
        org.assertj.core.groups.Tuple.tuple("conv_rate", ValueType.FLOAT),
        org.assertj.core.groups.Tuple.tuple("acc_rate", ValueType.FLOAT),
        org.assertj.core.groups.Tuple.tuple("avg_daily_trips", ValueType.INT64),
        org.assertj.core.groups.Tuple.tuple("driver_metadata", ValueType.MAP),
        org.assertj.core.groups.Tuple.tuple("driver_config", ValueType.JSON),
        org.assertj.core.groups.Tuple.tuple("driver_profile", ValueType.STRUCT));
    assertThat(view.feature("avg_daily_trips").orElseThrow().description()).isEqualTo("Trips per day");
    assertThat(view.feature("driver_profile").orElseThrow().dtype().pythonName())
        .isEqualTo("Struct({\"name\": String, \"age\": String})");
    assertThat(view.batchSource().name()).isEqualTo("driver_hourly_stats_source");
    assertThat(view.streamSource()).isEmpty();
  }

  @Test
  void freshViewStreamsFromThePushSource() {
    FeatureView view = repo.featureView("driver_hourly_stats_fresh").orElseThrow();
    assertThat(view.streamSource().orElseThrow().name()).isEqualTo("driver_stats_push_source");
    assertThat(view.batchSource().name()).isEqualTo("driver_hourly_stats_source");
    assertThat(view.features()).hasSize(6);
  }

  @Test
  void onDemandViews() {
    assertThat(repo.onDemandFeatureViews()).extracting(OnDemandFeatureView::name)
        .containsExactly("transformed_conv_rate", "transformed_conv_rate_fresh");
    OnDemandFeatureView odfv = repo.onDemandFeatureView("transformed_conv_rate").orElseThrow();
    assertThat(odfv.mode()).isEqualTo("pandas");
    assertThat(odfv.udfName()).isEqualTo("transformed_conv_rate");
    assertThat(odfv.udfBodyText()).startsWith("@on_demand_feature_view(\n    sources=[driver_stats_fv, input_request],")
        .contains("def transformed_conv_rate(inputs: pd.DataFrame) -> pd.DataFrame:\n    df = pd.DataFrame()")
        .endsWith("    return df");
    assertThat(odfv.features()).extracting(Field::name).containsExactly("conv_rate_plus_val1", "conv_rate_plus_val2");
    assertThat(odfv.features()).allMatch(f -> f.dtype().valueType() == ValueType.DOUBLE);
    assertThat(odfv.featureViewSources()).extracting(p -> p.featureViewName() + ":" + p.features().size())
        .containsExactly("driver_hourly_stats:6");
    assertThat(odfv.requestSources()).extracting(DataSource::name).containsExactly("vals_to_add");
    assertThat(repo.onDemandFeatureView("transformed_conv_rate_fresh").orElseThrow().featureViewSources())
        .extracting(p -> p.featureViewName()).containsExactly("driver_hourly_stats_fresh");
  }

  @Test
  void featureServices() {
    assertThat(repo.featureServices()).extracting(FeatureService::name)
        .containsExactly("driver_activity_v1", "driver_activity_v2", "driver_activity_v3");
    FeatureService v1 = repo.featureService("driver_activity_v1").orElseThrow();
    assertThat(v1.features()).extracting(p -> p.featureViewName() + "=" + p.features().stream().map(Field::name).toList())
        .containsExactly("driver_hourly_stats=[conv_rate]",
            "transformed_conv_rate=[conv_rate_plus_val1, conv_rate_plus_val2]");
    assertThat(v1.loggingConfig()).contains(new FeatureService.LoggingConfig(1.0,
        new FeatureService.FileLoggingDestination("data", "", List.of())));
    assertThat(repo.featureService("driver_activity_v2").orElseThrow().loggingConfig()).isEmpty();
    assertThat(repo.featureService("driver_activity_v2").orElseThrow().features().get(0).features()).hasSize(6);
  }

  @Test
  void labelView() {
    LabelView labels = repo.labelViews().get(0);
    assertThat(labels.name()).isEqualTo("driver_quality_labels");
    assertThat(labels.entities()).containsExactly("driver");
    assertThat(labels.entityColumns()).containsExactly(Field.of("driver_id",
        new FeastType.Primitive(ValueType.STRING, "String")));
    assertThat(labels.features()).extracting(Field::name)
        .containsExactly("is_reliable", "quality_score", "reviewer_notes", "labeler");
    assertThat(labels.source().name()).isEqualTo("driver_quality_labels_push");
    assertThat(labels.labelerField()).isEqualTo("labeler");
    assertThat(labels.conflictPolicy()).isEqualTo("LAST_WRITE_WINS");
    assertThat(labels.metadata().description()).isEqualTo("Reviewer verdicts on drivers");
    assertThat(labels.metadata().tags()).containsEntry("feast.io/labeling-method", "table");
  }
}
