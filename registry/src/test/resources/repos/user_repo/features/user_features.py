from feast import FeatureView, Field, FileSource, PushSource, KafkaSource
from feast.data_format import JsonFormat
from feast.types import Array, Float64, Int64, Set, String, UnixTimestamp
from datetime import timedelta

from entities import user, merchant
from features.common import DATA_ROOT, DEFAULT_TTL, TEAM_TAGS

user_source = FileSource(
    path=f"{DATA_ROOT}user_profile.parquet",  # name defaults to the path
    timestamp_field="event_timestamp",
)

user_profile = FeatureView(
    name="user_profile",
    entities=[user],
    ttl=DEFAULT_TTL,
    schema=[
        Field(name="user_id", dtype=Int64),
        Field(name="age", dtype=Int64),
        Field(name="segments", dtype=Array(String)),
        Field(name="devices", dtype=Set(String)),
        Field(name="signup", dtype=UnixTimestamp),
    ],
    source=user_source,
    tags=TEAM_TAGS,
    owner="risk@example.com",
)

txn_stream = KafkaSource(
    name="transactions_stream",
    kafka_bootstrap_servers="localhost:9092",
    topic="transactions",
    timestamp_field="event_timestamp",
    message_format=JsonFormat(schema_json="amount double, merchant string"),
    batch_source=FileSource(name="transactions_batch", path=DATA_ROOT + "transactions.parquet",
                            timestamp_field="event_timestamp"),
    watermark_delay_threshold=timedelta(minutes=5),
)

user_merchant_velocity = FeatureView(
    name="user_merchant_velocity",
    entities=[user, merchant],
    ttl=timedelta(minutes=30),
    schema=[Field(name="txn_count_1h", dtype=Int64), Field(name="amount_sum_1h", dtype=Float64)],
    source=txn_stream,
    online=True,
)

global_stats = FeatureView(
    name="global_stats",
    entities=[],
    schema=[Field(name="approval_rate", dtype=Float64)],
    source=FileSource(name="global_stats_source", path="data/global.parquet", timestamp_field="ts"),
)
