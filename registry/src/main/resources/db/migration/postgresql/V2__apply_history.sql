-- This project's apply history (Feast keeps none). Prefixed fs_ so it never collides with Feast.
-- applied_at: epoch milliseconds.
CREATE TABLE IF NOT EXISTS fs_apply_history (
    id BIGSERIAL PRIMARY KEY,
    project_id VARCHAR(255) NOT NULL,
    applied_at BIGINT NOT NULL,
    change_type VARCHAR(16) NOT NULL,
    object_kind VARCHAR(32) NOT NULL,
    object_name VARCHAR(255) NOT NULL,
    summary TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_fs_apply_history_project_id ON fs_apply_history (project_id, id);
