package dev.featurestore.registry.sql;

import static dev.featurestore.registry.sql.RegistryTables.APPLY_HISTORY;
import static dev.featurestore.registry.sql.RegistryTables.FEAST_METADATA;
import static dev.featurestore.registry.sql.RegistryTables.FEATURE_VIEW_VERSION_HISTORY;
import static dev.featurestore.registry.sql.RegistryTables.HISTORY_APPLIED_AT;
import static dev.featurestore.registry.sql.RegistryTables.HISTORY_CHANGE_TYPE;
import static dev.featurestore.registry.sql.RegistryTables.HISTORY_OBJECT_KIND;
import static dev.featurestore.registry.sql.RegistryTables.HISTORY_OBJECT_NAME;
import static dev.featurestore.registry.sql.RegistryTables.HISTORY_SUMMARY;
import static dev.featurestore.registry.sql.RegistryTables.KEY_LAST_UPDATED_TIMESTAMP;
import static dev.featurestore.registry.sql.RegistryTables.KEY_PROJECT_UUID;
import static dev.featurestore.registry.sql.RegistryTables.LAST_UPDATED_TIMESTAMP;
import static dev.featurestore.registry.sql.RegistryTables.METADATA_KEY;
import static dev.featurestore.registry.sql.RegistryTables.METADATA_VALUE;
import static dev.featurestore.registry.sql.RegistryTables.PROJECTS;
import static dev.featurestore.registry.sql.RegistryTables.PROJECT_ID;
import static dev.featurestore.registry.sql.RegistryTables.PROJECT_NAME;
import static dev.featurestore.registry.sql.RegistryTables.VERSION_HISTORY_VIEW_NAME;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.registry.ApplyHistoryEntry;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.registry.RegistryProtos;
import dev.featurestore.registry.sql.RegistryTables.ObjectTable;
import feast.proto.core.ProjectProto;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The writes of one SQL-registry transaction, row by row as Feast's {@code sql.py} makes them:
 * objects upserted by primary key with {@code last_updated_timestamp} in epoch seconds, the
 * {@code feast_metadata} rows {@code project_uuid} (once) and {@code last_updated_timestamp}, the
 * {@code projects} row created on demand.
 */
final class SqlRegistryWriter {

  private static final Set<RegistryObjectKind> VERSIONED_KINDS = EnumSet.of(
      RegistryObjectKind.FEATURE_VIEW,
      RegistryObjectKind.STREAM_FEATURE_VIEW,
      RegistryObjectKind.ON_DEMAND_FEATURE_VIEW,
      RegistryObjectKind.LABEL_VIEW);

  private final DSLContext ctx;
  private final String project;

  SqlRegistryWriter(DSLContext ctx, String project) {
    this.ctx = ctx;
    this.project = project;
  }

  /** Feast's {@code _set_last_updated_metadata}: value and column both hold the epoch second. */
  void setLastUpdated(Instant at) {
    long seconds = at.getEpochSecond();
    ctx.insertInto(FEAST_METADATA, PROJECT_ID, METADATA_KEY, METADATA_VALUE, LAST_UPDATED_TIMESTAMP)
        .values(project, KEY_LAST_UPDATED_TIMESTAMP, Long.toString(seconds), seconds)
        .onConflict(PROJECT_ID, METADATA_KEY)
        .doUpdate()
        .set(METADATA_VALUE, Long.toString(seconds))
        .set(LAST_UPDATED_TIMESTAMP, seconds)
        .execute();
  }

  /** Feast's {@code _maybe_init_project_metadata}: a random uuid4, written once per project. */
  void initProjectUuid(Instant at) {
    ctx.insertInto(FEAST_METADATA, PROJECT_ID, METADATA_KEY, METADATA_VALUE, LAST_UPDATED_TIMESTAMP)
        .values(project, KEY_PROJECT_UUID, UUID.randomUUID().toString(), at.getEpochSecond())
        .onConflict(PROJECT_ID, METADATA_KEY)
        .doNothing()
        .execute();
  }

  void upsert(RegistryObjectKind kind, String name, Message proto, Instant at) {
    ObjectTable t = RegistryTables.forKind(kind);
    byte[] bytes = proto.toByteArray();
    long seconds = at.getEpochSecond();
    if (kind == RegistryObjectKind.PROJECT) {
      bytes = RegistryProtos.keepCreated(proto, storedProject()).toByteArray();
      ctx.insertInto(PROJECTS.table(), PROJECT_ID, PROJECT_NAME, LAST_UPDATED_TIMESTAMP, PROJECTS.proto())
          .values(project, project, seconds, bytes)
          .onConflict(PROJECT_ID)
          .doUpdate()
          .set(PROJECT_NAME, project)
          .set(LAST_UPDATED_TIMESTAMP, seconds)
          .set(PROJECTS.proto(), bytes)
          .execute();
      return;
    }
    ctx.insertInto(t.table(), t.name(), PROJECT_ID, LAST_UPDATED_TIMESTAMP, t.proto())
        .values(name, project, seconds, bytes)
        .onConflict(t.name(), PROJECT_ID)
        .doUpdate()
        .set(LAST_UPDATED_TIMESTAMP, seconds)
        .set(t.proto(), bytes)
        .execute();
  }

  /** Deletes one object (not the Project); deleting a view also drops its version history, as Feast does. */
  void delete(RegistryObjectKind kind, String name) {
    ObjectTable t = RegistryTables.forKind(kind);
    ctx.deleteFrom(t.table()).where(t.name().eq(name), PROJECT_ID.eq(project)).execute();
    if (VERSIONED_KINDS.contains(kind)) {
      ctx.deleteFrom(FEATURE_VIEW_VERSION_HISTORY)
          .where(VERSION_HISTORY_VIEW_NAME.eq(name), PROJECT_ID.eq(project))
          .execute();
    }
  }

  /** Sets the Project's last-updated time, creating the Project as Feast does on first use. */
  void touchProject(Instant at) {
    upsert(RegistryObjectKind.PROJECT, project, RegistryProtos.touchProject(storedProject(), project, at), at);
  }

  private ProjectProto.Project storedProject() {
    byte[] stored = ctx.select(PROJECTS.proto()).from(PROJECTS.table()).where(PROJECT_ID.eq(project)).fetchOne(PROJECTS.proto());
    if (stored == null) {
      return null;
    }
    try {
      return ProjectProto.Project.parseFrom(stored);
    } catch (InvalidProtocolBufferException e) {
      throw new FeatureStoreException(
          ErrorCode.CORRUPT_REGISTRY,
          "registry table projects holds an unreadable feast.core.Project for '" + project + "': " + e.getMessage(),
          e);
    }
  }

  void deleteProject() {
    for (var table : RegistryTables.PROJECT_TABLES) {
      ctx.deleteFrom(table).where(PROJECT_ID.eq(project)).execute();
    }
  }

  void appendHistory(List<ApplyHistoryEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    var insert = ctx.insertInto(APPLY_HISTORY, PROJECT_ID, HISTORY_APPLIED_AT, HISTORY_CHANGE_TYPE,
        HISTORY_OBJECT_KIND, HISTORY_OBJECT_NAME, HISTORY_SUMMARY);
    for (ApplyHistoryEntry e : entries) {
      insert = insert.values(project, e.appliedAt().toEpochMilli(), e.type().name(), e.kind().name(), e.name(), e.summary());
    }
    insert.execute();
  }
}
