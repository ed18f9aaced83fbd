package dev.featurestore.registry.sql;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.featurestore.core.registry.RegistryObjectKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * Feast's SQL registry tables as sdk/python/feast/infra/registry/sql.py declares them, plus this
 * project's {@code fs_apply_history}; declared once here for jOOQ, created by the Flyway scripts
 * in {@code db/migration/<dialect>}. {@code project_id} is the project's name; {@code
 * last_updated_timestamp} is epoch seconds.
 */
final class RegistryTables {

  /**
   * A table with one object per row: {@code (<x>_name, project_id)} is the primary key, {@code
   * <x>_proto} the whole serialized object.
   */
  record ObjectTable(Table<Record> table, Field<String> name, Field<String> projectId, Field<Long> lastUpdated, Field<byte[]> proto) {
    String tableName() {
      return table.getName();
    }
  }

  static final Field<String> PROJECT_ID = field(name("project_id"), SQLDataType.VARCHAR(255));
  static final Field<Long> LAST_UPDATED_TIMESTAMP = field(name("last_updated_timestamp"), SQLDataType.BIGINT);

  static final ObjectTable PROJECTS = objectTable("projects", "project_name", "project_proto");
  static final ObjectTable DATA_SOURCES = objectTable("data_sources", "data_source_name", "data_source_proto");
  static final ObjectTable ENTITIES = objectTable("entities", "entity_name", "entity_proto");
  static final ObjectTable FEATURE_VIEWS = objectTable("feature_views", "feature_view_name", "feature_view_proto");
  static final ObjectTable STREAM_FEATURE_VIEWS = objectTable("stream_feature_views", "feature_view_name", "feature_view_proto");
  static final ObjectTable ON_DEMAND_FEATURE_VIEWS = objectTable("on_demand_feature_views", "feature_view_name", "feature_view_proto");
  static final ObjectTable LABEL_VIEWS = objectTable("label_views", "feature_view_name", "feature_view_proto");
  static final ObjectTable FEATURE_SERVICES = objectTable("feature_services", "feature_service_name", "feature_service_proto");
  static final ObjectTable SAVED_DATASETS = objectTable("saved_datasets", "saved_dataset_name", "saved_dataset_proto");
  static final ObjectTable VALIDATION_REFERENCES = objectTable("validation_references", "validation_reference_name", "validation_reference_proto");
  static final ObjectTable PERMISSIONS = objectTable("permissions", "permission_name", "permission_proto");
  /** One row per project, named {@code infra_obj}; a {@code feast.core.Infra}. */
  static final ObjectTable MANAGED_INFRA = objectTable("managed_infra", "infra_name", "infra_proto");

  /** Only {@code projects} has it: the project's name again, beside {@code project_id}. */
  static final Field<String> PROJECT_NAME = PROJECTS.name();

  static final Table<Record> FEATURE_VIEW_VERSION_HISTORY = table(name("feature_view_version_history"));
  static final Field<String> VERSION_HISTORY_VIEW_NAME = field(name("feature_view_name"), SQLDataType.VARCHAR(255));

  static final Table<Record> FEAST_METADATA = table(name("feast_metadata"));
  static final Field<String> METADATA_KEY = field(name("metadata_key"), SQLDataType.VARCHAR(50));
  static final Field<String> METADATA_VALUE = field(name("metadata_value"), SQLDataType.CLOB);
  /** feast_metadata keys, Feast's {@code FeastMetadataKeys}. */
  static final String KEY_PROJECT_UUID = "project_uuid";
  static final String KEY_LAST_UPDATED_TIMESTAMP = "last_updated_timestamp";

  static final Table<Record> APPLY_HISTORY = table(name("fs_apply_history"));
  static final Field<Long> HISTORY_ID = field(name("id"), SQLDataType.BIGINT);
  static final Field<Long> HISTORY_APPLIED_AT = field(name("applied_at"), SQLDataType.BIGINT);
  static final Field<String> HISTORY_CHANGE_TYPE = field(name("change_type"), SQLDataType.VARCHAR(16));
  static final Field<String> HISTORY_OBJECT_KIND = field(name("object_kind"), SQLDataType.VARCHAR(32));
  static final Field<String> HISTORY_OBJECT_NAME = field(name("object_name"), SQLDataType.VARCHAR(255));
  static final Field<String> HISTORY_SUMMARY = field(name("summary"), SQLDataType.CLOB);

  private static final Map<RegistryObjectKind, ObjectTable> BY_KIND = new EnumMap<>(Map.ofEntries(
      Map.entry(RegistryObjectKind.PROJECT, PROJECTS),
      Map.entry(RegistryObjectKind.DATA_SOURCE, DATA_SOURCES),
      Map.entry(RegistryObjectKind.ENTITY, ENTITIES),
      Map.entry(RegistryObjectKind.FEATURE_VIEW, FEATURE_VIEWS),
      Map.entry(RegistryObjectKind.STREAM_FEATURE_VIEW, STREAM_FEATURE_VIEWS),
      Map.entry(RegistryObjectKind.ON_DEMAND_FEATURE_VIEW, ON_DEMAND_FEATURE_VIEWS),
      Map.entry(RegistryObjectKind.LABEL_VIEW, LABEL_VIEWS),
      Map.entry(RegistryObjectKind.FEATURE_SERVICE, FEATURE_SERVICES),
      Map.entry(RegistryObjectKind.SAVED_DATASET, SAVED_DATASETS),
      Map.entry(RegistryObjectKind.VALIDATION_REFERENCE, VALIDATION_REFERENCES),
      Map.entry(RegistryObjectKind.PERMISSION, PERMISSIONS)));

  /** Every table teardown clears for a project (Feast's delete_project, plus version history). */
  static final List<Table<Record>> PROJECT_TABLES = List.of(
      MANAGED_INFRA.table(), SAVED_DATASETS.table(), VALIDATION_REFERENCES.table(), FEATURE_SERVICES.table(),
      FEATURE_VIEWS.table(), ON_DEMAND_FEATURE_VIEWS.table(), STREAM_FEATURE_VIEWS.table(), LABEL_VIEWS.table(),
      DATA_SOURCES.table(), ENTITIES.table(), PERMISSIONS.table(), FEATURE_VIEW_VERSION_HISTORY,
      FEAST_METADATA, PROJECTS.table());

  private RegistryTables() {}

  static ObjectTable forKind(RegistryObjectKind kind) {
    return BY_KIND.get(kind);
  }

  private static ObjectTable objectTable(String table, String nameColumn, String protoColumn) {
    return new ObjectTable(
        table(name(table)),
        field(name(nameColumn), SQLDataType.VARCHAR(255)),
        PROJECT_ID,
        LAST_UPDATED_TIMESTAMP,
        field(name(protoColumn), SQLDataType.BLOB));
  }
}
