package dev.featurestore.adminui;

import dev.featurestore.adminui.security.ConsoleRole;
import dev.featurestore.adminui.security.ConsoleUser;
import dev.featurestore.core.registry.RegistryStore;
import java.nio.file.Path;
import java.util.List;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** A console on a free port over {@link TestingConsoleRegistry}, with a viewer and an operator. */
final class TestingConsole implements AutoCloseable {

  static final String VIEWER = "vera";
  static final String VIEWER_PASSWORD = "viewer-secret";
  static final String OPERATOR = "otto";
  static final String OPERATOR_PASSWORD = "operator-secret";

  final RegistryStore store;
  final AdminConsole console;

  TestingConsole(Path dir) {
    this(dir, ConsoleBackends.notConnected());
  }

  /** A console with {@code backends} plugged in (fakes of the console's own interfaces). */
  TestingConsole(Path dir, ConsoleBackends backends) {
    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    this.store = TestingConsoleRegistry.create(dir);
    AdminConsoleConfig config = AdminConsoleConfig.defaults()
        .withPort(0)
        .withUsers(List.of(
            new ConsoleUser(VIEWER, "{bcrypt}" + bcrypt.encode(VIEWER_PASSWORD), ConsoleRole.VIEWER),
            new ConsoleUser(OPERATOR, bcrypt.encode(OPERATOR_PASSWORD), ConsoleRole.OPERATOR)));
    this.console = AdminConsole.start(config, store, TestingConsoleRegistry.PROJECT, backends, java.time.Clock.systemUTC());
  }

  /** A fresh folder under target/ for the registry database. */
  static Path newDirectory() {
    try {
      Path target = Path.of("target", "console-tests");
      java.nio.file.Files.createDirectories(target);
      return java.nio.file.Files.createTempDirectory(target.toAbsolutePath(), "registry-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  int port() {
    return console.port();
  }

  ConsoleSession viewer() {
    ConsoleSession session = new ConsoleSession(port());
    session.login(VIEWER, VIEWER_PASSWORD);
    return session;
  }

  ConsoleSession operator() {
    ConsoleSession session = new ConsoleSession(port());
    session.login(OPERATOR, OPERATOR_PASSWORD);
    return session;
  }

  @Override
  public void close() {
    console.close();
    store.close();
  }
}
