package dev.featurestore.registry.repo;

import dev.featurestore.core.model.DataSource;
import dev.featurestore.registry.repo.FeastObjects.SourceObject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Python module {@code featurestore}: this project's own additions to Feast's API, imported
 * with {@code from featurestore import PostgresCdcSource}. It is resolved before repository
 * modules, so a repository file named {@code featurestore.py} cannot shadow it.
 */
final class FeaturestoreModule implements ModuleValue {
  static final String NAME = "featurestore";

  private final Map<String, Object> attributes = Map.of("PostgresCdcSource", new Builtin(Signature.positional(
      "PostgresCdcSource", "name!", "table!", "timestamp_field!", "batch_source!", "created_timestamp_column",
      "field_mapping", "watermark_delay_threshold", "description", "tags", "owner"),
      FeaturestoreModule::postgresCdcSource));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<Object> attribute(String attribute) {
    return Optional.ofNullable(attributes.get(attribute));
  }

  @Override
  public Set<String> publicNames() {
    return attributes.keySet();
  }

  /**
   * {@code PostgresCdcSource}: the changes of one PostgreSQL table, followed by logical replication.
   * Like a push source it is a view's stream source, and its batch source the view's batch source.
   */
  private static Object postgresCdcSource(BoundArguments args) {
    String name = Names.required(args, "PostgresCdcSource");
    String table = args.string("table", "");
    String[] parts = table.split("\\.", -1);
    if (table.isBlank() || parts.length > 2 || Set.of(parts).contains("")) {
      throw args.invalid("table", "table of PostgresCdcSource '" + name + "' must be 'schema.table' or a table"
          + " of the public schema, not '" + table + "'");
    }
    String timestampField = args.string("timestamp_field", "");
    if (timestampField.isEmpty()) {
      throw args.invalid("timestamp_field", "PostgresCdcSource '" + name + "' needs a timestamp_field: the"
          + " table's event-time column");
    }
    Duration watermark = args.duration("watermark_delay_threshold").orElse(Duration.ZERO);
    if (watermark.isNegative()) {
      throw args.invalid("watermark_delay_threshold", "watermark_delay_threshold of PostgresCdcSource '" + name
          + "' must not be negative");
    }
    SourceObject batch = SourceConstructors.batchSource(args, "PostgresCdcSource", name, true);
    DataSource source = new DataSource(name, timestampField, args.string("created_timestamp_column", ""), "",
        args.stringMap("field_mapping"), args.metadata(),
        new DataSource.PostgresCdcOptions(table, watermark, batch.source));
    return new SourceObject(source, batch, args.callLocation());
  }
}
