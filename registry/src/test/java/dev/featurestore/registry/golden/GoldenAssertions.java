package dev.featurestore.registry.golden;

import static dev.featurestore.registry.golden.FeastGoldenObjects.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.core.registry.RegistryState;
import feast.proto.core.DataSourceProto.DataSource;
import feast.proto.core.EntityProto.Entity;
import feast.proto.core.FeatureProto.FeatureSpecV2;
import feast.proto.core.FeatureServiceProto.FeatureService;
import feast.proto.core.FeatureViewProto.FeatureView;
import feast.proto.types.ValueProto.ValueType;

/** Checks that the `feast init` objects of {@link FeastGoldenObjects} were read intact. */
final class GoldenAssertions {
  private GoldenAssertions() {}

  static void assertTemplateObjects(RegistryState state) {
    assertThat(state.objects()).extracting(o -> o.kind() + ":" + o.name()).containsExactly(
        "PROJECT:" + PROJECT,
        "DATA_SOURCE:driver_hourly_stats_source",
        "ENTITY:driver",
        "FEATURE_VIEW:driver_hourly_stats",
        "FEATURE_SERVICE:driver_activity_v1");

    Entity entity = (Entity) object(state, RegistryObjectKind.ENTITY, "driver").proto();
    assertThat(entity.getSpec().getJoinKey()).isEqualTo("driver_id");
    assertThat(entity.getSpec().getValueType()).isEqualTo(ValueType.Enum.INT64);
    assertThat(entity.getSpec().getDescription()).isEqualTo("driver id");
    assertThat(entity.getSpec().getProject()).isEqualTo(PROJECT);
    assertThat(entity.getMeta().getCreatedTimestamp().getSeconds()).isEqualTo(FeastGoldenObjects.CREATED);

    DataSource source = (DataSource) object(state, RegistryObjectKind.DATA_SOURCE, "driver_hourly_stats_source").proto();
    assertThat(source.getType()).isEqualTo(DataSource.SourceType.BATCH_FILE);
    assertThat(source.getFileOptions().getUri()).isEqualTo("data/driver_stats.parquet");
    assertThat(source.getTimestampField()).isEqualTo("event_timestamp");
    assertThat(source.getProject()).isEqualTo(PROJECT);

    FeatureView view = (FeatureView) object(state, RegistryObjectKind.FEATURE_VIEW, "driver_hourly_stats").proto();
    assertThat(view.getSpec().getEntitiesList()).containsExactly("driver");
    assertThat(view.getSpec().getFeaturesList()).extracting(FeatureSpecV2::getName, FeatureSpecV2::getValueType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("conv_rate", ValueType.Enum.FLOAT),
            org.assertj.core.groups.Tuple.tuple("avg_daily_trips", ValueType.Enum.INT64));
    assertThat(view.getSpec().getEntityColumnsList()).extracting(FeatureSpecV2::getName).containsExactly("driver_id");
    assertThat(view.getSpec().getTtl().getSeconds()).isEqualTo(86400);
    assertThat(view.getSpec().getOnline()).isTrue();
    assertThat(view.getSpec().getBatchSource().getName()).isEqualTo("driver_hourly_stats_source");
    assertThat(view.getSpec().getBatchSource().getFileOptions().getUri()).isEqualTo("data/driver_stats.parquet");

    FeatureService service = (FeatureService) object(state, RegistryObjectKind.FEATURE_SERVICE, "driver_activity_v1").proto();
    assertThat(service.getSpec().getFeaturesList()).singleElement().satisfies(p -> {
      assertThat(p.getFeatureViewName()).isEqualTo("driver_hourly_stats");
      assertThat(p.getFeatureColumnsList()).extracting(FeatureSpecV2::getName).containsExactly("conv_rate");
    });
  }

  static RegistryObject object(RegistryState state, RegistryObjectKind kind, String name) {
    return state.find(kind, name).orElseThrow(() -> new AssertionError(kind + " " + name + " missing"));
  }
}
