package dev.featurestore.cli;

import dev.featurestore.testing.TestingPostgresServer;
import dev.featurestore.testing.TestingRedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A feature repository whose views follow an OLTP PostgreSQL database through CDC: {@code users}
 * feeds the plain view {@code user_profile}, {@code transactions} the stream feature view
 * {@code user_velocity} (count over 1 h sliding every 10 min, sum over 24 h hopping hourly).
 */
final class CdcRepo {
  static final String PROJECT = "cdc_test";

  private CdcRepo() {}

  static Path write(Path dir, TestingPostgresServer postgres, String database, TestingRedisServer redis, String slot) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("feature_store.yaml"), """
          project: %s
          provider: local
          registry:
            registry_type: sql
            path: sqlite:///data/registry.db
            cache_ttl_seconds: 1
          online_store:
            type: redis
            connection_string: "%s"
          offline_store:
            type: file
          entity_key_serialization_version: 3
          materializer:
            streaming:
              state_dir: data/stream_state
              cdc:
                host: %s
                port: %d
                database: %s
                user: %s
                slot_name: %s
                publication_name: %s
          """.formatted(PROJECT, redis.connectionString(), postgres.host(), postgres.port(), database,
          postgres.user(), slot, slot + "_pub"));
      Files.writeString(dir.resolve("definitions.py"), """
          from datetime import timedelta

          from feast import Aggregation, Entity, FeatureView, Field, FileSource, StreamFeatureView, ValueType
          from feast.types import Float64, Int64, String
          from featurestore import PostgresCdcSource

          user = Entity(name="user", join_keys=["user_id"], value_type=ValueType.STRING)

          users_cdc = PostgresCdcSource(
              name="users_cdc",
              table="public.users",
              timestamp_field="updated_at",
              batch_source=FileSource(name="users_batch", path="data/users.parquet", timestamp_field="updated_at"),
          )

          user_profile = FeatureView(
              name="user_profile",
              entities=[user],
              schema=[
                  Field(name="user_id", dtype=String),
                  Field(name="age", dtype=Int64),
                  Field(name="country", dtype=String),
              ],
              source=users_cdc,
          )

          transactions_cdc = PostgresCdcSource(
              name="transactions_cdc",
              table="transactions",
              timestamp_field="created_at",
              batch_source=FileSource(name="transactions_batch", path="data/transactions.parquet", timestamp_field="created_at"),
              watermark_delay_threshold=timedelta(minutes=5),
          )

          user_velocity = StreamFeatureView(
              name="user_velocity",
              entities=[user],
              ttl=timedelta(days=2),
              mode="python",
              timestamp_field="created_at",
              source=transactions_cdc,
              schema=[
                  Field(name="user_id", dtype=String),
                  Field(name="txn_count_1h", dtype=Int64),
                  Field(name="txn_amount_24h", dtype=Float64),
              ],
              aggregations=[
                  Aggregation(column="amount", function="count", time_window=timedelta(hours=1),
                              slide_interval=timedelta(minutes=10), name="txn_count_1h"),
                  Aggregation(column="amount", function="sum", time_window=timedelta(hours=24),
                              slide_interval=timedelta(hours=1), name="txn_amount_24h"),
              ],
          )
          """);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void createTables(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE users (user_id text PRIMARY KEY, age bigint, country text,"
          + " updated_at timestamptz NOT NULL)");
      statement.execute("CREATE TABLE transactions (transaction_id bigserial PRIMARY KEY, user_id text,"
          + " amount double precision, created_at timestamptz NOT NULL)");
    }
  }
}
