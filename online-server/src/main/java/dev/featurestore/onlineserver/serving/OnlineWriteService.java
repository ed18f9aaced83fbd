package dev.featurestore.onlineserver.serving;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.online.OnlineWriteRow;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Feast's {@code push} and {@code write_to_online_store}: converts a data frame into typed {@link
 * OnlineWriteRow}s of a view (join keys and features typed by the view's schema, event time from
 * the batch source's timestamp field, columns renamed by its field mapping) and writes them.
 * Only the online part of a push is supported; "offline" and "online_and_offline" are refused.
 */
public final class OnlineWriteService {
  private final OnlineFeatureService service;
  private final OnlineStoreGateway store;

  public OnlineWriteService(OnlineFeatureService service, OnlineStoreGateway store) {
    this.service = requireNonNull(service, "service is null");
    this.store = requireNonNull(store, "store is null");
  }

  /** Writes {@code df} to every view fed by the push source; returns the number of views written. */
  public int push(String pushSource, DataFrame df, String to) {
    String target = to == null || to.isEmpty() ? "online" : to.toLowerCase(Locale.ROOT);
    if (!target.equals("online")) {
      if (target.equals("offline") || target.equals("online_and_offline")) {
        throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, "push to '" + target
            + "' is not supported: this server writes the online store only; use \"to\": \"online\"");
      }
      throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT,
          "'to' must be online, offline or online_and_offline, got '" + to + "'");
    }
    RegistryIndex index = service.index();
    if (!index.hasPushSource(pushSource)) {
      throw new FeatureStoreException(ErrorCode.DATA_SOURCE_NOT_FOUND,
          "push source '" + pushSource + "' does not exist in project '" + index.project() + "'");
    }
    List<ViewInfo> views = index.viewsPushedBy(pushSource);
    List<List<OnlineWriteRow>> converted = new ArrayList<>();
    for (ViewInfo view : views) {
      converted.add(rows(view, df));
    }
    for (int i = 0; i < views.size(); i++) {
      store.write(index.project(), views.get(i).name(), converted.get(i));
    }
    return views.size();
  }

  /** Writes {@code df} to one view. */
  public void writeToOnlineStore(String viewName, DataFrame df) {
    RegistryIndex index = service.index();
    ViewInfo view = index.view(viewName).orElseThrow(() -> new FeatureStoreException(
        ErrorCode.FEATURE_VIEW_NOT_FOUND,
        "feature view '" + viewName + "' does not exist in project '" + index.project() + "'"));
    store.write(index.project(), view.name(), rows(view, df));
  }

  static List<OnlineWriteRow> rows(ViewInfo view, DataFrame df) {
    DataSource batch = view.view().batchSource();
    Map<String, List<Object>> columns = renamed(df, batch.fieldMapping());
    String tsField = batch.timestampField();
    List<Object> eventTimes = columns.get(tsField);
    if (tsField.isEmpty() || eventTimes == null) {
      throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, "df has no event timestamp column '" + tsField
          + "' (the timestamp_field of feature view '" + view.name() + "')");
    }
    List<Object> createdTimes = batch.createdTimestampColumn().isEmpty() ? null : columns.get(batch.createdTimestampColumn());
    List<List<Object>> keyColumns = new ArrayList<>();
    for (JoinKey key : view.joinKeys()) {
      List<Object> column = key.dummy() ? null : columns.get(key.name());
      if (!key.dummy() && column == null) {
        throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT,
            "df has no column '" + key.name() + "', a join key of feature view '" + view.name() + "'");
      }
      keyColumns.add(column);
    }
    List<OnlineWriteRow> rows = new ArrayList<>(df.rows());
    for (int row = 0; row < df.rows(); row++) {
      EntityKey.Builder key = EntityKey.newBuilder();
      for (int k = 0; k < view.joinKeys().size(); k++) {
        JoinKey joinKey = view.joinKeys().get(k);
        key.addJoinKeys(joinKey.name());
        key.addEntityValues(joinKey.dummy()
            ? Value.newBuilder().setStringVal("").build()
            : convert(keyColumns.get(k).get(row), joinKey.type(), joinKey.name(), row));
      }
      Map<String, Value> values = new HashMap<>();
      for (Field feature : view.view().features()) {
        List<Object> column = columns.get(feature.name());
        if (column != null) {
          values.put(feature.name(), convert(column.get(row), feature.dtype().valueType(), feature.name(), row));
        }
      }
      Timestamp eventTime = time(eventTimes.get(row), tsField, row);
      Timestamp created = createdTimes == null || createdTimes.get(row) == null ? null
          : time(createdTimes.get(row), batch.createdTimestampColumn(), row);
      rows.add(new OnlineWriteRow(key.build(), eventTime, created, values));
    }
    return rows;
  }

  private static Map<String, List<Object>> renamed(DataFrame df, Map<String, String> fieldMapping) {
    if (fieldMapping.isEmpty()) {
      return df.columns();
    }
    Map<String, List<Object>> renamed = new LinkedHashMap<>();
    df.columns().forEach((name, values) -> renamed.put(fieldMapping.getOrDefault(name, name), values));
    return renamed;
  }

  private static Value convert(Object value, dev.featurestore.core.model.ValueType type, String column, int row) {
    try {
      return NativeValues.toValue(value, type);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT,
          "df column '" + column + "' row " + row + " (" + type + "): " + e.getMessage());
    }
  }

  private static Timestamp time(Object value, String column, int row) {
    if (value == null) {
      throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, "df column '" + column + "' row " + row + " is null");
    }
    try {
      return NativeValues.timestamp(value);
    } catch (IllegalArgumentException e) {
      throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT,
          "df column '" + column + "' row " + row + ": " + e.getMessage());
    }
  }
}
