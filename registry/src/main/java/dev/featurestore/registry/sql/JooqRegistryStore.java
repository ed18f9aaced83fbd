package dev.featurestore.registry.sql;

import static dev.featurestore.registry.sql.RegistryTables.APPLY_HISTORY;
import static dev.featurestore.registry.sql.RegistryTables.FEAST_METADATA;
import static dev.featurestore.registry.sql.RegistryTables.HISTORY_APPLIED_AT;
import static dev.featurestore.registry.sql.RegistryTables.HISTORY_CHANGE_TYPE;
import static dev.featurestore.registry.sql.RegistryTables.HISTORY_ID;
import static dev.featurestore.registry.sql.RegistryTables.HISTORY_OBJECT_KIND;
import static dev.featurestore.registry.sql.RegistryTables.HISTORY_OBJECT_NAME;
import static dev.featurestore.registry.sql.RegistryTables.HISTORY_SUMMARY;
import static dev.featurestore.registry.sql.RegistryTables.KEY_LAST_UPDATED_TIMESTAMP;
import static dev.featurestore.registry.sql.RegistryTables.LAST_UPDATED_TIMESTAMP;
import static dev.featurestore.registry.sql.RegistryTables.METADATA_KEY;
import static dev.featurestore.registry.sql.RegistryTables.PROJECTS;
import static dev.featurestore.registry.sql.RegistryTables.PROJECT_ID;
import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.registry.ApplyHistoryEntry;
import dev.featurestore.core.registry.RegistryChange;
import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.core.registry.RegistryState;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.registry.RegistryProtos;
import dev.featurestore.registry.cache.ChangeToken;
import dev.featurestore.registry.cache.ChangeTokenSource;
import dev.featurestore.registry.sql.RegistryTables.ObjectTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * Feast's SQL registry (sdk/python/feast/infra/registry/sql.py) on SQLite or PostgreSQL, through
 * jOOQ without code generation: one row per object, tables shared with Feast (see {@link
 * RegistryTables}); this project's apply history in {@code fs_apply_history}.
 *
 * <p>Every operation is one transaction: an apply's upserts, deletes, metadata and history rows
 * commit together or not at all. The project's last-updated time is {@code feast_metadata}'s
 * {@code last_updated_timestamp}, at Feast's resolution of one second. Protos stored by Feast
 * without {@code spec.project} are read back with it filled in, as Feast's {@code proto()} does.
 */
public final class JooqRegistryStore implements RegistryStore, ChangeTokenSource {

  private final SqlRegistryDatabase database;
  private final boolean purgeFeastMetadata;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Opens (and creates or upgrades the schema of) the database {@code url} names. */
  public JooqRegistryStore(SqlAlchemyUrl url, boolean purgeFeastMetadata) {
    this.database = new SqlRegistryDatabase(url);
    this.purgeFeastMetadata = purgeFeastMetadata;
  }

  @Override
  public RegistryState read(String project) {
    requireNonNull(project, "project is null");
    return transaction(true, ctx -> {
      List<RegistryObject> objects = new ArrayList<>();
      for (RegistryObjectKind kind : RegistryObjectKind.values()) {
        ObjectTable t = RegistryTables.forKind(kind);
        for (Record2<String, byte[]> row : ctx.select(t.name(), t.proto()).from(t.table())
            .where(PROJECT_ID.eq(project)).orderBy(t.name()).fetch()) {
          String name = kind == RegistryObjectKind.PROJECT ? project : row.value1();
          objects.add(new RegistryObject(kind, name, parse(t, kind, project, name, row.value2())));
        }
      }
      return new RegistryState(project, objects, lastUpdated(ctx, project));
    });
  }

  @Override
  public List<String> projects() {
    return transaction(true, ctx -> {
      Select<org.jooq.Record1<String>> union = ctx.select(PROJECT_ID).from(FEAST_METADATA);
      for (RegistryObjectKind kind : RegistryObjectKind.values()) {
        union = union.union(ctx.select(PROJECT_ID).from(RegistryTables.forKind(kind).table()));
      }
      return List.copyOf(new TreeSet<>(ctx.fetch(union).getValues(PROJECT_ID)));
    });
  }

  @Override
  public void apply(String project, List<RegistryChange> changes, Instant appliedAt) {
    requireNonNull(project, "project is null");
    requireNonNull(appliedAt, "appliedAt is null");
    if (changes.isEmpty()) {
      return;
    }
    transaction(false, ctx -> {
      SqlRegistryWriter writer = new SqlRegistryWriter(ctx, project);
      // A write first, so SQLite takes its write lock at once (waiting on busy_timeout) instead of
      // failing to upgrade a read lock later.
      if (!purgeFeastMetadata) {
        writer.setLastUpdated(appliedAt);
        writer.initProjectUuid(appliedAt);
      }
      for (RegistryChange change : changes) {
        if (change.type() == RegistryChange.Type.DELETE) {
          RegistryProtos.checkDelete(change);
          writer.delete(change.kind(), change.name());
        } else {
          writer.upsert(change.kind(), change.name(), RegistryProtos.checkedProto(project, change), appliedAt);
        }
      }
      writer.touchProject(appliedAt);
      writer.appendHistory(changes.stream()
          .map(c -> new ApplyHistoryEntry(appliedAt, c.type(), c.kind(), c.name(), c.summary()))
          .toList());
      return null;
    });
  }

  @Override
  public void teardown(String project, Instant at) {
    requireNonNull(project, "project is null");
    requireNonNull(at, "at is null");
    transaction(false, ctx -> {
      List<ApplyHistoryEntry> removed = new ArrayList<>();
      for (RegistryObjectKind kind : RegistryObjectKind.values()) {
        ObjectTable t = RegistryTables.forKind(kind);
        for (String name : ctx.select(t.name()).from(t.table()).where(PROJECT_ID.eq(project)).orderBy(t.name()).fetch(t.name())) {
          removed.add(new ApplyHistoryEntry(at, RegistryChange.Type.DELETE, kind, name, "teardown"));
        }
      }
      boolean hasMetadata = ctx.fetchExists(ctx.selectOne().from(FEAST_METADATA).where(PROJECT_ID.eq(project)));
      if (removed.isEmpty() && !hasMetadata) {
        return null;
      }
      SqlRegistryWriter writer = new SqlRegistryWriter(ctx, project);
      writer.deleteProject();
      writer.appendHistory(removed);
      return null;
    });
  }

  @Override
  public void importHistory(String project, List<ApplyHistoryEntry> oldestFirst) {
    requireNonNull(project, "project is null");
    if (oldestFirst.isEmpty()) {
      return;
    }
    transaction(false, ctx -> {
      // Ids order the history, so one insert in the given order keeps it.
      new SqlRegistryWriter(ctx, project).appendHistory(oldestFirst);
      return null;
    });
  }

  @Override
  public List<ApplyHistoryEntry> history(String project, int limit) {
    requireNonNull(project, "project is null");
    return transaction(true, ctx -> ctx
        .select(HISTORY_APPLIED_AT, HISTORY_CHANGE_TYPE, HISTORY_OBJECT_KIND, HISTORY_OBJECT_NAME, HISTORY_SUMMARY)
        .from(APPLY_HISTORY)
        .where(PROJECT_ID.eq(project))
        .orderBy(HISTORY_ID.desc())
        .limit(Math.max(limit, 0))
        .fetch(r -> new ApplyHistoryEntry(
            Instant.ofEpochMilli(r.value1()),
            RegistryChange.Type.valueOf(r.value2()),
            RegistryObjectKind.valueOf(r.value3()),
            r.value4(),
            r.value5())));
  }

  /**
   * {@code feast_metadata}'s last-updated second, the projects row's, and the newest history id:
   * the last changes with every apply of ours, the first two with every apply of Feast's.
   */
  @Override
  public ChangeToken changeToken(String project) {
    return transaction(true, ctx -> {
      Long metadata = ctx.select(LAST_UPDATED_TIMESTAMP).from(FEAST_METADATA)
          .where(PROJECT_ID.eq(project), METADATA_KEY.eq(KEY_LAST_UPDATED_TIMESTAMP)).fetchOne(LAST_UPDATED_TIMESTAMP);
      Long projectRow = ctx.select(LAST_UPDATED_TIMESTAMP).from(PROJECTS.table())
          .where(PROJECT_ID.eq(project)).fetchOne(LAST_UPDATED_TIMESTAMP);
      Long historyId = ctx.select(DSL.max(HISTORY_ID)).from(APPLY_HISTORY).where(PROJECT_ID.eq(project)).fetchOne(0, Long.class);
      long changed = Math.max(metadata == null ? 0 : metadata, projectRow == null ? 0 : projectRow);
      return new ChangeToken(metadata + "/" + projectRow + "/" + historyId, Instant.ofEpochSecond(changed));
    });
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      database.close();
    }
  }

  private <T> T transaction(boolean readOnly, java.util.function.Function<DSLContext, T> work) {
    if (closed.get()) {
      throw new FeatureStoreException(
          ErrorCode.REGISTRY_UNAVAILABLE, "registry database " + database.url().displayUrl() + " is closed");
    }
    return database.transaction(readOnly, work);
  }

  private static Optional<Instant> lastUpdated(DSLContext ctx, String project) {
    Long seconds = ctx.select(LAST_UPDATED_TIMESTAMP).from(FEAST_METADATA)
        .where(PROJECT_ID.eq(project), METADATA_KEY.eq(KEY_LAST_UPDATED_TIMESTAMP))
        .fetchOne(LAST_UPDATED_TIMESTAMP);
    if (seconds == null) {
      seconds = ctx.select(LAST_UPDATED_TIMESTAMP).from(PROJECTS.table())
          .where(PROJECT_ID.eq(project)).fetchOne(LAST_UPDATED_TIMESTAMP);
    }
    return Optional.ofNullable(seconds).map(Instant::ofEpochSecond);
  }

  private static Message parse(ObjectTable t, RegistryObjectKind kind, String project, String name, byte[] bytes) {
    try {
      Message proto = RegistryProtos.parse(kind, bytes == null ? new byte[0] : bytes);
      return RegistryProtos.project(proto).isEmpty() ? RegistryProtos.withProject(proto, project) : proto;
    } catch (InvalidProtocolBufferException e) {
      throw new FeatureStoreException(
          ErrorCode.CORRUPT_REGISTRY,
          "registry table " + t.tableName() + " holds an unreadable " + RegistryProtos.descriptor(kind).getFullName()
              + " for '" + name + "' in project '" + project + "': " + e.getMessage(),
          e);
    }
  }
}
