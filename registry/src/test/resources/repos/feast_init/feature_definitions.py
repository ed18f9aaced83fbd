# Definitions laid out like the repository `feast init` generates (Feast 0.66).

from datetime import timedelta

import pandas as pd

from feast import (
    ConflictPolicy,
    Entity,
    FeatureService,
    FeatureView,
    Field,
    FileSource,
    LabelView,
    Project,
    PushSource,
    RequestSource,
)
from feast.feature_logging import LoggingConfig
from feast.infra.offline_stores.file_source import FileLoggingDestination
from feast.on_demand_feature_view import on_demand_feature_view
from feast.types import Float32, Float64, Int64, Json, Map, String, Struct

project = Project(name="driver_ranking", description="Driver statistics for ranking")

# The driver is the key everything below is looked up by.
driver = Entity(name="driver", join_keys=["driver_id"])

driver_stats_source = FileSource(
    name="driver_hourly_stats_source",
    path="data/driver_stats.parquet",
    timestamp_field="event_timestamp",
    created_timestamp_column="created",
)

driver_stats_fv = FeatureView(
    name="driver_hourly_stats",
    entities=[driver],
    ttl=timedelta(days=1),
    schema=[
        Field(name="conv_rate", dtype=Float32),
        Field(name="acc_rate", dtype=Float32),
        Field(name="avg_daily_trips", dtype=Int64, description="Trips per day"),
        Field(
            name="driver_metadata",
            dtype=Map,
            description="Free-form key/value pairs",
        ),
        Field(
            name="driver_config", dtype=Json, description="Settings as JSON"
        ),
        Field(
            name="driver_profile",
            dtype=Struct({"name": String, "age": String}),
            description="Typed profile",
        ),
    ],
    online=True,
    source=driver_stats_source,
    tags={"team": "driver_performance"},
    enable_validation=True,
    version="latest",
)

input_request = RequestSource(
    name="vals_to_add",
    schema=[
        Field(name="val_to_add", dtype=Int64),
        Field(name="val_to_add_2", dtype=Int64),
    ],
)


@on_demand_feature_view(
    sources=[driver_stats_fv, input_request],
    schema=[
        Field(name="conv_rate_plus_val1", dtype=Float64),
        Field(name="conv_rate_plus_val2", dtype=Float64),
    ],
)
def transformed_conv_rate(inputs: pd.DataFrame) -> pd.DataFrame:
    df = pd.DataFrame()
    df["conv_rate_plus_val1"] = inputs["conv_rate"] + inputs["val_to_add"]
    df["conv_rate_plus_val2"] = inputs["conv_rate"] + inputs["val_to_add_2"]
    return df


driver_activity_v1 = FeatureService(
    name="driver_activity_v1",
    features=[
        driver_stats_fv[["conv_rate"]],
        transformed_conv_rate,
    ],
    logging_config=LoggingConfig(
        destination=FileLoggingDestination(path="data")
    ),
)
driver_activity_v2 = FeatureService(
    name="driver_activity_v2", features=[driver_stats_fv, transformed_conv_rate]
)

driver_stats_push_source = PushSource(
    name="driver_stats_push_source",
    batch_source=driver_stats_source,
)

driver_stats_fresh_fv = FeatureView(
    name="driver_hourly_stats_fresh",
    entities=[driver],
    ttl=timedelta(days=1),
    schema=[
        Field(name="conv_rate", dtype=Float32),
        Field(name="acc_rate", dtype=Float32),
        Field(name="avg_daily_trips", dtype=Int64),
        Field(name="driver_metadata", dtype=Map),
        Field(name="driver_config", dtype=Json),
        Field(name="driver_profile", dtype=Struct({"name": String, "age": String})),
    ],
    online=True,
    source=driver_stats_push_source,
    tags={"team": "driver_performance"},
    version="latest",
)


@on_demand_feature_view(
    sources=[driver_stats_fresh_fv, input_request],
    schema=[
        Field(name="conv_rate_plus_val1", dtype=Float64),
        Field(name="conv_rate_plus_val2", dtype=Float64),
    ],
)
def transformed_conv_rate_fresh(inputs: pd.DataFrame) -> pd.DataFrame:
    df = pd.DataFrame()
    df["conv_rate_plus_val1"] = inputs["conv_rate"] + inputs["val_to_add"]
    df["conv_rate_plus_val2"] = inputs["conv_rate"] + inputs["val_to_add_2"]
    return df


driver_activity_v3 = FeatureService(
    name="driver_activity_v3",
    features=[driver_stats_fresh_fv, transformed_conv_rate_fresh],
)

# Labels come in through a push source backed by a parquet file.
driver_quality_labels_source = PushSource(
    name="driver_quality_labels_push",
    batch_source=FileSource(
        name="driver_quality_labels_batch",
        path="data/driver_quality_labels.parquet",
        timestamp_field="event_timestamp",
    ),
)

driver_quality_labels = LabelView(
    name="driver_quality_labels",
    entities=[driver],
    schema=[
        Field(name="is_reliable", dtype=Int64),
        Field(name="quality_score", dtype=Float32),
        Field(name="reviewer_notes", dtype=String),
        Field(name="labeler", dtype=String),
    ],
    source=driver_quality_labels_source,
    labeler_field="labeler",
    conflict_policy=ConflictPolicy.LAST_WRITE_WINS,
    description="Reviewer verdicts on drivers",
    tags={
        "feast.io/labeling-method": "table",
        "feast.io/field-role:is_reliable": "label",
    },
)
