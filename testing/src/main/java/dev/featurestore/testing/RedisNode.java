package dev.featurestore.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One redis-server process in its own folder, without persistence, on 127.0.0.1. */
final class RedisNode {
  static final String HOST = "127.0.0.1";
  private static final int PORT_ATTEMPTS = 5;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  // Short enough that a restarted cluster is back in seconds, long enough for a busy CI machine.
  private static final int CLUSTER_NODE_TIMEOUT_MILLIS = 2_000;

  private final Path redisServer;
  private final Path dir;
  private final boolean clusterEnabled;
  private int port;
  private ServerProcess process;

  private RedisNode(Path redisServer, Path dir, boolean clusterEnabled) {
    this.redisServer = redisServer;
    this.dir = dir;
    this.clusterEnabled = clusterEnabled;
  }

  /** Creates {@code dir} and starts a node there on a free port, retrying if the port is taken. */
  static RedisNode startOnFreePort(Path redisServer, Path dir, boolean clusterEnabled) {
    RedisNode node = new RedisNode(redisServer, dir, clusterEnabled);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        node.port = clusterEnabled ? Ports.freeClusterPort() : Ports.freePort();
        node.start();
        return node;
      } catch (PortInUseException e) {
        if (attempt == PORT_ATTEMPTS) {
          throw new IllegalStateException(
              "Redis found no free port in " + PORT_ATTEMPTS + " attempts", e);
        }
      }
    }
  }

  int port() {
    return port;
  }

  String address() {
    return HOST + ":" + port;
  }

  boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Starts the server on its port (again); a cluster node finds its identity in nodes.conf. */
  void start() {
    writeConfig();
    process =
        ServerProcess.start(
            List.of(redisServer.toString(), dir.resolve("redis.conf").toString()),
            "TERM",
            null,
            dir,
            dir.resolve("redis.log"),
            Map.of());
    awaitPong();
  }

  void stop() {
    if (process != null) {
      process.stop(STOP_TIMEOUT);
      process = null;
    }
  }

  /** Sends one command over a fresh connection. */
  Object call(String... args) {
    try (RespClient client = RespClient.connect(HOST, port)) {
      return client.call(args);
    }
  }

  private void writeConfig() {
    StringBuilder config =
        new StringBuilder()
            .append("port ")
            .append(port)
            .append('\n')
            .append("bind ")
            .append(HOST)
            .append('\n')
            .append("protected-mode no\n")
            .append("daemonize no\n")
            .append("save \"\"\n")
            .append("appendonly no\n")
            .append("dir \"")
            .append(dir)
            .append("\"\n")
            .append("logfile \"\"\n");
    if (clusterEnabled) {
      config
          .append("cluster-enabled yes\n")
          .append("cluster-config-file nodes.conf\n")
          .append("cluster-node-timeout ")
          .append(CLUSTER_NODE_TIMEOUT_MILLIS)
          .append('\n');
    }
    try {
      Files.writeString(dir.resolve("redis.conf"), config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitPong() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        ServerProcess failed = process;
        process = null;
        if (failed.logContains("Address already in use")) {
          throw new PortInUseException("Redis", port);
        }
        throw new IllegalStateException(
            "redis-server exited during start-up:\n" + failed.logTail(30));
      }
      try {
        if ("PONG".equals(call("PING"))) {
          return;
        }
      } catch (UncheckedIOException | RespErrorException e) {
        last = e;
      }
      ServerProcess.pause(Duration.ofMillis(20));
    }
    stop();
    throw new IllegalStateException(
        "redis-server on port " + port + " not ready after " + START_TIMEOUT, last);
  }
}
