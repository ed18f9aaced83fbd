"""Slow-moving facts about a customer, read by the credit decision.

The `group` tag decides where a feature appears in the product API
(GET /api/v1/features/user/{user_id}): demographics, behavior or risk.
"""

from datetime import timedelta

from feast import FeatureView, Field
from feast.types import Float64, Int64, String

from data_sources import (
    credit_profiles_cdc,
    user_order_behavior_source,
    user_repayment_risk_source,
    users_cdc,
)
from entities import user

user_demographics = FeatureView(
    name="user_demographics",
    entities=[user],
    ttl=timedelta(days=365),
    schema=[
        Field(name="age", dtype=Int64, description="Age in whole years at the snapshot, from KYC."),
        Field(name="country", dtype=String, description="ISO 3166-1 alpha-2 country of residence."),
        Field(name="account_age_days", dtype=Int64, description="Days since the account was opened."),
    ],
    source=users_cdc,
    online=True,
    description="Identity facts that change rarely; refreshed daily from the customer table.",
    owner="risk-platform@bnpl.example",
    tags={"group": "demographics", "team": "risk-platform"},
)

user_credit_profile = FeatureView(
    name="user_credit_profile",
    entities=[user],
    ttl=timedelta(days=90),
    schema=[
        Field(name="credit_score", dtype=Int64, description="Bureau score on the 300-850 scale."),
        Field(name="credit_limit", dtype=Float64, description="BNPL credit line granted, in EUR."),
        Field(name="utilization_ratio", dtype=Float64, description="Outstanding balance divided by credit_limit, 0 to 1."),
        Field(name="open_loans", dtype=Int64, description="Instalment plans not yet fully repaid, across lenders."),
    ],
    source=credit_profiles_cdc,
    online=True,
    description="Creditworthiness from the latest bureau pull and the internal credit line.",
    owner="credit-risk@bnpl.example",
    tags={"group": "risk", "team": "credit-risk"},
)

user_order_behavior = FeatureView(
    name="user_order_behavior",
    entities=[user],
    ttl=timedelta(days=30),
    schema=[
        Field(name="total_orders", dtype=Int64, description="BNPL orders completed since sign-up."),
        Field(name="avg_order_value", dtype=Float64, description="Mean basket value of those orders, in EUR."),
        Field(name="orders_30d", dtype=Int64, description="Orders completed in the 30 days before the snapshot."),
    ],
    source=user_order_behavior_source,
    online=True,
    description="How much and how often the customer buys; a nightly aggregate of the order history.",
    owner="risk-platform@bnpl.example",
    tags={"group": "behavior", "team": "risk-platform"},
)

user_repayment_risk = FeatureView(
    name="user_repayment_risk",
    entities=[user],
    ttl=timedelta(days=90),
    schema=[
        Field(name="payment_delays", dtype=Int64, description="Instalments ever paid after their due date."),
        Field(name="missed_payments_90d", dtype=Int64, description="Instalments unpaid 14 days past due in the last 90 days."),
    ],
    source=user_repayment_risk_source,
    online=True,
    description="Repayment track record from the collections system; the strongest default signal.",
    owner="credit-risk@bnpl.example",
    tags={"group": "risk", "team": "credit-risk"},
)
