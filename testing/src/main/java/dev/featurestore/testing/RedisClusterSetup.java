package dev.featurestore.testing;

import java.time.Duration;
import java.util.List;

/**
 * Forms a Redis Cluster out of empty cluster-enabled nodes the way {@code redis-cli --cluster
 * create} does, without needing redis-cli: distinct config epochs, contiguous slot ranges, one MEET
 * per node, then wait until every node reports the cluster healthy.
 */
final class RedisClusterSetup {
  static final int SLOTS = 16_384;
  private static final Duration CONVERGE_TIMEOUT = Duration.ofSeconds(60);

  private RedisClusterSetup() {}

  static void create(List<RedisNode> masters) {
    int count = masters.size();
    for (int i = 0; i < count; i++) {
      RedisNode node = masters.get(i);
      // Distinct epochs up front spare the cluster its slow epoch-collision resolution.
      node.call("CLUSTER", "SET-CONFIG-EPOCH", Integer.toString(i + 1));
      int first = i * SLOTS / count;
      int last = (i + 1) * SLOTS / count - 1;
      node.call("CLUSTER", "ADDSLOTSRANGE", Integer.toString(first), Integer.toString(last));
    }
    RedisNode introducer = masters.get(0);
    for (RedisNode node : masters.subList(1, count)) {
      introducer.call("CLUSTER", "MEET", RedisNode.HOST, Integer.toString(node.port()));
    }
    awaitHealthy(masters);
  }

  /** Waits until every node sees all nodes and reports {@code cluster_state:ok}. */
  static void awaitHealthy(List<RedisNode> nodes) {
    long deadline = System.nanoTime() + CONVERGE_TIMEOUT.toNanos();
    String lastInfo = "";
    while (System.nanoTime() < deadline) {
      boolean healthy = true;
      for (RedisNode node : nodes) {
        lastInfo = node.address() + ":\n" + node.call("CLUSTER", "INFO");
        if (!lastInfo.contains("cluster_state:ok")
            || !lastInfo.contains("cluster_known_nodes:" + nodes.size() + "\r\n")) {
          healthy = false;
          break;
        }
      }
      if (healthy) {
        return;
      }
      ServerProcess.pause(Duration.ofMillis(50));
    }
    throw new IllegalStateException(
        "Redis Cluster not healthy after " + CONVERGE_TIMEOUT + "; " + lastInfo);
  }
}
