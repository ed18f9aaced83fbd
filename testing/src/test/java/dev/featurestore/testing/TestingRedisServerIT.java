package dev.featurestore.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestingRedisServerIT {

  @Test
  void standaloneAnswersCommands() {
    try (TestingRedisServer server = TestingRedisServer.start();
        RespClient client = RespClient.connect(server.host(), server.port())) {
      assertThat(server.isCluster()).isFalse();
      assertThat(server.nodes()).containsExactly("127.0.0.1:" + server.port());
      assertThat(server.connectionString()).isEqualTo("127.0.0.1:" + server.port());

      assertThat(client.call("PING")).isEqualTo("PONG");
      assertThat(client.call("SET", "greeting", "hello")).isEqualTo("OK");
      assertThat(client.call("GET", "greeting")).isEqualTo("hello");
      assertThat(client.call("GET", "absent")).isNull();
      assertThat(client.call("HSET", "h", "a", "1", "b", "2")).isEqualTo(2L);
      assertThat(client.call("HMGET", "h", "a", "zz"))
          .isEqualTo(java.util.Arrays.asList("1", null));
      assertThatThrownBy(() -> client.call("NOSUCHCOMMAND")).isInstanceOf(RespErrorException.class);

      byte[] binaryKey = {0, 1, (byte) 0xff, '\r', '\n'};
      client.callBinary("SET".getBytes(StandardCharsets.UTF_8), binaryKey, binaryKey);
      assertThat((byte[]) client.callBinary("GET".getBytes(StandardCharsets.UTF_8), binaryKey))
          .isEqualTo(binaryKey);

      assertThat(client.call("CONFIG", "GET", "save")).isEqualTo(List.of("save", ""));
      server.flushAll();
      assertThat(client.call("DBSIZE")).isEqualTo(0L);
    }
  }

  @Test
  void standaloneRestartsOnTheSamePort() {
    try (TestingRedisServer server = TestingRedisServer.start()) {
      int port = server.port();
      server.command("SET", "k", "v");

      server.stop();
      assertThat(server.isRunning()).isFalse();
      assertThatThrownBy(() -> server.command("PING")).isInstanceOf(UncheckedIOException.class);

      server.restart();
      assertThat(server.port()).isEqualTo(port);
      assertThat(server.command("PING")).isEqualTo("PONG");
      assertThat(server.command("GET", "k")).as("no persistence").isNull();
    }
  }

  @Test
  void clusterServesEverySlot() {
    try (TestingRedisServer cluster = TestingRedisServer.startCluster(3)) {
      assertThat(cluster.isCluster()).isTrue();
      assertThat(cluster.nodes()).hasSize(3).doesNotHaveDuplicates();
      assertThat(cluster.connectionString()).isEqualTo(String.join(",", cluster.nodes()));
      assertThat(cluster.port()).isLessThan(55_536);
      for (String node : cluster.nodes()) {
        assertThat(callAt(node, "CLUSTER", "INFO"))
            .asString()
            .contains("cluster_state:ok", "cluster_slots_assigned:16384", "cluster_known_nodes:3");
      }

      writeAndReadKeys(cluster, 60);
      Set<String> nodesHoldingKeys = new HashSet<>();
      long total = 0;
      for (String node : cluster.nodes()) {
        long size = (Long) callAt(node, "DBSIZE");
        total += size;
        if (size > 0) {
          nodesHoldingKeys.add(node);
        }
      }
      assertThat(total).isEqualTo(60);
      assertThat(nodesHoldingKeys).hasSize(3);

      try (RespClient first = RespClient.connect(cluster.host(), cluster.port())) {
        String misplaced = keyNotOn(cluster, cluster.nodes().get(0));
        assertThatThrownBy(() -> first.call("GET", misplaced))
            .isInstanceOfSatisfying(
                RespErrorException.class, e -> assertThat(e.redirectTarget()).isPresent());
      }
      cluster.flushAll();
      assertThat(cluster.command("GET", "key-1")).isNull();
    }
  }

  @Test
  void clusterComesBackAfterRestart() {
    try (TestingRedisServer cluster = TestingRedisServer.startCluster(3)) {
      List<String> nodes = cluster.nodes();

      cluster.restart();

      assertThat(cluster.nodes()).isEqualTo(nodes);
      for (String node : nodes) {
        assertThat(callAt(node, "CLUSTER", "INFO"))
            .asString()
            .contains("cluster_state:ok", "cluster_known_nodes:3");
      }
      writeAndReadKeys(cluster, 20);
    }
  }

  @Test
  void closeRemovesFoldersAndProcesses() {
    TestingRedisServer cluster = TestingRedisServer.startCluster(2);
    Path directory = cluster.directory();
    List<Integer> ports =
        cluster.nodes().stream().map(node -> Integer.parseInt(node.split(":")[1])).toList();
    assertThat(ports).noneMatch(Ports::isFree);
    assertThat(TestingPostgresServerIT.serverProcessesIn(directory)).isPositive();

    cluster.close();
    cluster.close();

    assertThat(Files.exists(directory)).isFalse();
    assertThat(TestingPostgresServerIT.serverProcessesIn(directory)).isZero();
    assertThat(ports).allMatch(Ports::isFree);
  }

  @Test
  void sharedInstanceSurvivesClose() {
    TestingRedisServer shared = TestingRedisServer.shared();
    shared.close();

    assertThat(TestingRedisServer.shared()).isSameAs(shared);
    assertThat(shared.command("PING")).isEqualTo("PONG");
  }

  private static void writeAndReadKeys(TestingRedisServer cluster, int count) {
    for (int i = 0; i < count; i++) {
      assertThat(cluster.command("SET", "key-" + i, "value-" + i)).isEqualTo("OK");
    }
    for (int i = 0; i < count; i++) {
      assertThat(cluster.command("GET", "key-" + i)).isEqualTo("value-" + i);
    }
  }

  private static String keyNotOn(TestingRedisServer cluster, String node) {
    for (int i = 0; ; i++) {
      String key = "probe-" + i;
      try {
        callAt(node, "GET", key);
      } catch (RespErrorException e) {
        return key;
      }
    }
  }

  private static Object callAt(String node, String... args) {
    int colon = node.lastIndexOf(':');
    try (RespClient client =
        RespClient.connect(node.substring(0, colon), Integer.parseInt(node.substring(colon + 1)))) {
      return client.call(args);
    }
  }
}
