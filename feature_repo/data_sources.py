"""Where the feature values come from.

Locally each source is a Parquet file under data/, written by
`featurestore generate-data`. Every file has an `event_timestamp` (when the
value became true) and a `created` column (when it was written); when two rows
of an entity share an event timestamp, the later `created` wins.
"""

from feast import FileSource, PushSource

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

# The checkout service pushes fresh velocity counters after every attempt; the
# Parquet file above is where the same values land for training and backfills.
transaction_velocity_push = PushSource(
    name="transaction_velocity_push",
    batch_source=user_transaction_velocity_source,
    description="Velocity counters pushed by the checkout service in real time.",
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
