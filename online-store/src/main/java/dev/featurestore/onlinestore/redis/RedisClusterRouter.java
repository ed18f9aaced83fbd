package dev.featurestore.onlinestore.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisRedirectionException;
import redis.clients.jedis.providers.ClusterConnectionProvider;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * A Redis Cluster: operations are grouped by the master owning their key's slot and each group is
 * sent as one pipeline, all groups in parallel (the caller's thread takes one), so a batch costs
 * one round trip whatever the number of masters. A MOVED or ASK reply (resharding, failover)
 * refreshes the slot map and the batch is sent once more; every command we send is idempotent.
 */
final class RedisClusterRouter implements RedisRouter {
  private final LazyResource<ClusterConnectionProvider> provider;
  private final ExecutorService executor;
  private final RedisErrors errors;
  private final String seeds;
  private final AtomicBoolean refreshing = new AtomicBoolean();

  RedisClusterRouter(
      LazyResource<ClusterConnectionProvider> provider,
      ExecutorService executor,
      RedisErrors errors,
      String seeds) {
    this.provider = provider;
    this.executor = executor;
    this.errors = errors;
    this.seeds = seeds;
  }

  @Override
  public List<Object> execute(List<RedisOp> ops) {
    if (ops.isEmpty()) {
      return List.of();
    }
    ClusterConnectionProvider cluster = cluster();
    try {
      return executeOnce(cluster, ops);
    } catch (JedisRedirectionException e) {
      renewQuietly(cluster);
      try {
        return executeOnce(cluster, ops);
      } catch (JedisRedirectionException again) {
        throw errors.unavailable(seeds, again);
      }
    }
  }

  @Override
  public void forEachMaster(BiConsumer<String, Connection> action) {
    for (Map.Entry<String, ConnectionPool> master : cluster().getPrimaryNodes().entrySet()) {
      try (Connection connection = master.getValue().getResource()) {
        action.accept(master.getKey(), connection);
      } catch (JedisException e) {
        throw errors.unavailable(master.getKey(), e);
      }
    }
  }

  @Override
  public boolean ping() {
    try {
      Map<String, ConnectionPool> masters = cluster().getPrimaryNodes();
      if (masters.isEmpty()) {
        return false;
      }
      for (ConnectionPool pool : masters.values()) {
        try (Connection connection = pool.getResource()) {
          if (!connection.ping()) {
            return false;
          }
        }
      }
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    provider.close();
  }

  private ClusterConnectionProvider cluster() {
    try {
      return provider.get();
    } catch (JedisException e) {
      throw errors.unavailable(seeds, e);
    }
  }

  private List<Object> executeOnce(ClusterConnectionProvider cluster, List<RedisOp> ops) {
    Map<HostAndPort, List<Integer>> byNode = groupByNode(cluster, ops);
    Object[] replies = new Object[ops.size()];
    List<Map.Entry<HostAndPort, List<Integer>>> groups = new ArrayList<>(byNode.entrySet());
    List<Future<?>> others = new ArrayList<>(groups.size());
    for (Map.Entry<HostAndPort, List<Integer>> group : groups.subList(1, groups.size())) {
      others.add(
          executor.submit(() -> send(cluster, group.getKey(), group.getValue(), ops, replies)));
    }
    RuntimeException failure = null;
    try {
      send(cluster, groups.get(0).getKey(), groups.get(0).getValue(), ops, replies);
    } catch (RuntimeException e) {
      failure = e;
    }
    for (Future<?> other : others) {
      try {
        other.get();
      } catch (ExecutionException e) {
        if (failure == null) {
          failure =
              e.getCause() instanceof RuntimeException r ? r : new JedisException(e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        others.forEach(f -> f.cancel(true));
        throw errors.unavailable(seeds, new JedisException("interrupted", e));
      }
    }
    if (failure != null) {
      throw failure;
    }
    return java.util.Arrays.asList(replies);
  }

  private Map<HostAndPort, List<Integer>> groupByNode(
      ClusterConnectionProvider cluster, List<RedisOp> ops) {
    Map<HostAndPort, List<Integer>> byNode = new LinkedHashMap<>();
    for (int i = 0; i < ops.size(); i++) {
      int slot = JedisClusterCRC16.getSlot(ops.get(i).key());
      HostAndPort node = cluster.getNode(slot);
      if (node == null) {
        renewQuietly(cluster);
        node = cluster.getNode(slot);
        if (node == null) {
          throw errors.unavailable(seeds, new JedisException("no master serves slot " + slot));
        }
      }
      byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(i);
    }
    return byNode;
  }

  /** Sends one node's share; throws redirections as they are, other failures wrapped. */
  private void send(
      ClusterConnectionProvider cluster,
      HostAndPort node,
      List<Integer> indexes,
      List<RedisOp> ops,
      Object[] replies) {
    try (Connection connection = cluster.getConnection(node)) {
      Pipeline pipeline = new Pipeline(connection);
      List<Response<?>> responses = new ArrayList<>(indexes.size());
      indexes.forEach(i -> responses.add(ops.get(i).command().apply(pipeline)));
      pipeline.sync();
      for (int j = 0; j < indexes.size(); j++) {
        replies[indexes.get(j)] = responses.get(j).get();
      }
    } catch (JedisRedirectionException e) {
      throw e;
    } catch (JedisConnectionException e) {
      RedisSingleNodeRouter.clearIdle(cluster);
      refreshInBackground(cluster);
      throw errors.unavailable(node.toString(), e);
    } catch (JedisException e) {
      throw errors.unavailable(node.toString(), e);
    }
  }

  /** After a node failure the slots may have moved (failover); look again, off the request. */
  private void refreshInBackground(ClusterConnectionProvider cluster) {
    if (refreshing.compareAndSet(false, true)) {
      try {
        executor.execute(
            () -> {
              try {
                renewQuietly(cluster);
              } finally {
                refreshing.set(false);
              }
            });
      } catch (RuntimeException e) {
        refreshing.set(false);
      }
    }
  }

  private static void renewQuietly(ClusterConnectionProvider cluster) {
    try {
      cluster.renewSlotCache();
    } catch (RuntimeException e) {
      // The next batch fails with the real cause if the cluster is still unreachable.
    }
  }
}
