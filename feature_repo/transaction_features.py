"""Short-window transaction counters, read by the fraud check.

The view is fed two ways: materialization from the hourly Parquet backfill,
and the `transaction_velocity_push` push source that the checkout service
calls after every attempt, so the online values are seconds old.
"""

from datetime import timedelta

from feast import FeatureView, Field
from feast.types import Float64, Int64

from data_sources import transaction_velocity_push
from entities import user

user_transaction_velocity = FeatureView(
    name="user_transaction_velocity",
    entities=[user],
    # Counters older than two days say nothing about a burst happening now.
    ttl=timedelta(days=2),
    schema=[
        Field(name="txn_count_1h", dtype=Int64, description="Checkout attempts in the last hour."),
        Field(name="txn_count_24h", dtype=Int64, description="Checkout attempts in the last 24 hours."),
        Field(name="txn_amount_24h", dtype=Float64, description="Sum of attempted basket values in the last 24 hours, in EUR."),
    ],
    source=transaction_velocity_push,
    online=True,
    description="Sliding-window counts and amounts of the customer's checkout attempts.",
    owner="fraud@bnpl.example",
    tags={"group": "behavior", "team": "fraud", "freshness": "realtime"},
)
