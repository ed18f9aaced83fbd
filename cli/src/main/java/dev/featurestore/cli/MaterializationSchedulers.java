package dev.featurestore.cli;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.materializer.ConnectionFactory;
import dev.featurestore.materializer.InMemoryMaterializationRunStore;
import dev.featurestore.materializer.JdbcMaterializationRunStore;
import dev.featurestore.materializer.JobStoreDatabase;
import dev.featurestore.materializer.JobStoreKind;
import dev.featurestore.materializer.MaterializationRunStore;
import dev.featurestore.materializer.MaterializationScheduler;
import dev.featurestore.materializer.MaterializerConfig;
import dev.featurestore.materializer.SchedulerListener;
import dev.featurestore.registry.sql.SqlAlchemyUrl;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import org.jooq.SQLDialect;

/**
 * Wires a {@link MaterializationScheduler} from feature_store.yaml: the stores of a {@link
 * MaterializationSession}, the job history in the SQL registry's database (in memory for the file
 * registry) and, for {@code job_store: jdbc}, the PostgreSQL database of {@code job_store_url} or
 * else of the registry. The materializer module cannot see the registry module, so URLs are turned
 * into JDBC here.
 */
final class MaterializationSchedulers {
  private static final String SQL_REGISTRY = "sql";

  private MaterializationSchedulers() {}

  /** A scheduler, not yet started, over the session's stores; the caller stops it before closing the session. */
  static MaterializationScheduler create(
      MaterializationSession session,
      MaterializerConfig config,
      MeterRegistry meters,
      SchedulerListener listener) {
    RepoConfig repo = session.config();
    return new MaterializationScheduler(
        repo.project(),
        config,
        session.backEnds(),
        runStore(repo, config),
        jobStoreDatabase(repo, config),
        meters,
        Clock.systemUTC(),
        listener);
  }

  /** Where history goes: {@code fs_materialization_runs} of an SQL registry, else this process's memory. */
  static MaterializationRunStore runStore(RepoConfig repo, MaterializerConfig config) {
    if (!config.history() || !repo.registry().registryType().equals(SQL_REGISTRY)) {
      return new InMemoryMaterializationRunStore();
    }
    SqlAlchemyUrl url = SqlAlchemyUrl.parse(repo.registry().path(), repo.repoPath());
    return new JdbcMaterializationRunStore(connections(url));
  }

  static boolean historyPersisted(RepoConfig repo, MaterializerConfig config) {
    return config.history() && repo.registry().registryType().equals(SQL_REGISTRY);
  }

  static Optional<JobStoreDatabase> jobStoreDatabase(RepoConfig repo, MaterializerConfig config) {
    if (config.jobStore() != JobStoreKind.JDBC) {
      return Optional.empty();
    }
    String setting = "materializer.job_store_url";
    String raw;
    if (config.jobStoreUrl().isPresent()) {
      raw = config.jobStoreUrl().get();
    } else if (repo.registry().registryType().equals(SQL_REGISTRY)) {
      raw = repo.registry().path();
      setting = "registry.path";
    } else {
      throw notPostgres("materializer.job_store: jdbc needs materializer.job_store_url when the"
          + " registry is not an SQL registry on PostgreSQL");
    }
    if (raw.startsWith("jdbc:postgresql:")) {
      return Optional.of(new JobStoreDatabase(raw, Optional.empty(), Optional.empty(), raw));
    }
    SqlAlchemyUrl url = SqlAlchemyUrl.parse(raw, repo.repoPath());
    if (url.dialect() != SQLDialect.POSTGRES) {
      throw notPostgres("materializer.job_store: jdbc runs on PostgreSQL only, but " + setting + " is "
          + url.displayUrl() + "; set materializer.job_store_url to a postgresql:// URL");
    }
    return Optional.of(new JobStoreDatabase(url.jdbcUrl(), url.user(), url.password(), url.displayUrl()));
  }

  /** One connection per call: a run writes two rows, so a pool would buy little. */
  private static ConnectionFactory connections(SqlAlchemyUrl url) {
    Properties properties = new Properties();
    url.user().ifPresent(user -> properties.setProperty("user", user));
    url.password().ifPresent(password -> properties.setProperty("password", password));
    if (url.dialect() == SQLDialect.SQLITE) {
      // The registry and the online store write the same kind of file meanwhile: wait, don't fail.
      properties.setProperty("busy_timeout", "10000");
    }
    return () -> DriverManager.getConnection(url.jdbcUrl(), properties);
  }

  private static FeatureStoreException notPostgres(String message) {
    return new FeatureStoreException(ErrorCode.INVALID_CONFIG, "feature_store.yaml: " + message);
  }
}
