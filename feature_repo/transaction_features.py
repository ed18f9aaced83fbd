"""Short-window transaction counters, read by the fraud check.

A stream feature view: the stream engine (`featurestore stream`, or `up`)
counts the rows of the transactions table in sliding windows as the payment
service commits them, so the online values are seconds old. The Parquet
backfill of the same counters (its batch source) is what `materialize` writes
and what training reads.
"""

from datetime import timedelta

from feast import Aggregation, Field, StreamFeatureView
from feast.types import Float64, Int64, String

from data_sources import transactions_cdc
from entities import user

user_transaction_velocity = StreamFeatureView(
    name="user_transaction_velocity",
    entities=[user],
    # Counters older than two days say nothing about a burst happening now.
    ttl=timedelta(days=2),
    mode="python",
    timestamp_field="created_at",
    schema=[
        Field(name="user_id", dtype=String),
        Field(name="txn_count_1h", dtype=Int64, description="Checkout attempts in the last hour."),
        Field(name="txn_count_24h", dtype=Int64, description="Checkout attempts in the last 24 hours."),
        Field(name="txn_amount_24h", dtype=Float64, description="Sum of attempted basket values in the last 24 hours, in EUR."),
    ],
    aggregations=[
        Aggregation(column="amount", function="count", time_window=timedelta(hours=1),
                    slide_interval=timedelta(minutes=5), name="txn_count_1h"),
        Aggregation(column="amount", function="count", time_window=timedelta(hours=24),
                    slide_interval=timedelta(hours=1), name="txn_count_24h"),
        Aggregation(column="amount", function="sum", time_window=timedelta(hours=24),
                    slide_interval=timedelta(hours=1), name="txn_amount_24h"),
    ],
    source=transactions_cdc,
    online=True,
    description="Sliding-window counts and amounts of the customer's checkout attempts.",
    owner="fraud@bnpl.example",
    tags={"group": "behavior", "team": "fraud", "freshness": "realtime"},
)
