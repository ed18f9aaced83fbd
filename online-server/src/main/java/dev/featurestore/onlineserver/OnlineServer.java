package dev.featurestore.onlineserver;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.onlineserver.auth.AuthGate;
import dev.featurestore.onlineserver.auth.AuthServerInterceptor;
import dev.featurestore.onlineserver.auth.AuthWebFilter;
import dev.featurestore.onlineserver.grpc.GrpcCalls;
import dev.featurestore.onlineserver.grpc.GrpcServerFactory;
import dev.featurestore.onlineserver.grpc.ServingServiceEndpoint;
import dev.featurestore.onlineserver.grpc.UserFeaturesEndpoint;
import dev.featurestore.onlineserver.health.HealthMonitor;
import dev.featurestore.onlineserver.health.HealthReport;
import dev.featurestore.onlineserver.metrics.ServingMetrics;
import dev.featurestore.onlineserver.rest.FeatureServerHandler;
import dev.featurestore.onlineserver.rest.MaterializeHandler;
import dev.featurestore.onlineserver.rest.OperationsHandler;
import dev.featurestore.onlineserver.rest.ProductApiHandler;
import dev.featurestore.onlineserver.rest.RequestMetricsFilter;
import dev.featurestore.onlineserver.rest.RestErrorHandler;
import dev.featurestore.onlineserver.rest.RestRoutes;
import dev.featurestore.onlineserver.serving.MaterializationService;
import dev.featurestore.onlineserver.serving.Materializer;
import dev.featurestore.onlineserver.serving.MissHandler;
import dev.featurestore.onlineserver.serving.MissHandlers;
import dev.featurestore.onlineserver.serving.OnlineFeatureService;
import dev.featurestore.onlineserver.serving.OnlineStoreGateway;
import dev.featurestore.onlineserver.serving.OnlineWriteService;
import dev.featurestore.onlineserver.serving.ProductFeatureService;
import dev.featurestore.onlineserver.serving.RegistrySnapshotSource;
import io.grpc.Server;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The running online server: REST (WebFlux on Netty) and gRPC (grpc-netty-shaded) in one process,
 * sharing one {@link OnlineFeatureService}. Started programmatically (the CLI's {@code featurestore
 * serve}); {@link #close} stops both servers and the server's own pools but leaves the registry
 * and the online store to their owner.
 */
public final class OnlineServer implements AutoCloseable {
  private final Server grpc;
  private final ConfigurableApplicationContext rest;
  private final int restPort;
  private final HealthMonitor health;
  private final OnlineStoreGateway gateway;
  private final ThreadPoolExecutor grpcExecutor;
  private final Scheduler worker;
  private final PrometheusMeterRegistry prometheus;
  private final MaterializationService materialization;
  private final MissHandler misses;
  private final OnlineFeatureService service;
  private volatile boolean closed;

  private OnlineServer(Server grpc, ConfigurableApplicationContext rest, HealthMonitor health,
      OnlineStoreGateway gateway, ThreadPoolExecutor grpcExecutor, Scheduler worker, PrometheusMeterRegistry prometheus,
      MaterializationService materialization, MissHandler misses, OnlineFeatureService service) {
    this.misses = misses;
    this.service = service;
    this.grpc = grpc;
    this.rest = rest;
    this.restPort = ((ReactiveWebServerApplicationContext) rest).getWebServer().getPort();
    this.health = health;
    this.gateway = gateway;
    this.grpcExecutor = grpcExecutor;
    this.worker = worker;
    this.prometheus = prometheus;
    this.materialization = materialization;
  }

  public static OnlineServer start(OnlineServerConfig config, RegistrySnapshotSource registry, OnlineStore store) {
    return start(config, registry, store, Clock.systemUTC());
  }

  /** Starts both servers; fails (with everything started so far stopped) if a port is taken. */
  public static OnlineServer start(OnlineServerConfig config, RegistrySnapshotSource registry, OnlineStore store,
      Clock clock) {
    return start(config, registry, store, clock, Optional.empty());
  }

  /**
   * As {@link #start(OnlineServerConfig, RegistrySnapshotSource, OnlineStore, Clock)}, with Feast's
   * {@code POST /materialize} and {@code /materialize-incremental} run by {@code materializer};
   * without one those endpoints answer 503.
   */
  public static OnlineServer start(OnlineServerConfig config, RegistrySnapshotSource registry, OnlineStore store,
      Clock clock, Optional<Materializer> materializer) {
    return start(config, registry, store, clock, materializer, null);
  }

  /**
   * As {@link #start(OnlineServerConfig, RegistrySnapshotSource, OnlineStore, Clock)}, with the
   * offline store that {@code server.miss_policy} loads missed entities from; without a policy it
   * is not used. The caller still owns and closes it.
   */
  public static OnlineServer start(OnlineServerConfig config, RegistrySnapshotSource registry, OnlineStore store,
      OfflineStore offline, Clock clock) {
    return start(config, registry, store, clock, Optional.empty(), offline);
  }

  /**
   * Every option at once.
   *
   * @param offline where missed entities are loaded from; required unless the miss policy is none
   */
  public static OnlineServer start(OnlineServerConfig config, RegistrySnapshotSource registry, OnlineStore store,
      Clock clock, Optional<Materializer> materializer, OfflineStore offline) {
    requireNonNull(config, "config is null");
    requireNonNull(materializer, "materializer is null");
    if (config.missPolicy().enabled() && offline == null) {
      throw new FeatureStoreException(ErrorCode.INVALID_CONFIG, "server.miss_policy type "
          + config.missPolicy().type().name().toLowerCase(java.util.Locale.ROOT) + " needs an offline store");
    }
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ServingMetrics metrics = new ServingMetrics(prometheus);
    AuthGate auth = AuthGate.create(config.auth(), prometheus);
    OnlineStoreGateway gateway = new OnlineStoreGateway(store, config.deadline(), config.writeDeadline(),
        config.storeThreads(), metrics);
    metrics.bindGauges(registry::age, gateway::healthy);
    MissHandler misses = missHandler(config.missPolicy(), offline, gateway, clock, metrics);
    OnlineFeatureService service =
        new OnlineFeatureService(registry, gateway, clock, config.maxEntityRows(), metrics, misses);
    ProductFeatureService product = new ProductFeatureService(service, config.defaultFeatureService());
    OnlineWriteService writer = new OnlineWriteService(service, gateway);
    HealthStatusManager grpcHealth = new HealthStatusManager();
    HealthMonitor health = new HealthMonitor(registry, gateway, grpcHealth);
    ThreadPoolExecutor grpcExecutor = boundedPool("grpc-serving", config.grpcThreads());
    Scheduler worker = Schedulers.newBoundedElastic(config.storeThreads(), config.storeThreads() * 64, "rest-serving");
    MaterializationService materialization = new MaterializationService(materializer);
    Server grpc = null;
    ConfigurableApplicationContext rest = null;
    try {
      GrpcCalls calls = new GrpcCalls(metrics);
      grpc = GrpcServerFactory.build(config.host(), config.grpcPort(), grpcExecutor, grpcHealth, List.of(
          new ServingServiceEndpoint(service, calls, version()),
          new UserFeaturesEndpoint(product, calls)),
          auth.enabled() ? List.of(new AuthServerInterceptor(auth, metrics)) : List.of()).start();
      rest = startRest(config, metrics, prometheus, auth, new FeatureServerHandler(service, writer, worker),
          new ProductApiHandler(product, worker), new OperationsHandler(health, prometheus, worker),
          new MaterializeHandler(materialization, clock, worker));
      health.start();
      return new OnlineServer(grpc, rest, health, gateway, grpcExecutor, worker, prometheus, materialization, misses,
          service);
    } catch (IOException | RuntimeException e) {
      if (grpc != null) {
        grpc.shutdownNow();
      }
      if (rest != null) {
        rest.close();
      }
      health.close();
      if (misses != null) {
        misses.close();
      }
      gateway.close();
      grpcExecutor.shutdownNow();
      worker.dispose();
      materialization.close();
      throw new FeatureStoreException(ErrorCode.INVALID_CONFIG, "online server could not start: " + e.getMessage(), e);
    }
  }

  /** {@code null} under the default policy, so requests do no miss work at all. */
  private static MissHandler missHandler(MissPolicyConfig policy, OfflineStore offline, OnlineStoreGateway gateway,
      Clock clock, ServingMetrics metrics) {
    return switch (policy.type()) {
      case NONE -> null;
      case BACKFILL -> MissHandlers.backfill(offline, gateway, clock, policy.window(), policy.maxPending(), metrics);
      case READ_THROUGH -> MissHandlers.readThrough(offline, gateway, clock, policy.window(), policy.deadline(),
          policy.maxPending(), metrics);
    };
  }

  private static ConfigurableApplicationContext startRest(OnlineServerConfig config, ServingMetrics metrics,
      PrometheusMeterRegistry prometheus, AuthGate auth, FeatureServerHandler feast, ProductApiHandler product,
      OperationsHandler operations, MaterializeHandler materialize) {
    return new SpringApplicationBuilder(OnlineServerApplication.class)
        .web(WebApplicationType.REACTIVE)
        .bannerMode(org.springframework.boot.Banner.Mode.OFF)
        .logStartupInfo(false)
        .registerShutdownHook(false)
        .properties(Map.of(
            "server.port", config.restPort(),
            "server.address", config.host(),
            "spring.main.allow-bean-definition-overriding", "false"))
        .initializers(context -> {
          var beans = context.getBeanFactory();
          beans.registerSingleton("featureStoreRoutes", RestRoutes.routes(feast, product, operations, materialize));
          beans.registerSingleton("featureStoreErrorHandler", new RestErrorHandler());
          beans.registerSingleton("featureStoreMetricsFilter", new RequestMetricsFilter(metrics));
          if (auth.enabled()) {
            // Registered after the metrics filter (both unordered, so kept in this order): refused
            // requests are timed and counted like any other.
            beans.registerSingleton("featureStoreAuthFilter", new AuthWebFilter(auth));
          }
          beans.registerSingleton("prometheusMeterRegistry", prometheus);
        })
        .run();
  }

  private static ThreadPoolExecutor boundedPool(String name, int threads) {
    AtomicInteger counter = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(threads * 64), runnable -> {
          Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  static String version() {
    String version = OnlineServer.class.getPackage().getImplementationVersion();
    return "featurestore " + (version == null ? "0.1.0-SNAPSHOT" : version);
  }

  public int restPort() {
    return restPort;
  }

  public int grpcPort() {
    return grpc.getPort();
  }

  public PrometheusMeterRegistry meterRegistry() {
    return prometheus;
  }

  /**
   * The service both transports call, for in-process readers such as the admin console's lookup
   * page: same registry snapshot, store deadlines and metrics as a request over the wire.
   */
  public OnlineFeatureService featureService() {
    return service;
  }

  /** Checks the registry snapshot and the online store now, as {@code /health} does. */
  public HealthReport health() {
    return health.check();
  }

  /** Blocks until {@link #close} has stopped the gRPC server. */
  public void awaitTermination() throws InterruptedException {
    grpc.awaitTermination();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    health.close();
    grpc.shutdown();
    rest.close();
    try {
      if (!grpc.awaitTermination(5, TimeUnit.SECONDS)) {
        grpc.shutdownNow();
      }
    } catch (InterruptedException e) {
      grpc.shutdownNow();
      Thread.currentThread().interrupt();
    }
    grpcExecutor.shutdownNow();
    worker.dispose();
    materialization.close();
    if (misses != null) {
      misses.close();
    }
    gateway.close();
    prometheus.close();
  }
}
