package dev.featurestore.materializer.stream;

import dev.featurestore.core.model.Aggregation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The windowed aggregates of one entity in one stream feature view: per aggregation, partial
 * aggregates per slide-interval bucket, and the entity's newest event time.
 *
 * <p>Semantics (Feast's, as its Spark processor writes them): the online value of an aggregation
 * is computed over the hopping window that ends at the first slide boundary after the entity's
 * newest event, i.e. over events in {@code [end - time_window, end)} with {@code end =
 * (floor(newest / slide) + 1) * slide}. A late event (older than the newest) counts in its bucket
 * and changes the value if the bucket is still inside that window. Buckets that fell out of the
 * window are dropped, so an entity keeps at most {@code time_window / slide} buckets per
 * aggregation.
 */
final class WindowState {
  /** count, sum, min and max of the non-null values of one bucket; enough for every function. */
  static final class Partial {
    long count;
    double sum;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;

    void add(Double value) {
      count++;
      if (value != null) {
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
    }
  }

  private long newestMillis = Long.MIN_VALUE;
  private final List<TreeMap<Long, Partial>> buckets;

  WindowState(int aggregations) {
    buckets = new ArrayList<>(aggregations);
    for (int i = 0; i < aggregations; i++) {
      buckets.add(new TreeMap<>());
    }
  }

  long newestMillis() {
    return newestMillis;
  }

  /**
   * Counts an event.
   *
   * @param values the aggregated column's value per aggregation ({@code null} = a null value:
   *     counted by count only when the aggregation has no column)
   */
  void add(long eventMillis, List<Aggregation> aggregations, List<Double> values, List<Boolean> present) {
    newestMillis = Math.max(newestMillis, eventMillis);
    for (int i = 0; i < aggregations.size(); i++) {
      long hop = aggregations.get(i).hop().toMillis();
      long bucket = Math.floorDiv(eventMillis, hop);
      if (bucket < firstBucket(aggregations.get(i))) {
        continue; // late, and outside the window the entity's value is computed over
      }
      if (present.get(i)) {
        buckets.get(i).computeIfAbsent(bucket, b -> new Partial()).add(values.get(i));
      } else {
        // A null value still opens the bucket, so the window end stays right.
        buckets.get(i).computeIfAbsent(bucket, b -> new Partial());
      }
    }
    evict(aggregations);
  }

  /** The aggregate of each aggregation over the current window; {@code null} when undefined. */
  List<Double> values(List<Aggregation> aggregations) {
    List<Double> result = new ArrayList<>(aggregations.size());
    for (int i = 0; i < aggregations.size(); i++) {
      Aggregation aggregation = aggregations.get(i);
      long count = 0;
      double sum = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (Partial partial :
          buckets.get(i).tailMap(firstBucket(aggregation), true).values()) {
        count += partial.count;
        sum += partial.sum;
        min = Math.min(min, partial.min);
        max = Math.max(max, partial.max);
      }
      result.add(
          switch (aggregation.function()) {
            case "count" -> (double) count;
            case "sum" -> sum;
            case "mean" -> count == 0 ? null : sum / count;
            case "min" -> count == 0 || min == Double.POSITIVE_INFINITY ? null : min;
            case "max" -> count == 0 || max == Double.NEGATIVE_INFINITY ? null : max;
            default -> throw new IllegalStateException(aggregation.function());
          });
    }
    return result;
  }

  private long firstBucket(Aggregation aggregation) {
    if (newestMillis == Long.MIN_VALUE) {
      return Long.MIN_VALUE;
    }
    long hop = aggregation.hop().toMillis();
    long buckets = aggregation.timeWindow().toMillis() / hop;
    return Math.floorDiv(newestMillis, hop) - buckets + 1;
  }

  private void evict(List<Aggregation> aggregations) {
    for (int i = 0; i < aggregations.size(); i++) {
      buckets.get(i).headMap(firstBucket(aggregations.get(i)), false).clear();
    }
  }

  byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(newestMillis);
      out.writeInt(buckets.size());
      for (TreeMap<Long, Partial> aggregation : buckets) {
        out.writeInt(aggregation.size());
        for (Map.Entry<Long, Partial> bucket : aggregation.entrySet()) {
          Partial partial = bucket.getValue();
          out.writeLong(bucket.getKey());
          out.writeLong(partial.count);
          out.writeDouble(partial.sum);
          out.writeDouble(partial.min);
          out.writeDouble(partial.max);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads what {@link #toBytes} wrote. A state written for a different number of aggregations
   * (the view changed) is dropped: the windows start over.
   */
  static WindowState fromBytes(byte[] data, int aggregations) {
    WindowState state = new WindowState(aggregations);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      long newest = in.readLong();
      if (in.readInt() != aggregations) {
        return state;
      }
      state.newestMillis = newest;
      for (int i = 0; i < aggregations; i++) {
        int size = in.readInt();
        for (int b = 0; b < size; b++) {
          Partial partial = new Partial();
          long bucket = in.readLong();
          partial.count = in.readLong();
          partial.sum = in.readDouble();
          partial.min = in.readDouble();
          partial.max = in.readDouble();
          state.buckets.get(i).put(bucket, partial);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return state;
  }
}
