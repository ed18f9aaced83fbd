"""Merchant risk, read by the fraud check."""

from datetime import timedelta

from feast import FeatureView, Field
from feast.types import Float64, String

from data_sources import merchant_source
from entities import merchant

merchant_features = FeatureView(
    name="merchant_features",
    entities=[merchant],
    ttl=timedelta(days=30),
    schema=[
        Field(name="category", dtype=String, description="Merchant category (electronics, fashion, travel, ...)."),
        Field(name="risk_score", dtype=Float64, description="Internal merchant risk score, 0 (safe) to 1 (risky)."),
        Field(name="chargeback_rate", dtype=Float64, description="Share of orders charged back over the last 90 days."),
    ],
    source=merchant_source,
    online=True,
    description="Category and loss history of the merchant a purchase is made at.",
    owner="merchant-risk@bnpl.example",
    tags={"group": "risk", "team": "merchant-risk"},
)
