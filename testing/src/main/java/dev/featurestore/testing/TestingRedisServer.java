package dev.featurestore.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A private Redis for tests: one standalone server, or a Redis Cluster of several masters without
 * replicas, started from the installed {@code redis-server} on free ports of 127.0.0.1 without any
 * persistence. Everything is removed on {@link #close()} and, at the latest, when the JVM exits.
 * Thread-safe.
 */
public final class TestingRedisServer implements AutoCloseable {
  private static final int MAX_REDIRECTS = 5;

  private static TestingRedisServer shared;

  private final Path root;
  private final boolean cluster;
  private final boolean isShared;
  private final List<RedisNode> nodes = new ArrayList<>();
  private final AutoCloseable cleanupHandle = this::shutdown;
  private boolean closed;

  private TestingRedisServer(Path root, boolean cluster, boolean isShared) {
    this.root = root;
    this.cluster = cluster;
    this.isShared = isShared;
  }

  /** Starts a standalone server on a free port. */
  public static TestingRedisServer start() {
    return create(1, false, false);
  }

  /**
   * Starts a Redis Cluster of {@code masters} nodes with the 16384 slots split evenly between them,
   * and returns once every node reports {@code cluster_state:ok}.
   */
  public static TestingRedisServer startCluster(int masters) {
    if (masters < 1) {
      throw new IllegalArgumentException("a cluster needs at least one master, got " + masters);
    }
    return create(masters, true, false);
  }

  /**
   * One standalone server per JVM, started on first use and stopped when the JVM exits; {@link
   * #close()} on it does nothing. Tests sharing it use their own key prefixes and must not stop it.
   */
  public static synchronized TestingRedisServer shared() {
    if (shared == null) {
      shared = create(1, false, true);
    }
    return shared;
  }

  public String host() {
    return RedisNode.HOST;
  }

  /** The port of the (first) node. */
  public synchronized int port() {
    return nodes.get(0).port();
  }

  /** "127.0.0.1:port" of every node, in a fixed order. */
  public synchronized List<String> nodes() {
    return nodes.stream().map(RedisNode::address).toList();
  }

  /** The nodes as Feast writes {@code connection_string}: "127.0.0.1:p1,127.0.0.1:p2,...". */
  public String connectionString() {
    return String.join(",", nodes());
  }

  public boolean isCluster() {
    return cluster;
  }

  public synchronized boolean isRunning() {
    return nodes.stream().allMatch(RedisNode::isRunning);
  }

  /**
   * Sends one command and returns its reply (see {@link RespClient}); in a cluster, starts at the
   * first node and follows MOVED and ASK redirects, so any single-slot command reaches its owner.
   */
  public Object command(String... args) {
    String target = nodes().get(0);
    boolean asking = false;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      try {
        return callAt(target, asking, args);
      } catch (RespErrorException e) {
        if (e.redirectTarget().isEmpty()) {
          throw e;
        }
        target = e.redirectTarget().get();
        asking = e.isAsk();
      }
    }
    throw new IllegalStateException("more than " + MAX_REDIRECTS + " redirects for " + args[0]);
  }

  /** The folder holding data, logs and sockets; removed on close. For the harness's own tests. */
  Path directory() {
    return root;
  }

  /** Removes every key on every node. */
  public synchronized void flushAll() {
    nodes.forEach(node -> node.call("FLUSHALL"));
  }

  /** Stops every node; data is lost (no persistence), a cluster's layout is kept in nodes.conf. */
  public synchronized void stop() {
    nodes.forEach(RedisNode::stop);
  }

  /**
   * Stops every node and starts it again on the same port; a cluster comes back with the same nodes
   * and slots, and this returns once it is healthy again. Keys are gone either way.
   */
  public synchronized void restart() {
    if (closed) {
      throw new IllegalStateException("server is closed");
    }
    stop();
    nodes.forEach(RedisNode::start);
    if (cluster) {
      RedisClusterSetup.awaitHealthy(nodes);
    }
  }

  /**
   * Stops the server(s) and removes their folders; idempotent. Does nothing on {@link #shared()}.
   */
  @Override
  public void close() {
    if (!isShared) {
      shutdown();
    }
  }

  private static TestingRedisServer create(int nodeCount, boolean cluster, boolean isShared) {
    Path redisServer = Executables.require("redis-server", Executables.REDIS_HINT);
    TestingRedisServer server =
        new TestingRedisServer(TempDirs.createRoot("redis"), cluster, isShared);
    Cleanup.register(server.cleanupHandle);
    try {
      synchronized (server) {
        for (int i = 0; i < nodeCount; i++) {
          server.nodes.add(
              RedisNode.startOnFreePort(redisServer, server.root.resolve("node-" + i), cluster));
        }
        if (cluster) {
          RedisClusterSetup.create(server.nodes);
        }
      }
      return server;
    } catch (RuntimeException e) {
      server.shutdown();
      throw e;
    }
  }

  private static Object callAt(String address, boolean asking, String... args) {
    int colon = address.lastIndexOf(':');
    try (RespClient client =
        RespClient.connect(
            address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)))) {
      if (asking) {
        client.call("ASKING");
      }
      return client.call(args);
    }
  }

  private void shutdown() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      stop();
    }
    TempDirs.deleteRecursively(root);
    Cleanup.unregister(cleanupHandle);
  }
}
