package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Debezium brings Kafka Connect, whose REST server needs Jetty. With Jetty's ServletHolder on the
 * class path Spring Boot would serve the REST API and the console with Jetty instead of Reactor
 * Netty; materializer/pom.xml excludes it, and this keeps it excluded.
 */
class StreamingClasspathTest {
  @Test
  void jettyServletsAreNotOnTheClassPath() {
    assertThatThrownBy(() -> Class.forName("org.eclipse.jetty.ee10.servlet.ServletHolder"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("org.glassfish.jersey.servlet.ServletContainer"))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
