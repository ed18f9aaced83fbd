package dev.featurestore.materializer;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Builds the Quartz scheduler: a RAM job store, or a clustered JDBC job store ({@code JobStoreTX}
 * with {@code PostgreSQLDelegate}, tables {@code fs_qrtz_*}, connections pooled by Quartz's
 * HikariCP provider).
 *
 * <p>Every instance of a cluster uses the same scheduler name, which is how Quartz knows they share
 * one schedule; each has its own instance id (host, process and a random suffix, so several
 * schedulers in one JVM, as in tests, stay distinct). Quartz keeps schedulers in a JVM-wide
 * repository by name and its data sources in a JVM-wide manager by name; we drop the former entry
 * and give each instance its own data source name, so instances in one JVM do not share state.
 */
final class QuartzSchedulers {
  static final String SCHEDULER_NAME = "featurestore-materializer";

  private QuartzSchedulers() {}

  static Scheduler create(
      JobStoreKind kind, Optional<JobStoreDatabase> database, int threads, String instanceId) {
    Properties properties = new Properties();
    properties.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
    properties.setProperty("org.quartz.scheduler.instanceId", instanceId);
    properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    properties.setProperty("org.quartz.scheduler.threadName", "materializer-scheduler-" + instanceId);
    properties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
    properties.setProperty("org.quartz.threadPool.threadNamePrefix", "materializer-" + instanceId);
    if (kind == JobStoreKind.RAM) {
      properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    } else {
      JobStoreDatabase db =
          database.orElseThrow(() -> new IllegalArgumentException("a JDBC job store needs a database"));
      jdbcStore(properties, db, threads, instanceId);
    }
    try {
      StdSchedulerFactory factory = new StdSchedulerFactory(properties);
      Scheduler scheduler = factory.getScheduler();
      SchedulerRepository.getInstance().remove(SCHEDULER_NAME);
      return scheduler;
    } catch (SchedulerException e) {
      throw new FeatureStoreException(
          kind == JobStoreKind.JDBC ? ErrorCode.REGISTRY_UNAVAILABLE : ErrorCode.INTERNAL,
          "cannot create the Quartz scheduler: " + e.getMessage(), e);
    }
  }

  private static void jdbcStore(Properties properties, JobStoreDatabase db, int threads, String instanceId) {
    String dataSource = "featurestore-" + instanceId;
    properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    properties.setProperty(
        "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    properties.setProperty("org.quartz.jobStore.tablePrefix", QuartzTables.PREFIX);
    properties.setProperty("org.quartz.jobStore.isClustered", "true");
    properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
    // Job data are strings only (view name, attempt), stored as text rather than serialized maps.
    properties.setProperty("org.quartz.jobStore.useProperties", "true");
    properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    properties.setProperty("org.quartz.jobStore.dataSource", dataSource);
    String prefix = "org.quartz.dataSource." + dataSource + ".";
    properties.setProperty(prefix + "provider", "hikaricp");
    properties.setProperty(prefix + "driver", "org.postgresql.Driver");
    properties.setProperty(prefix + "URL", db.jdbcUrl());
    db.user().ifPresent(user -> properties.setProperty(prefix + "user", user));
    db.password().ifPresent(password -> properties.setProperty(prefix + "password", password));
    // Workers, the scheduler thread, misfire and cluster managers each hold one at times.
    properties.setProperty(prefix + "maxConnections", Integer.toString(threads + 3));
    properties.setProperty(prefix + "poolName", dataSource);
  }

  /** {@code host-pid-random}: unique per scheduler, readable in the history's instance column. */
  static String newInstanceId() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "localhost";
    }
    return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
