-- This project's materialization job history (Feast keeps none), written by the materializer's
-- scheduler, one row per run of one feature view. Prefixed fs_ so it never collides with Feast.
-- Times: epoch milliseconds; window_* are NULL while running and when a run wrote no window.
-- status: RUNNING, SUCCEEDED, FAILED (for good) or RETRYING (failed, another attempt scheduled).
CREATE TABLE IF NOT EXISTS fs_materialization_runs (
    id BIGSERIAL PRIMARY KEY,
    project_id VARCHAR(255) NOT NULL,
    feature_view VARCHAR(255) NOT NULL,
    started_at BIGINT NOT NULL,
    finished_at BIGINT,
    window_start BIGINT,
    window_end BIGINT,
    rows_written BIGINT NOT NULL DEFAULT 0,
    status VARCHAR(16) NOT NULL,
    error TEXT,
    instance VARCHAR(255) NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_fs_materialization_runs_view
    ON fs_materialization_runs (project_id, feature_view, started_at);
CREATE INDEX IF NOT EXISTS idx_fs_materialization_runs_started
    ON fs_materialization_runs (project_id, started_at);
