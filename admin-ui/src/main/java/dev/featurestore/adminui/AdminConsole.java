package dev.featurestore.adminui;

import static java.util.Objects.requireNonNull;

import dev.featurestore.adminui.security.ConsoleUser;
import dev.featurestore.adminui.security.ConsoleUsers;
import dev.featurestore.adminui.security.DevelopmentUser;
import dev.featurestore.adminui.web.ConsoleRegistry;
import dev.featurestore.adminui.web.ConsoleSettings;
import dev.featurestore.adminui.web.Formats;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.registry.cache.CachedRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A running admin console: a small WebFlux server rendering the registry, lineage, freshness, jobs,
 * streams and lookup pages of one project, behind a form login. {@link #start} returns once the
 * port is bound; {@link #close} stops the server and the registry refresh, not the store.
 */
public final class AdminConsole implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AdminConsole.class);
  private static final String RESOURCES = "classpath:/dev/featurestore/adminui/";

  private final ConfigurableApplicationContext context;
  private final ConsoleRegistry registry;
  private final int port;
  private final Optional<DevelopmentUser> developmentUser;

  private AdminConsole(
      ConfigurableApplicationContext context, ConsoleRegistry registry, Optional<DevelopmentUser> developmentUser) {
    this.context = context;
    this.registry = registry;
    this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.developmentUser = developmentUser;
  }

  /** Starts a console with nothing but the registry connected. */
  public static AdminConsole start(AdminConsoleConfig config, RegistryStore store, String project) {
    return start(config, store, project, ConsoleBackends.notConnected(), Clock.systemUTC());
  }

  /**
   * Starts a console for {@code project}. Reads the registry once before binding (failing if it
   * cannot be read) and then every {@link AdminConsoleConfig#registryRefresh()}. When {@code
   * config} has no users, generates the {@link DevelopmentUser} and prints its password once on
   * standard error.
   */
  public static AdminConsole start(
      AdminConsoleConfig config, RegistryStore store, String project, ConsoleBackends backends, Clock clock) {
    requireNonNull(config, "config is null");
    requireNonNull(store, "store is null");
    requireNonNull(project, "project is null");
    requireNonNull(backends, "backends is null");
    requireNonNull(clock, "clock is null");
    Optional<DevelopmentUser> developmentUser =
        config.users().isEmpty() ? Optional.of(DevelopmentUser.generate()) : Optional.empty();
    List<ConsoleUser> users = developmentUser.map(d -> List.of(d.user())).orElse(config.users());
    CachedRegistry cache = new CachedRegistry(store, project, config.registryRefresh());
    ConsoleRegistry registry = new ConsoleRegistry(store, cache, config.registryRefresh());
    ConsoleSettings settings = new ConsoleSettings(config.freshnessWarning(), clock);
    try {
      ConfigurableApplicationContext context =
          new SpringApplicationBuilder(ConsoleApplication.class)
              .web(WebApplicationType.REACTIVE)
              .bannerMode(Banner.Mode.OFF)
              .logStartupInfo(false)
              .registerShutdownHook(false)
              .properties(properties(config))
              .initializers(
                  ctx -> {
                    var beans = ctx.getBeanFactory();
                    beans.registerSingleton("consoleRegistry", registry);
                    beans.registerSingleton("consoleUsers", new ConsoleUsers(users));
                    beans.registerSingleton("consoleSettings", settings);
                    beans.registerSingleton("jobsBackend", backends.jobs());
                    beans.registerSingleton("lookupBackend", backends.lookup());
                    beans.registerSingleton("metricsSource", backends.metrics());
                    beans.registerSingleton("streamsBackend", backends.streams());
                    beans.registerSingleton("alertThresholds", config.alerts());
                    beans.registerSingleton("consoleBackends", backends);
                    beans.registerSingleton("fmt", new Formats());
                  })
              .run();
      AdminConsole console = new AdminConsole(context, registry, developmentUser);
      log.info("admin console for project {} listening on port {}", project, console.port());
      developmentUser.ifPresent(AdminConsole::announce);
      return console;
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
  }

  public int port() {
    return port;
  }

  /** The generated user, when the configuration named none (tests sign in with it). */
  public Optional<DevelopmentUser> developmentUser() {
    return developmentUser;
  }

  @Override
  public void close() {
    try {
      context.close();
    } finally {
      registry.close();
    }
  }

  private static Map<String, Object> properties(AdminConsoleConfig config) {
    Map<String, Object> properties = new LinkedHashMap<>();
    // A name of our own, so application.properties of other modules in the same jar is not read.
    properties.put("spring.config.name", "featurestore-admin-console");
    properties.put("spring.jmx.enabled", "false");
    properties.put("server.port", config.port());
    properties.put("server.address", config.host());
    properties.put("server.shutdown", "immediate");
    properties.put("server.reactive.session.timeout", Duration.ofHours(8).toString());
    properties.put("server.reactive.session.cookie.same-site", "strict");
    properties.put("server.error.include-stacktrace", "never");
    properties.put("spring.thymeleaf.prefix", RESOURCES + "templates/");
    properties.put("spring.thymeleaf.cache", "true");
    properties.put("spring.web.resources.static-locations", RESOURCES + "static/");
    properties.put("spring.webflux.static-path-pattern", "/static/**");
    return properties;
  }

  private static void announce(DevelopmentUser user) {
    log.warn("no console users configured in feature_store.yaml (server.console.users): generated a"
        + " development user '{}' with operator rights; its password is printed once on stderr", DevelopmentUser.NAME);
    System.err.printf(
        "%n  Admin console development login: %s / %s%n  (configure server.console.users in"
            + " feature_store.yaml to replace it)%n%n",
        DevelopmentUser.NAME, user.password());
  }
}
