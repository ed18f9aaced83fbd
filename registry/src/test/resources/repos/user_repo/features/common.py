from datetime import timedelta

DATA_ROOT = "data/"
DEFAULT_TTL = timedelta(hours=6) * 4
TEAM_TAGS = {"team": "risk", **{"tier": "gold"}}
