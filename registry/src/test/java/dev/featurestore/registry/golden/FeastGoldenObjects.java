package dev.featurestore.registry.golden;

/**
 * The objects of Feast's `feast init` template as Feast's Python serializes them, built from the
 * field numbers in protos/feast/core/*.proto at Feast f0bc0700be70. Times are epoch seconds.
 */
final class FeastGoldenObjects {
  static final String PROJECT = "credit_scoring";
  static final long CREATED = 1705320000L; // 2024-01-15T12:00:00Z
  static final long UPDATED = 1705323600L; // 2024-01-15T13:00:00Z
  static final String PROJECT_UUID = "6a1d3f0e-8b7c-4d2e-9f10-1234567890ab";

  // feast.types.ValueType.Enum
  static final int INT64 = 4;
  static final int FLOAT = 6;
  // DataSource.SourceType
  static final int BATCH_FILE = 1;

  private FeastGoldenObjects() {}

  /** google.protobuf.Timestamp{seconds=1}. */
  static Wire timestamp(long seconds) {
    return Wire.message().varint(1, seconds);
  }

  /** EntityMeta / FeatureViewMeta / ...Meta {created_timestamp=1, last_updated_timestamp=2}. */
  static Wire meta() {
    return Wire.message().message(1, timestamp(CREATED)).message(2, timestamp(UPDATED));
  }

  /**
   * Entity{spec=1 EntitySpecV2{name=1, value_type=2, description=3, join_key=4, project=9},
   * meta=2}. The SQL registry stores it without spec.project (Entity.to_proto leaves it empty).
   */
  static Wire entity(boolean withProject) {
    Wire spec = Wire.message().string(1, "driver").varint(2, INT64).string(3, "driver id").string(4, "driver_id");
    if (withProject) {
      spec.string(9, PROJECT);
    }
    return Wire.message().message(1, spec).message(2, meta());
  }

  /**
   * DataSource{type=1 BATCH_FILE, timestamp_field=3, created_timestamp_column=5,
   * file_options=11 FileOptions{uri=2}, name=20, project=21}.
   */
  static Wire fileSource(boolean withProject) {
    Wire source = Wire.message()
        .varint(1, BATCH_FILE)
        .string(3, "event_timestamp")
        .string(5, "created")
        .message(11, Wire.message().string(2, "data/driver_stats.parquet"))
        .string(20, "driver_hourly_stats_source");
    if (withProject) {
      source.string(21, PROJECT);
    }
    return source;
  }

  /** FeatureSpecV2{name=1, value_type=2}. */
  static Wire feature(String name, int valueType) {
    return Wire.message().string(1, name).varint(2, valueType);
  }

  /**
   * FeatureView{spec=1 FeatureViewSpec{name=1, project=2, entities=3 (names), features=4,
   * ttl=6 Duration{seconds=1}, batch_source=7, online=8, entity_columns=12}, meta=2}.
   */
  static Wire featureView(boolean withProject) {
    Wire spec = Wire.message().string(1, "driver_hourly_stats");
    if (withProject) {
      spec.string(2, PROJECT);
    }
    spec.string(3, "driver")
        .message(4, feature("conv_rate", FLOAT))
        .message(4, feature("avg_daily_trips", INT64))
        .message(6, Wire.message().varint(1, 86400))
        .message(7, fileSource(withProject))
        .varint(8, 1)
        .message(12, feature("driver_id", INT64));
    return Wire.message().message(1, spec).message(2, meta());
  }

  /**
   * FeatureService{spec=1 FeatureServiceSpec{name=1, project=2, features=3
   * FeatureViewProjection{feature_view_name=1, feature_columns=2}}, meta=2}.
   */
  static Wire featureService(boolean withProject) {
    Wire spec = Wire.message().string(1, "driver_activity_v1");
    if (withProject) {
      spec.string(2, PROJECT);
    }
    spec.message(3, Wire.message().string(1, "driver_hourly_stats").message(2, feature("conv_rate", FLOAT)));
    return Wire.message().message(1, spec).message(2, meta());
  }

  /** Project{spec=1 ProjectSpec{name=1}, meta=2 ProjectMeta{created_timestamp=1, last_updated_timestamp=2}}. */
  static Wire project() {
    return Wire.message().message(1, Wire.message().string(1, PROJECT)).message(2, meta());
  }
}
