package dev.featurestore.registry.sql;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.core.registry.RegistryStoreFactory;

/**
 * {@code registry_type: sql}: Feast's SQL registry at the SQLAlchemy URL in {@code path} (SQLite or
 * PostgreSQL; relative SQLite paths resolve against the repository folder).
 */
public final class SqlRegistryStoreFactory implements RegistryStoreFactory {

  @Override
  public String type() {
    return "sql";
  }

  @Override
  public RegistryStore create(RepoConfig config) {
    SqlAlchemyUrl url = SqlAlchemyUrl.parse(config.registry().path(), config.repoPath());
    return new JooqRegistryStore(url, config.registry().purgeFeastMetadata());
  }
}
