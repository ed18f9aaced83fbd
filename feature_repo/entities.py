"""Entities of the BNPL repository: who or what a feature value describes.

Every join key is a string with a fixed prefix and a zero-padded number
(user_00042, merchant_0007, device_000123, txn_0000000001) so ids from the
different entities can never be mistaken for one another in logs.
"""

from feast import Entity, ValueType

user = Entity(
    name="user",
    join_keys=["user_id"],
    value_type=ValueType.STRING,
    description="A BNPL customer, identified by the account id issued at sign-up (e.g. user_00042).",
    owner="risk-platform@bnpl.example",
    tags={"domain": "customer", "pii": "false"},
)

merchant = Entity(
    name="merchant",
    join_keys=["merchant_id"],
    value_type=ValueType.STRING,
    description="A merchant that offers BNPL at checkout (e.g. merchant_0007).",
    owner="merchant-risk@bnpl.example",
    tags={"domain": "merchant"},
)

device = Entity(
    name="device",
    join_keys=["device_id"],
    value_type=ValueType.STRING,
    description="A browser or phone seen at checkout, keyed by its fingerprint id (e.g. device_000123).",
    owner="fraud@bnpl.example",
    tags={"domain": "device"},
)

transaction = Entity(
    name="transaction",
    join_keys=["transaction_id"],
    value_type=ValueType.STRING,
    description="One checkout attempt; used to key decision logs and request-time features.",
    owner="risk-platform@bnpl.example",
    tags={"domain": "transaction"},
)
