package dev.featurestore.registry.repo;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.error.SourceLocation;
import dev.featurestore.core.model.Aggregation;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.StreamViewSpec;
import dev.featurestore.registry.apply.StreamViewRules;
import dev.featurestore.registry.repo.FeastObjects.FeatureViewObject;
import dev.featurestore.registry.repo.FeastObjects.SourceObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code StreamFeatureView}, {@code Aggregation}, {@code TransformationMode} and the
 * {@code @stream_feature_view} decorator (Feast's {@code stream_feature_view.py}, {@code
 * aggregation/__init__.py}, {@code transformation/mode.py}). A stream feature view is a feature
 * view with a {@link StreamViewSpec}; its source must be a stream source. User-defined functions
 * cannot run here, so {@code udf=}, {@code feature_transformation=} and the decorator (which makes
 * its function the udf) are refused. Views are checked against {@link StreamViewRules} as they are
 * built, so errors point at the offending {@code Aggregation(...)} or argument.
 */
final class StreamViewConstructors {

  /** Feast's default {@code mode} of {@code StreamFeatureView} ({@code TransformationMode.PYTHON}). */
  static final String DEFAULT_MODE = "python";

  /** An {@code Aggregation(...)} and where it was written. */
  record AggregationObject(Aggregation aggregation, SourceLocation location) {
    AggregationObject {
      requireNonNull(aggregation, "aggregation is null");
    }
  }

  /** What {@code @stream_feature_view(...)} returns; applying it to a function is refused. */
  record StreamDecorator(BoundArguments arguments) {}

  private final ViewConstructors views;
  private final Consumer<RepoWarning> warnings;

  StreamViewConstructors(ViewConstructors views, Consumer<RepoWarning> warnings) {
    this.views = requireNonNull(views, "views is null");
    this.warnings = requireNonNull(warnings, "warnings is null");
  }

  void register(Map<String, Object> names) {
    names.put("StreamFeatureView", new Builtin(Signature.keywordOnly("StreamFeatureView", "name!", "source!",
        "sink_source", "entities", "ttl", "tags", "online", "offline", "description", "owner", "org", "schema",
        "aggregations", "mode", "timestamp_field", "udf", "udf_string", "feature_transformation", "stream_engine",
        "enable_tiling", "tiling_hop_size", "enable_validation", "version"), this::streamFeatureView));
    names.put("Aggregation", new Builtin(Signature.positional("Aggregation", "column", "function", "time_window",
        "slide_interval", "name"), StreamViewConstructors::aggregation));
    names.put("stream_feature_view", new Builtin(Signature.keywordOnly("stream_feature_view", "entities", "ttl",
        "tags", "online", "description", "owner", "org", "schema", "source", "aggregations", "mode",
        "timestamp_field", "enable_validation", "version"), StreamDecorator::new));
    names.put("TransformationMode", transformationModes());
  }

  /** Feast's {@code Aggregation.__init__}: a missing slide is the window ("tumbling", stored as zero here). */
  private static Object aggregation(BoundArguments args) {
    Duration window = args.duration("time_window").orElse(Duration.ZERO);
    Duration slide = args.duration("slide_interval").filter(d -> !d.isZero()).orElse(window);
    Aggregation aggregation = new Aggregation(args.string("column", ""), args.string("function", ""), window,
        slide.equals(window) ? Duration.ZERO : slide, args.string("name", ""));
    return new AggregationObject(aggregation, args.callLocation());
  }

  private Object streamFeatureView(BoundArguments args) {
    String name = Names.viewName(args, "StreamFeatureView");
    refuseTransformation(args, name, "udf");
    refuseTransformation(args, name, "feature_transformation");
    SourceObject source = streamSource(args, name);
    if (args.has("stream_engine")) {
      warnings.accept(new RepoWarning(args.locationOf("stream_engine"), "stream_engine of stream feature view '"
          + name + "' is ignored here; the materializer's streaming settings in feature_store.yaml apply"));
    }
    List<AggregationObject> aggregations = args.listOf("aggregations", AggregationObject.class, "Aggregation");
    StreamViewSpec spec = new StreamViewSpec(args.string("mode", DEFAULT_MODE), args.string("timestamp_field", ""),
        aggregations.stream().map(AggregationObject::aggregation).toList(), args.bool("enable_tiling", false),
        args.duration("tiling_hop_size").orElse(Duration.ZERO));
    FeatureViewObject view = views.view(args, "stream feature view", name, source, Optional.of(spec));
    for (StreamViewRules.Violation violation : StreamViewRules.check(view.view)) {
      SourceLocation at = violation.aggregation() >= 0
          ? aggregations.get(violation.aggregation()).location()
          : args.locationOf(violation.argument());
      throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION, at, violation.message());
    }
    return view;
  }

  private static void refuseTransformation(BoundArguments args, String name, String argument) {
    if (args.has(argument)) {
      throw new FeatureStoreException(ErrorCode.UNSUPPORTED_CONSTRUCT, args.locationOf(argument),
          "stream feature view '" + name + "' has a " + argument + "=, a Python transformation, which cannot run"
              + " here; remove it and compute features with aggregations=[Aggregation(...)], or let the stream's"
              + " rows be written as they arrive");
    }
  }

  /** Feast accepts KafkaSource, PushSource or a custom source; ours is PostgresCdcSource. */
  private static SourceObject streamSource(BoundArguments args, String name) {
    Object raw = args.raw("source");
    if (raw instanceof FeatureViewObject || raw instanceof List) {
      throw new FeatureStoreException(ErrorCode.UNSUPPORTED_CONSTRUCT, args.locationOf("source"),
          "stream feature view '" + name + "' is derived from other feature views; derived views are not supported here");
    }
    SourceObject source = args.get("source", SourceObject.class, "a data source");
    DataSource.Options options = source.source.options();
    boolean stream = options instanceof DataSource.KafkaOptions || options instanceof DataSource.PushOptions
        || options instanceof DataSource.PostgresCdcOptions;
    if (!stream) {
      throw args.invalid("source", "stream feature view '" + name + "' needs a stream source (KafkaSource,"
          + " PushSource or PostgresCdcSource), but " + source.kind() + " '" + source.name() + "' is not one");
    }
    if (source.batchSource == null) {
      throw args.invalid("source", "stream source '" + source.name() + "' of stream feature view '" + name
          + "' needs a batch_source");
    }
    return source;
  }

  /** Feast's {@code TransformationMode} enum; its members are the strings Feast stores as {@code mode}. */
  private static EnumClass transformationModes() {
    Map<String, Object> members = new LinkedHashMap<>();
    for (String mode : List.of("python", "pandas", "spark_sql", "spark", "flink", "ray", "sql", "substrait")) {
      members.put(mode.toUpperCase(java.util.Locale.ROOT), mode);
    }
    return new EnumClass("TransformationMode", members);
  }
}
