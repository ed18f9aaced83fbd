"""Where the feature values come from.

Locally each source is a Parquet file under data/, written by
`featurestore generate-data`. Every file has an `event_timestamp` (when the
value became true) and a `created` column (when it was written); when two rows
of an entity share an event timestamp, the later `created` wins.

Three views also follow the lender's OLTP PostgreSQL database through change
data capture (PostgresCdcSource, see docs/STREAMING.md and oltp_schema.sql):
the Parquet files stay their batch sources, for training, backfills and
`materialize`.
"""

from datetime import timedelta

from feast import FileSource, PushSource
from featurestore import PostgresCdcSource

user_demographics_source = FileSource(
    name="user_demographics_source",
    path="data/user_demographics.parquet",
    timestamp_field="event_timestamp",
    created_timestamp_column="created",
    description="Daily export of the customer table: KYC age, country and account age.",
    owner="data-eng@bnpl.example",
)

user_credit_profile_source = FileSource(
    name="user_credit_profile_source",
    path="data/user_credit_profile.parquet",
    timestamp_field="event_timestamp",
    created_timestamp_column="created",
    description="Credit bureau pulls joined with the internal credit line ledger.",
    owner="data-eng@bnpl.example",
)

users_cdc = PostgresCdcSource(
    name="users_cdc",
    table="public.users",
    timestamp_field="updated_at",
    batch_source=user_demographics_source,
    description="The customer table of the BNPL platform, followed row by row.",
    owner="data-eng@bnpl.example",
)

credit_profiles_cdc = PostgresCdcSource(
    name="credit_profiles_cdc",
    table="public.credit_profiles",
    timestamp_field="updated_at",
    batch_source=user_credit_profile_source,
    description="Credit line ledger: a row per customer, updated on every bureau pull and limit change.",
    owner="data-eng@bnpl.example",
)

user_order_behavior_source = FileSource(
    name="user_order_behavior_source",
    path="data/user_order_behavior.parquet",
    timestamp_field="event_timestamp",
    created_timestamp_column="created",
    description="Nightly aggregates of completed BNPL orders per customer.",
    owner="data-eng@bnpl.example",
)

user_repayment_risk_source = FileSource(
    name="user_repayment_risk_source",
    path="data/user_repayment_risk.parquet",
    timestamp_field="event_timestamp",
    created_timestamp_column="created",
    description="Instalment schedule outcomes from the collections system.",
    owner="data-eng@bnpl.example",
)

user_transaction_velocity_source = FileSource(
    name="user_transaction_velocity_source",
    path="data/user_transaction_velocity.parquet",
    timestamp_field="event_timestamp",
    created_timestamp_column="created",
    description="Hourly backfill of the streaming velocity counters.",
    owner="fraud@bnpl.example",
)

# Every checkout attempt is a row of the transactions table; the stream engine
# counts them in sliding windows (transaction_features.py). The Parquet file is
# the hourly backfill of the same counters.
transactions_cdc = PostgresCdcSource(
    name="transactions_cdc",
    table="public.transactions",
    timestamp_field="created_at",
    batch_source=user_transaction_velocity_source,
    # Checkout nodes commit a few seconds apart; later events no longer count.
    watermark_delay_threshold=timedelta(minutes=5),
    description="Checkout attempts as the payment service records them.",
    owner="fraud@bnpl.example",
)

merchant_source = FileSource(
    name="merchant_source",
    path="data/merchant_features.parquet",
    timestamp_field="event_timestamp",
    created_timestamp_column="created",
    description="Merchant onboarding data and weekly chargeback statistics.",
    owner="merchant-risk@bnpl.example",
)

device_risk_source = FileSource(
    name="device_risk_source",
    path="data/device_risk.parquet",
    timestamp_field="event_timestamp",
    created_timestamp_column="created",
    description="Device fingerprinting vendor scores and IP geolocation checks.",
    owner="fraud@bnpl.example",
)

# The device fingerprinting vendor calls back with fresh scores; the Parquet
# file above is where the same scores land for training and backfills.
device_risk_push = PushSource(
    name="device_risk_push",
    batch_source=device_risk_source,
    description="Scores pushed by the device fingerprinting vendor's webhook in real time.",
    owner="fraud@bnpl.example",
)
