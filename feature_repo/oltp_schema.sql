-- The OLTP tables the sample's PostgresCdcSources follow (data_sources.py).
-- Load into a PostgreSQL started with wal_level=logical, then point
-- materializer.streaming.cdc in feature_store.yaml at it (docs/STREAMING.md).
-- Column names are the feature names; each table has the view's join key.

CREATE TABLE IF NOT EXISTS users (
    user_id          text PRIMARY KEY,
    age              bigint,
    country          text,
    account_age_days bigint,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS credit_profiles (
    user_id           text PRIMARY KEY,
    credit_score      bigint,
    credit_limit      double precision,
    utilization_ratio double precision,
    open_loans        bigint,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Windows count inserts only; updates and deletes of a transaction are ignored.
CREATE TABLE IF NOT EXISTS transactions (
    transaction_id bigserial PRIMARY KEY,
    user_id        text NOT NULL,
    merchant_id    text,
    amount         double precision NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
