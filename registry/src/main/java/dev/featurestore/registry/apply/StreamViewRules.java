package dev.featurestore.registry.apply;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.Aggregation;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.StreamViewSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a stream feature view must satisfy to be applied: the checks of Feast's {@code
 * StreamFeatureView.__init__} (aggregations need a {@code timestamp_field}; with tiling, the hop
 * must be smaller than every window) and what this project's stream engine needs to compute its
 * aggregations (a supported function, a positive window that is a whole number of hops, an output
 * feature declared in the schema, once).
 *
 * <p>The repository loader reports violations at the line of the offending {@code Aggregation(...)}
 * or argument; {@link RepoApplier} checks again for contents built in code. Stateless.
 */
public final class StreamViewRules {

  /** Feast's default {@code tiling_hop_size} when tiling is on and none is given. */
  static final Duration DEFAULT_TILING_HOP = Duration.ofMinutes(5);

  /**
   * One broken rule.
   *
   * @param aggregation index in the view's aggregations, or -1 when the view as a whole is at fault
   * @param argument the {@code StreamFeatureView} argument at fault when {@code aggregation} is -1
   *     ({@code timestamp_field}, {@code tiling_hop_size})
   * @param message names the view and, if any, the aggregation (by its output feature)
   */
  public record Violation(int aggregation, String argument, String message) {}

  private StreamViewRules() {}

  /** Every rule {@code view} breaks, in aggregation order; empty for plain feature views. */
  public static List<Violation> check(FeatureView view) {
    if (view.stream().isEmpty()) {
      return List.of();
    }
    StreamViewSpec stream = view.stream().get();
    List<Violation> violations = new ArrayList<>();
    String subject = "stream feature view '" + view.name() + "'";
    Map<String, Integer> outputs = new HashMap<>();
    for (int i = 0; i < stream.aggregations().size(); i++) {
      Aggregation aggregation = stream.aggregations().get(i);
      int index = i;
      String about = subject + ", aggregation '" + aggregation.featureName() + "': ";
      aggregationProblem(aggregation)
          .ifPresent(problem -> violations.add(new Violation(index, "", about + problem)));
      if (view.feature(aggregation.featureName()).isEmpty()) {
        violations.add(new Violation(i, "", about + "its output feature '" + aggregation.featureName()
            + "' is not in the view's schema; add Field(name=\"" + aggregation.featureName() + "\", dtype="
            + (aggregation.function().equals("count") ? "Int64" : "Float64")
            + ") to schema, or name= the aggregation after a schema field"));
      }
      Integer previous = outputs.putIfAbsent(aggregation.featureName(), i);
      if (previous != null) {
        violations.add(new Violation(i, "", about + "aggregations " + (previous + 1) + " and " + (i + 1)
            + " both write feature '" + aggregation.featureName() + "'; give one of them another name="));
      }
    }
    timestampProblem(view, stream).ifPresent(problem ->
        violations.add(new Violation(-1, "timestamp_field", subject + ": " + problem)));
    tilingProblem(stream).ifPresent(problem ->
        violations.add(new Violation(-1, "tiling_hop_size", subject + ": " + problem)));
    return violations;
  }

  /**
   * Throws the first violation of any stream feature view in {@code contents}.
   *
   * @throws FeatureStoreException INVALID_DEFINITION naming the view and aggregation
   */
  public static void requireValid(RepoContents contents) {
    for (FeatureView view : contents.featureViews()) {
      List<Violation> violations = check(view);
      if (!violations.isEmpty()) {
        throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION, violations.get(0).message());
      }
    }
  }

  private static Optional<String> aggregationProblem(Aggregation aggregation) {
    String function = aggregation.function();
    if (!Aggregation.SUPPORTED_FUNCTIONS.contains(function)) {
      String what = function.isEmpty() ? "it has no function" : function + " is not supported by this engine";
      return Optional.of(what + "; use one of " + String.join(", ", Aggregation.SUPPORTED_FUNCTIONS));
    }
    Duration window = aggregation.timeWindow();
    if (window.isZero()) {
      return Optional.of("it has no time_window (or a zero one); this engine computes windowed aggregations"
          + " only, e.g. time_window=timedelta(hours=1)");
    }
    if (window.isNegative()) {
      return Optional.of("time_window must be positive, got " + describe(window));
    }
    if (aggregation.slideInterval().isNegative()) {
      return Optional.of("slide_interval must be positive, got " + describe(aggregation.slideInterval()));
    }
    Duration hop = aggregation.hop();
    if (window.toNanos() % hop.toNanos() != 0) {
      return Optional.of("time_window " + describe(window) + " is not a whole multiple of slide_interval "
          + describe(hop) + "; windows start on slide boundaries, so the window must hold a whole number of them");
    }
    return Optional.empty();
  }

  private static Optional<String> timestampProblem(FeatureView view, StreamViewSpec stream) {
    if (stream.timestampField().isEmpty()) {
      if (stream.aggregations().isEmpty()) {
        return Optional.empty();
      }
      String sourceField = view.streamSource().map(DataSource::timestampField).orElse("");
      return Optional.of("it has aggregations but no timestamp_field; Feast requires the event-time column the"
          + " windows use" + (sourceField.isEmpty() ? "" : " (its stream source's is '" + sourceField + "')"));
    }
    Optional<DataSource> source = view.streamSource();
    Optional<List<String>> columns = source.flatMap(StreamViewRules::knownColumns);
    if (columns.isPresent() && !columns.get().contains(stream.timestampField())) {
      return Optional.of("timestamp_field '" + stream.timestampField() + "' names no column of "
          + source.get().kindName() + " '" + source.get().name() + "', whose schema_json has: "
          + String.join(", ", columns.get()));
    }
    return Optional.empty();
  }

  private static Optional<String> tilingProblem(StreamViewSpec stream) {
    if (!stream.enableTiling() || stream.aggregations().isEmpty()) {
      return Optional.empty();
    }
    Duration hop = stream.tilingHopSize().isZero() ? DEFAULT_TILING_HOP : stream.tilingHopSize();
    Optional<Duration> smallest = stream.aggregations().stream().map(Aggregation::timeWindow)
        .filter(w -> !w.isZero()).min(Duration::compareTo);
    if (smallest.isPresent() && hop.compareTo(smallest.get()) >= 0) {
      return Optional.of("tiling_hop_size (" + describe(hop) + ") must be smaller than the minimum aggregation"
          + " time_window (" + describe(smallest.get()) + "); Feast refuses larger hops, whose tiles give wrong results");
    }
    return Optional.empty();
  }

  /**
   * The columns of a Kafka source whose {@code JsonFormat(schema_json=...)} is Spark's DDL form
   * ({@code "user_id string, amount double"}), as Feast's Spark processor reads it; empty when the
   * columns are not known here.
   */
  static Optional<List<String>> knownColumns(DataSource source) {
    if (!(source.options() instanceof DataSource.KafkaOptions kafka) || !kafka.messageFormat().equals("json")) {
      return Optional.empty();
    }
    String schema = kafka.messageSchema().trim();
    if (schema.isEmpty() || schema.startsWith("{") || schema.startsWith("[")) {
      return Optional.empty();
    }
    List<String> columns = new ArrayList<>();
    for (String part : splitTopLevel(schema)) {
      String column = part.trim().split("[\\s:]", 2)[0].replace("`", "");
      if (!column.isEmpty()) {
        columns.add(column);
      }
    }
    return columns.isEmpty() ? Optional.empty() : Optional.of(columns);
  }

  private static List<String> splitTopLevel(String ddl) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < ddl.length(); i++) {
      char c = ddl.charAt(i);
      if (c == '<' || c == '(' || c == '[') {
        depth++;
      } else if (c == '>' || c == ')' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(ddl.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(ddl.substring(start));
    return parts;
  }

  /** "1h", "1h 30m", "90s" → "1m 30s", "250ms". */
  static String describe(Duration duration) {
    if (duration.isNegative()) {
      return "-" + describe(duration.negated());
    }
    long seconds = duration.getSeconds();
    List<String> parts = new ArrayList<>();
    long[] sizes = {86_400, 3600, 60, 1};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (seconds >= sizes[i]) {
        parts.add(seconds / sizes[i] + units[i]);
        seconds %= sizes[i];
      }
    }
    if (duration.getNano() > 0) {
      parts.add(duration.getNano() % 1_000_000 == 0 ? duration.getNano() / 1_000_000 + "ms" : duration.getNano() + "ns");
    }
    return parts.isEmpty() ? "0s" : String.join(" ", parts);
  }
}
