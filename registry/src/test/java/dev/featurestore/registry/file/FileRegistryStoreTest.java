package dev.featurestore.registry.file;

import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.testing.AbstractRegistryStoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileRegistryStoreTest extends AbstractRegistryStoreContractTest {

  @TempDir Path repo;

  @Override
  protected RegistryStore createStore() {
    return new FileRegistryStore(repo.resolve("data/registry.db"), false);
  }

  @Override
  protected RegistryStore reopenStore() {
    return createStore();
  }
}
