package dev.featurestore.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void neverHandsOutThePortTwice() {
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      assertThat(ports.add(Ports.freePort())).isTrue();
    }
  }

  @Test
  void clusterPortsLeaveRoomForTheBus() {
    int port = Ports.freeClusterPort();

    assertThat(port + Ports.CLUSTER_BUS_OFFSET).isLessThan(65_536);
    assertThat(Ports.isFree(port)).isTrue();
    assertThat(Ports.isFree(port + Ports.CLUSTER_BUS_OFFSET)).isTrue();
  }

  @Test
  void aListeningPortIsNotFree() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(Ports.isFree(socket.getLocalPort())).isFalse();
    }
  }
}
