package dev.featurestore.onlinestore.redis;

import static dev.featurestore.testing.OnlineStoreTestData.int64;
import static dev.featurestore.testing.OnlineStoreTestData.row;
import static dev.featurestore.testing.OnlineStoreTestData.timestamp;
import static dev.featurestore.testing.OnlineStoreTestData.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.ViewRead;
import dev.featurestore.testing.Ports;
import dev.featurestore.testing.RespClient;
import dev.featurestore.testing.TestingRedisServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code redis_type: redis_sentinel}: the store asks a sentinel for the master and uses it. */
class RedisSentinelOnlineStoreIT {
  @TempDir static Path folder;

  private static TestingRedisServer master;
  private static Process sentinel;
  private static int sentinelPort;

  @BeforeAll
  static void startMasterAndSentinel() throws Exception {
    master = TestingRedisServer.start();
    sentinelPort = Ports.freePort();
    Path conf = folder.resolve("sentinel.conf");
    Files.writeString(
        conf,
        String.join(
            "\n",
            "port " + sentinelPort,
            "bind 127.0.0.1",
            "dir " + folder,
            "sentinel monitor mymaster 127.0.0.1 " + master.port() + " 1",
            ""));
    sentinel =
        new ProcessBuilder("redis-server", conf.toString(), "--sentinel")
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("sentinel.log").toFile())
            .start();
    awaitSentinel();
  }

  @AfterAll
  static void stop() {
    if (sentinel != null) {
      sentinel.destroy();
    }
    master.close();
  }

  @Test
  void writesAndReadsThroughTheMasterTheSentinelNames() {
    try (OnlineStore store =
        RedisTestConfigs.store(
            "redis_sentinel",
            "127.0.0.1:" + sentinelPort,
            Map.of("sentinel_master", "mymaster"),
            3)) {
      assertThat(store.isHealthy()).isTrue();
      store.write(
          "p",
          "v",
          List.of(row(user("u1"), timestamp("2024-01-15T12:00:00Z"), Map.of("x", int64(1)))));
      assertThat(
              store
                  .read("p", List.of(new ViewRead("v", List.of("x"), List.of(user("u1")))))
                  .get(0)
                  .get(0)
                  .values())
          .containsExactly(int64(1));
    }
    try (RespClient client = RespClient.connect(master.host(), master.port())) {
      assertThat((Long) client.call("DBSIZE")).isEqualTo(1L);
    }
  }

  private static void awaitSentinel() throws InterruptedException, IOException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!sentinel.isAlive()) {
        throw new IOException(
            "sentinel exited: " + Files.readString(folder.resolve("sentinel.log")));
      }
      try (RespClient client = RespClient.connect("127.0.0.1", sentinelPort)) {
        if (client.call("SENTINEL", "get-master-addr-by-name", "mymaster") instanceof List<?> l
            && !l.isEmpty()) {
          return;
        }
      } catch (RuntimeException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IOException("sentinel did not start");
  }
}
