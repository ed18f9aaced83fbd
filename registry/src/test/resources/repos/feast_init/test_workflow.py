import json
import subprocess
from datetime import datetime

import pandas as pd

from feast import FeatureStore
from feast.data_source import PushMode


def run_demo():
    store = FeatureStore(repo_path=".")
    subprocess.run(["feast", "apply"])
    fetch_online_features(store)
    event_df = pd.DataFrame.from_dict(
        {
            "driver_id": [1001],
            "event_timestamp": [datetime.now()],
            "driver_config": [json.dumps({"max_distance_km": 500})],
        }
    )
    store.push("driver_stats_push_source", event_df, to=PushMode.ONLINE_AND_OFFLINE)
    print(f"pushed {len(event_df)} rows: {event_df!r:>10}")


def fetch_online_features(store, source: str = ""):
    entity_rows = [{"driver_id": 1001, "val_to_add": 1000}]
    if source == "push":
        features_to_fetch = store.get_feature_service("driver_activity_v3")
    else:
        features_to_fetch = ["driver_hourly_stats:acc_rate"]
    returned = store.get_online_features(features=features_to_fetch, entity_rows=entity_rows).to_dict()
    for key, value in sorted(returned.items()):
        print(key, " : ", value)


if __name__ == "__main__":
    run_demo()
