"""Feature services: the versioned feature sets each decision model reads.

A model pins a service name; changing the features of a live model means a new
service (credit_decision_v2) so the old model keeps getting what it was
trained on.
"""

from feast import FeatureService

from device_features import device_risk
from merchant_features import merchant_features
from transaction_features import user_transaction_velocity
from user_features import (
    user_credit_profile,
    user_demographics,
    user_order_behavior,
    user_repayment_risk,
)

credit_decision_v1 = FeatureService(
    name="credit_decision_v1",
    features=[
        # account_age_days is left out: the v1 model was trained without it.
        user_demographics[["age", "country"]],
        user_credit_profile,
        user_order_behavior,
        user_repayment_risk,
    ],
    description="Inputs of the credit model that approves or declines a BNPL plan and sets its limit.",
    owner="credit-risk@bnpl.example",
    tags={"model": "credit_decision", "version": "1"},
)

fraud_check_v1 = FeatureService(
    name="fraud_check_v1",
    features=[
        user_transaction_velocity,
        merchant_features,
        device_risk,
    ],
    description="Inputs of the real-time fraud screen run on every checkout attempt.",
    owner="fraud@bnpl.example",
    tags={"model": "fraud_check", "version": "1"},
)
