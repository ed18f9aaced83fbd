package dev.featurestore.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestingServersExtension.class)
class TestingServersExtensionIT {

  @Test
  void injectsTheSharedServers(TestingPostgresServer postgres, TestingRedisServer redis)
      throws SQLException {
    assertThat(postgres).isSameAs(TestingPostgresServer.shared());
    assertThat(redis).isSameAs(TestingRedisServer.shared());

    try (Connection connection = postgres.connect(postgres.createDatabase("extension"))) {
      assertThat(connection.isValid(5)).isTrue();
    }
    assertThat(redis.command("PING")).isEqualTo("PONG");
  }
}
