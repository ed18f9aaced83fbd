from feast import FeatureService
from features.user_features import user_profile, user_merchant_velocity as velocity
import features.user_features as uf

risk_v1 = FeatureService(
    name="risk_v1",
    features=[
        user_profile[["age", "segments"]],
        velocity.with_name("velocity_alias").with_join_key_map({"merchant": "shop_id"}),
        uf.global_stats,
    ],
    description="Features for the approval model",
)
