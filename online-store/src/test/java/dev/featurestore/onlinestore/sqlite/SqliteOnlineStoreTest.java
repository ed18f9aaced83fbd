package dev.featurestore.onlinestore.sqlite;

import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.testing.AbstractOnlineStoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The online-store contract on a fresh SQLite file per test. */
class SqliteOnlineStoreTest extends AbstractOnlineStoreContractTest {

  @TempDir Path folder;

  @Override
  protected OnlineStore createStore() {
    // A folder that does not exist yet: the store creates it.
    return new SqliteOnlineStore(folder.resolve("data/online.db"), 3);
  }

  @Override
  protected boolean dedupsOlderWrites() {
    return false;
  }

  @Override
  protected boolean keepsSubsecondEventTimes() {
    return false;
  }
}
