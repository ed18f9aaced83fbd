package dev.featurestore.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 support: with {@code @ExtendWith(TestingServersExtension.class)}, test constructors,
 * lifecycle methods and test methods may declare {@link TestingPostgresServer} or {@link
 * TestingRedisServer} parameters and receive the JVM's shared instances, started on first use.
 * Tests still isolate themselves (a database per class, a key prefix per test).
 */
public final class TestingServersExtension implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestingPostgresServer.class || type == TestingRedisServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestingPostgresServer.class
        ? TestingPostgresServer.shared()
        : TestingRedisServer.shared();
  }
}
