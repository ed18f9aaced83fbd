package dev.featurestore.materializer;

import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.core.online.ViewRead;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A fake of our own SPI that counts the rows written. */
final class InMemoryOnlineStore implements OnlineStore {
  final AtomicLong rowsWritten = new AtomicLong();

  @Override
  public List<List<OnlineRow>> read(String project, List<ViewRead> reads) {
    throw new UnsupportedOperationException("the scheduler never reads");
  }

  @Override
  public void write(String project, String view, List<OnlineWriteRow> rows) {
    rowsWritten.addAndGet(rows.size());
  }

  @Override
  public void deleteViews(String project, List<String> views) {}

  @Override
  public boolean isHealthy() {
    return true;
  }

  @Override
  public void close() {}

  @Override
  public void overwrite(String project, String view, List<OnlineWriteRow> rows) {
    write(project, view, rows);
  }

  @Override
  public void deleteEntities(
      String project,
      String view,
      List<String> features,
      List<feast.proto.types.EntityKeyProto.EntityKey> keys) {
    throw new UnsupportedOperationException("not used by these tests");
  }
}
