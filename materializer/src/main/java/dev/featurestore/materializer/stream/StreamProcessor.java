package dev.featurestore.materializer.stream;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.model.Aggregation;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.materializer.stream.CheckpointStore.StateKey;
import dev.featurestore.materializer.stream.StreamMetrics.Outcome;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one stream's records to the online store: rows of plain views are written (deletes
 * remove the entity's values), events of stream feature views update their windows and the new
 * aggregates are written. Each batch ends with one online write per view and one checkpoint
 * commit; a failure of either rolls the in-memory state back to the last checkpoint and is
 * thrown, so the reader delivers the batch again and nothing counts twice.
 *
 * <p>Online writes overwrite whatever is stored ({@link OnlineStore#overwrite}): the stream's
 * order, not the rows' event times, says which value is current.
 */
public final class StreamProcessor implements StreamRecordHandler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StreamProcessor.class);
  private static final int BAD_RECORDS_LOGGED_IN_FULL = 20;

  /** The views one source feeds, and how late its events may be for windows. */
  public record SourceBinding(DataSource source, Duration allowedLateness, List<ViewTarget> views) {
    public SourceBinding {
      requireNonNull(source, "source is null");
      allowedLateness = allowedLateness == null ? Duration.ZERO : allowedLateness;
      views = List.copyOf(views);
    }
  }

  private final String stream;
  private final String project;
  private final Map<String, SourceBinding> bySource;
  private final OnlineStore store;
  private final CheckpointStore checkpoint;
  private final StreamMetrics metrics;
  private final Clock clock;

  private final Map<String, StreamPosition> positions = new HashMap<>();
  private final Map<String, Long> newestEventMillis = new HashMap<>();
  private final Map<StateKey, WindowState> windows = new HashMap<>();
  private long badRecords;

  StreamProcessor(
      String stream,
      String project,
      List<SourceBinding> bindings,
      OnlineStore store,
      CheckpointStore checkpoint,
      StreamMetrics metrics,
      Clock clock) {
    this.stream = requireNonNull(stream, "stream is null");
    this.project = requireNonNull(project, "project is null");
    this.bySource =
        bindings.stream()
            .collect(Collectors.toMap(b -> b.source().name(), Function.identity(), (a, b) -> a, LinkedHashMap::new));
    this.store = requireNonNull(store, "store is null");
    this.checkpoint = requireNonNull(checkpoint, "checkpoint is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.clock = requireNonNull(clock, "clock is null");
    load();
  }

  /** The last applied position per partition, where a reader resumes. */
  public synchronized Map<String, StreamPosition> positions() {
    return Map.copyOf(positions);
  }

  List<SourceBinding> bindings() {
    return List.copyOf(bySource.values());
  }

  StreamMetrics metrics() {
    return metrics;
  }

  private void load() {
    CheckpointStore.Loaded loaded = checkpoint.load();
    positions.putAll(loaded.positions());
    newestEventMillis.putAll(loaded.newestEventMillis());
    Map<String, Integer> aggregationsByView = new HashMap<>();
    for (SourceBinding binding : bySource.values()) {
      for (ViewTarget target : binding.views()) {
        if (target.aggregates()) {
          aggregationsByView.put(target.view().name(), target.aggregations().size());
        }
      }
    }
    loaded.windows().forEach((key, bytes) -> {
      Integer aggregations = aggregationsByView.get(key.view());
      if (aggregations != null) {
        windows.put(key, WindowState.fromBytes(bytes, aggregations));
      }
    });
    positions.values().forEach(metrics::position);
    log.info(
        "stream {}: checkpoint {} holds {} position(s) and windows of {} entities",
        stream, checkpoint.file(), positions.size(), windows.size());
  }

  @Override
  public synchronized void handle(List<StreamRecord> records) {
    Batch batch = new Batch();
    List<StreamRecord> applied = new ArrayList<>(records.size());
    List<Map.Entry<String, Outcome>> outcomes = new ArrayList<>(records.size());
    try {
      for (StreamRecord record : records) {
        Outcome outcome = apply(record, batch);
        outcomes.add(Map.entry(record.source(), outcome));
        if (outcome == Outcome.APPLIED) {
          applied.add(record);
        }
      }
      batch.flush();
      checkpoint.commit(batch.positions, batch.watermarks, batch.windowBytes());
    } catch (RuntimeException e) {
      batch.undo();
      throw e;
    }
    Instant now = clock.instant();
    outcomes.forEach(o -> metrics.count(o.getKey(), o.getValue()));
    applied.forEach(r -> metrics.applied(r.committedAt(), now));
    batch.positions.values().forEach(metrics::position);
  }

  @Override
  public synchronized void rejected(String source, StreamPosition position, String problem) {
    Batch batch = new Batch();
    batch.position(position);
    try {
      checkpoint.commit(batch.positions, Map.of(), Map.of());
    } catch (RuntimeException e) {
      batch.undo();
      throw e;
    }
    metrics.count(source, Outcome.BAD);
    logBad(source, position, problem);
  }

  private Outcome apply(StreamRecord record, Batch batch) {
    StreamPosition last = positions.get(record.position().partition());
    if (last != null && record.position().compareTo(last) <= 0) {
      return Outcome.DUPLICATE;
    }
    batch.position(record.position());
    SourceBinding binding = bySource.get(record.source());
    if (binding == null) {
      logBad(record.source(), record.position(), "no feature view reads source '" + record.source() + "'");
      return Outcome.BAD;
    }
    Outcome outcome = Outcome.IGNORED;
    for (ViewTarget target : binding.views()) {
      try {
        Outcome viewOutcome =
            target.aggregates() ? aggregate(record, binding, target, batch) : row(record, target, batch);
        if (outcome != Outcome.APPLIED) {
          outcome = viewOutcome;
        }
      } catch (BadRecordException e) {
        logBad(record.source(), record.position(), "feature view '" + target.view().name() + "': " + e.getMessage());
        if (outcome != Outcome.APPLIED) {
          outcome = Outcome.BAD;
        }
      }
    }
    return outcome;
  }

  private Outcome row(StreamRecord record, ViewTarget target, Batch batch) {
    EntityKey key = StreamValues.entityKey(record.columns(), target.joinKeys(), target.columnOf());
    String view = target.view().name();
    if (record.operation() == StreamRecord.Operation.DELETE) {
      batch.delete(view, target.view().features(), key);
      return Outcome.APPLIED;
    }
    Map<String, Object> columns = record.columns();
    Instant eventTime = StreamValues.instant(columns.get(target.timestampColumn()), target.timestampColumn());
    Map<String, Value> values = new LinkedHashMap<>();
    for (Field feature : target.view().features()) {
      String column = target.column(feature.name());
      if (!columns.containsKey(column)) {
        if (record.operation() == StreamRecord.Operation.UPDATE) {
          continue; // an update leaves out what it did not change (PostgreSQL's unchanged TOAST values)
        }
        throw new BadRecordException("column '" + column + "' (feature '" + feature.name() + "') is missing");
      }
      values.put(feature.name(), StreamValues.value(columns.get(column), feature, column));
    }
    batch.write(view, new OnlineWriteRow(key, StreamValues.timestamp(eventTime), null, values));
    return Outcome.APPLIED;
  }

  private Outcome aggregate(StreamRecord record, SourceBinding binding, ViewTarget target, Batch batch) {
    if (record.operation() != StreamRecord.Operation.INSERT) {
      return Outcome.IGNORED; // windows count events; an update or delete is not a new event
    }
    Map<String, Object> columns = record.columns();
    Instant eventTime = StreamValues.instant(columns.get(target.timestampColumn()), target.timestampColumn());
    long eventMillis = eventTime.toEpochMilli();
    String source = binding.source().name();
    Long newest = newestEventMillis.get(source);
    if (newest != null && eventMillis < newest - binding.allowedLateness().toMillis()) {
      return Outcome.LATE;
    }
    EntityKey key = StreamValues.entityKey(columns, target.joinKeys(), target.columnOf());
    List<Aggregation> aggregations = target.aggregations();
    List<Double> values = new ArrayList<>(aggregations.size());
    List<Boolean> present = new ArrayList<>(aggregations.size());
    for (Aggregation aggregation : aggregations) {
      String column = aggregation.column();
      if (column.isEmpty()) {
        values.add(null);
        present.add(true);
        continue;
      }
      if (!columns.containsKey(column)) {
        throw new BadRecordException("aggregated column '" + column + "' is missing");
      }
      Object raw = columns.get(column);
      present.add(raw != null);
      values.add(raw == null || aggregation.function().equals("count") ? null : number(raw, column));
    }
    batch.watermark(source, newest == null ? eventMillis : Math.max(newest, eventMillis));
    StateKey stateKey = new StateKey(target.view().name(), ByteBuffer.wrap(key.toByteArray()));
    batch.saveWindow(stateKey);
    windows.computeIfAbsent(stateKey, k -> new WindowState(aggregations.size()))
        .add(eventMillis, aggregations, values, present);
    batch.dirty(stateKey, target, key);
    return Outcome.APPLIED;
  }

  private static double number(Object raw, String column) {
    if (raw instanceof Number number) {
      return number.doubleValue();
    }
    throw new BadRecordException(
        "aggregated column '" + column + "' holds " + StreamValues.describe(raw) + ", not a number");
  }

  private void logBad(String source, StreamPosition position, String problem) {
    badRecords++;
    if (badRecords <= BAD_RECORDS_LOGGED_IN_FULL || badRecords % 1_000 == 0) {
      log.warn(
          "stream {}: skipped a bad record of source '{}' at {}: {}{}",
          stream, source, position, problem,
          badRecords == BAD_RECORDS_LOGGED_IN_FULL ? " (further bad records are logged 1 in 1000)" : "");
    }
  }

  /** A batch's pending writes, and what to restore if it fails. */
  private final class Batch {
    final Map<String, StreamPosition> positions = new HashMap<>();
    final Map<String, Long> watermarks = new HashMap<>();
    private final Map<String, StreamPosition> positionsBefore = new HashMap<>();
    private final Map<String, Long> watermarksBefore = new HashMap<>();
    private final Map<StateKey, byte[]> windowsBefore = new HashMap<>();
    private final Map<StateKey, Map.Entry<ViewTarget, EntityKey>> dirty = new LinkedHashMap<>();
    /** Per view, the last operation per entity: a row to write or null for a delete. */
    private final Map<String, Map<ByteBuffer, OnlineWriteRow>> rows = new LinkedHashMap<>();
    private final Map<String, Map<ByteBuffer, EntityKey>> deletes = new LinkedHashMap<>();
    private final Map<String, List<Field>> deletedFeatures = new HashMap<>();

    void position(StreamPosition position) {
      String partition = position.partition();
      if (!positionsBefore.containsKey(partition)) {
        positionsBefore.put(partition, StreamProcessor.this.positions.get(partition));
      }
      StreamProcessor.this.positions.put(partition, position);
      positions.put(partition, position);
    }

    void watermark(String source, long newest) {
      if (!watermarksBefore.containsKey(source)) {
        watermarksBefore.put(source, newestEventMillis.get(source));
      }
      newestEventMillis.put(source, newest);
      watermarks.put(source, newest);
    }

    void saveWindow(StateKey key) {
      if (!windowsBefore.containsKey(key)) {
        WindowState state = windows.get(key);
        windowsBefore.put(key, state == null ? null : state.toBytes());
      }
    }

    void dirty(StateKey key, ViewTarget target, EntityKey entity) {
      dirty.put(key, Map.entry(target, entity));
    }

    void write(String view, OnlineWriteRow row) {
      ByteBuffer key = ByteBuffer.wrap(row.key().toByteArray());
      Map<ByteBuffer, EntityKey> pendingDeletes = deletes.get(view);
      if (pendingDeletes != null) {
        pendingDeletes.remove(key);
      }
      rows.computeIfAbsent(view, v -> new LinkedHashMap<>()).put(key, row);
    }

    void delete(String view, List<Field> features, EntityKey entity) {
      ByteBuffer key = ByteBuffer.wrap(entity.toByteArray());
      Map<ByteBuffer, OnlineWriteRow> pendingRows = rows.get(view);
      if (pendingRows != null) {
        pendingRows.remove(key);
      }
      deletes.computeIfAbsent(view, v -> new LinkedHashMap<>()).put(key, entity);
      deletedFeatures.put(view, features);
    }

    void flush() {
      for (Map.Entry<StateKey, Map.Entry<ViewTarget, EntityKey>> entry : dirty.entrySet()) {
        ViewTarget target = entry.getValue().getKey();
        WindowState state = windows.get(entry.getKey());
        write(target.view().name(), aggregateRow(target, entry.getValue().getValue(), state));
      }
      deletes.forEach((view, keys) -> {
        if (!keys.isEmpty()) {
          store.deleteEntities(
              project, view, deletedFeatures.get(view).stream().map(Field::name).toList(), List.copyOf(keys.values()));
        }
      });
      rows.forEach((view, byKey) -> {
        if (!byKey.isEmpty()) {
          store.overwrite(project, view, List.copyOf(byKey.values()));
        }
      });
    }

    Map<StateKey, byte[]> windowBytes() {
      Map<StateKey, byte[]> bytes = new HashMap<>();
      dirty.keySet().forEach(key -> bytes.put(key, windows.get(key).toBytes()));
      return bytes;
    }

    void undo() {
      positionsBefore.forEach((partition, before) -> {
        if (before == null) {
          StreamProcessor.this.positions.remove(partition);
        } else {
          StreamProcessor.this.positions.put(partition, before);
        }
      });
      watermarksBefore.forEach((source, before) -> {
        if (before == null) {
          newestEventMillis.remove(source);
        } else {
          newestEventMillis.put(source, before);
        }
      });
      windowsBefore.forEach((key, before) -> {
        if (before == null) {
          windows.remove(key);
        } else {
          int aggregations = dirty.containsKey(key) ? dirty.get(key).getKey().aggregations().size() : 0;
          windows.put(key, WindowState.fromBytes(before, aggregations));
        }
      });
    }
  }

  private static OnlineWriteRow aggregateRow(ViewTarget target, EntityKey key, WindowState state) {
    List<Double> aggregates = state.values(target.aggregations());
    Map<String, Value> values = new LinkedHashMap<>();
    for (int i = 0; i < aggregates.size(); i++) {
      Field output = target.outputs().get(i);
      values.put(output.name(), outputValue(aggregates.get(i), output));
    }
    Timestamp eventTime = StreamValues.timestamp(Instant.ofEpochMilli(state.newestMillis()));
    return new OnlineWriteRow(key, eventTime, null, values);
  }

  private static Value outputValue(Double aggregate, Field output) {
    if (aggregate == null) {
      return Value.getDefaultInstance();
    }
    ValueType type = output.dtype().valueType();
    Object value = type == ValueType.INT32 || type == ValueType.INT64 ? (Object) Math.round(aggregate) : aggregate;
    return StreamValues.value(value, output, output.name());
  }

  @Override
  public void close() {
    checkpoint.close();
  }
}
