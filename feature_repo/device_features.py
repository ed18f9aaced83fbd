"""Device fingerprint signals, read by the fraud check."""

from datetime import timedelta

from feast import FeatureView, Field
from feast.types import Bool, Float64, Int64

from data_sources import device_risk_push
from entities import device

device_risk = FeatureView(
    name="device_risk",
    entities=[device],
    ttl=timedelta(days=7),
    schema=[
        Field(name="fingerprint_risk_score", dtype=Float64, description="Vendor score for emulators, tampering and bot traits, 0 to 1."),
        Field(name="devices_per_user", dtype=Int64, description="Distinct devices used by the account this device last logged into."),
        Field(name="ip_country_mismatch", dtype=Bool, description="True when the IP's country differs from the account's country."),
    ],
    source=device_risk_push,
    online=True,
    description="Signals that a device is emulated, shared between accounts or hiding its location.",
    owner="fraud@bnpl.example",
    tags={"group": "risk", "team": "fraud"},
)
