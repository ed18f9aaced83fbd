package dev.featurestore.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free TCP ports for servers started by tests.
 *
 * <p>A port is found by letting the kernel pick one and releasing it at once, so another process
 * may still grab it before our server binds; callers that start servers retry on "address in use".
 * Ports handed out by this class are remembered for the life of the JVM and never handed out twice,
 * so two servers started back to back in one JVM cannot collide. Thread-safe.
 */
public final class Ports {
  /** Redis Cluster listens on {@code port + 10000} for its bus; keep both below 65536. */
  public static final int CLUSTER_BUS_OFFSET = 10_000;

  private static final int MAX_ATTEMPTS = 200;
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private Ports() {}

  /** Returns a port that was free on all interfaces a moment ago. */
  public static int freePort() {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      int port = kernelPickedPort();
      if (HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free TCP port found after " + MAX_ATTEMPTS + " attempts");
  }

  /**
   * Returns a port below 55535 such that both it and its Redis Cluster bus port ({@code port +
   * 10000}) were free a moment ago.
   */
  public static int freeClusterPort() {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      int port = kernelPickedPort();
      if (port + CLUSTER_BUS_OFFSET < 65_536
          && isFree(port + CLUSTER_BUS_OFFSET)
          && !HANDED_OUT.contains(port + CLUSTER_BUS_OFFSET)
          && HANDED_OUT.add(port)) {
        HANDED_OUT.add(port + CLUSTER_BUS_OFFSET);
        return port;
      }
    }
    throw new IllegalStateException(
        "no free TCP port pair (port, port+10000) found after " + MAX_ATTEMPTS + " attempts");
  }

  /** Whether nothing listens on {@code port} on any interface right now. */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress((InetAddress) null, port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int kernelPickedPort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress((InetAddress) null, 0), 1);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind an ephemeral port", e);
    }
  }
}
