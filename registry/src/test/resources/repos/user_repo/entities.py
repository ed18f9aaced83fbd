"""Entities shared by every feature file."""
from feast import Entity, ValueType

user = Entity(
    name="user",
    join_keys=["user_id"],
    value_type=ValueType.INT64,
    description="""A customer of the shop.

    Keyed by the numeric account id.""",
    tags={"owner": "risk"},
)
merchant = Entity(name="merchant", value_type=ValueType.STRING)  # join key defaults to the name
