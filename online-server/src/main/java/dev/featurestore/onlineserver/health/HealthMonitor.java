package dev.featurestore.onlineserver.health;

import static java.util.Objects.requireNonNull;

import dev.featurestore.onlineserver.serving.OnlineStoreGateway;
import dev.featurestore.onlineserver.serving.RegistrySnapshotSource;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Decides whether the server is healthy (a registry snapshot is loaded and the online store
 * answers) and keeps gRPC's {@code grpc.health.v1} status in step, checking every second on a
 * daemon thread. Nothing is latched: the status follows the latest check, so recovery is
 * automatic.
 */
public final class HealthMonitor implements AutoCloseable {
  private final RegistrySnapshotSource registry;
  private final OnlineStoreGateway store;
  private final HealthStatusManager grpcHealth;
  private final ScheduledExecutorService scheduler;
  private volatile boolean lastHealthy = true;

  public HealthMonitor(RegistrySnapshotSource registry, OnlineStoreGateway store, HealthStatusManager grpcHealth) {
    this.registry = requireNonNull(registry, "registry is null");
    this.store = requireNonNull(store, "store is null");
    this.grpcHealth = requireNonNull(grpcHealth, "grpcHealth is null");
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "health-monitor");
      thread.setDaemon(true);
      return thread;
    });
  }

  public void start() {
    update();
    scheduler.scheduleWithFixedDelay(this::update, 1, 1, TimeUnit.SECONDS);
  }

  /** Checks now (blocking for the store's PING). */
  public HealthReport check() {
    List<String> problems = new ArrayList<>();
    boolean registryLoaded;
    try {
      registryLoaded = registry.current() != null;
    } catch (RuntimeException e) {
      registryLoaded = false;
    }
    if (!registryLoaded) {
      problems.add("registry: no snapshot loaded");
    }
    boolean storeHealthy = store.healthy();
    if (!storeHealthy) {
      problems.add("online_store: unavailable");
    }
    HealthReport report = new HealthReport(registryLoaded, storeHealthy, problems);
    publish(report.healthy());
    return report;
  }

  /** The outcome of the latest check, without checking. */
  public boolean lastHealthy() {
    return lastHealthy;
  }

  private void update() {
    try {
      check();
    } catch (RuntimeException e) {
      publish(false);
    }
  }

  private void publish(boolean healthy) {
    lastHealthy = healthy;
    ServingStatus status = healthy ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
    grpcHealth.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status);
    grpcHealth.setStatus("feast.serving.ServingService", status);
    grpcHealth.setStatus("featurestore.api.v1.UserFeaturesService", status);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
