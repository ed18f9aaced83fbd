package dev.featurestore.registry.repo;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.error.SourceLocation;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureService;
import dev.featurestore.core.model.FeatureViewProjection;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.OnDemandFeatureView;
import dev.featurestore.registry.python.Stmt;
import dev.featurestore.registry.repo.FeastObjects.FeatureServiceObject;
import dev.featurestore.registry.repo.FeastObjects.OnDemandObject;
import dev.featurestore.registry.repo.FeastObjects.ProjectionObject;
import dev.featurestore.registry.repo.FeastObjects.SourceObject;
import dev.featurestore.registry.repo.FeastObjects.ViewObject;
import dev.featurestore.registry.repo.FeastObjects.ViewReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code FeatureService} with its logging config, and {@code @on_demand_feature_view} (Feast's
 * {@code feature_service.py}, {@code feature_logging.py}, {@code on_demand_feature_view.py}).
 */
final class ServiceConstructors {
  /** What {@code @on_demand_feature_view(...)} returns: arguments waiting for the function. */
  record OnDemandDecorator(BoundArguments arguments) {}

  private final Consumer<RepoWarning> warnings;

  ServiceConstructors(Consumer<RepoWarning> warnings) {
    this.warnings = warnings;
  }

  void register(Map<String, Object> names) {
    names.put("FeatureService", new Builtin(Signature.keywordOnly("FeatureService", "name!", "features!", "tags",
        "description", "owner", "logging_config", "precompute_online"), ServiceConstructors::featureService));
    names.put("LoggingConfig", new Builtin(Signature.positional("LoggingConfig", "destination!", "sample_rate"),
        args -> new FeatureService.LoggingConfig(args.number("sample_rate", 1.0),
            args.get("destination", FeatureService.FileLoggingDestination.class, "FileLoggingDestination"))));
    names.put("FileLoggingDestination", new Builtin(Signature.keywordOnly("FileLoggingDestination", "path!",
        "s3_endpoint_override", "partition_by"),
        args -> new FeatureService.FileLoggingDestination(args.string("path", ""),
            args.string("s3_endpoint_override", ""), args.listOf("partition_by", String.class, "str"))));
    names.put("on_demand_feature_view", new Builtin(Signature.keywordOnly("on_demand_feature_view", "name",
        "entities", "schema!", "sources", "input_schema", "aggregations", "mode", "description", "tags", "owner",
        "org", "write_to_online_store", "singleton", "track_metrics", "explode", "version"), OnDemandDecorator::new));
  }

  /** A view or projection as an element of {@code features=} or {@code sources=}; empty otherwise. */
  static Optional<ViewReference> reference(Object element, SourceLocation fallback) {
    if (element instanceof ViewObject view) {
      return Optional.of(new ViewReference(view, view.projection(), fallback));
    }
    if (element instanceof ProjectionObject projection) {
      return Optional.of(new ViewReference(projection.view, projection.projection, projection.location()));
    }
    return Optional.empty();
  }

  private static Object featureService(BoundArguments args) {
    String name = Names.required(args, "FeatureService");
    List<ViewReference> views = new ArrayList<>();
    for (Object element : args.list("features")) {
      views.add(reference(element, args.locationOf("features")).orElseThrow(() -> args.invalid("features",
          "features of feature service '" + name + "' must be feature views or projections of them, not "
              + PyTypes.repr(element))));
    }
    Optional<FeatureService.LoggingConfig> logging =
        args.optional("logging_config", FeatureService.LoggingConfig.class, "LoggingConfig");
    FeatureService service = new FeatureService(name,
        views.stream().map(ViewReference::projection).toList(), logging, args.metadata());
    return new FeatureServiceObject(service, views, args.callLocation());
  }

  /** Applies a decorator to {@code def}: the on-demand view, registered with a warning. */
  OnDemandObject onDemandView(OnDemandDecorator decorator, Stmt.FunctionDef function) {
    BoundArguments args = decorator.arguments();
    String name = args.has("name") ? Names.viewName(args, "OnDemandFeatureView") : function.name();
    List<ViewReference> sourceViews = new ArrayList<>();
    List<DataSource> requestSources = new ArrayList<>();
    for (Object element : args.list("sources")) {
      Optional<ViewReference> reference = reference(element, args.locationOf("sources"));
      if (reference.isPresent()) {
        sourceViews.add(reference.get());
      } else if (element instanceof SourceObject source && source.source.options() instanceof DataSource.RequestOptions) {
        requestSources.add(source.source);
      } else {
        throw args.invalid("sources", "sources of on-demand feature view '" + name
            + "' must be feature views, projections or request sources, not " + PyTypes.repr(element));
      }
    }
    String mode = args.string("mode", "pandas");
    if (!Set.of("pandas", "python").contains(mode)) {
      throw args.invalid("mode", "mode of on-demand feature view '" + name + "' must be 'pandas' or 'python', not '"
          + mode + "'");
    }
    List<Field> features = args.listOf("schema", Field.class, "Field");
    if (features.isEmpty()) {
      throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION, args.locationOf("schema"),
          "on-demand feature view '" + name + "' needs at least one field in its schema");
    }
    OnDemandFeatureView view = new OnDemandFeatureView(name, features,
        sourceViews.stream().map(ViewReference::projection).toList(), requestSources, mode, function.name(),
        function.sourceText(), args.bool("write_to_online_store", false), args.metadata());
    warnings.accept(new RepoWarning(function.location(), "on-demand feature view '" + name
        + "': its Python transformation cannot run here; it is registered but cannot be served"));
    return new OnDemandObject(view, sourceViews, function.location());
  }

  /** {@code view.with_name(...)}, {@code view.with_join_key_map(...)} and {@code view[[...]]}. */
  static final class Projections {
    private Projections() {}

    static Optional<Object> method(FeastObject target, String attribute) {
      ViewObject view;
      FeatureViewProjection base;
      if (target instanceof ViewObject v) {
        view = v;
        base = v.projection();
      } else if (target instanceof ProjectionObject p) {
        view = p.view;
        base = p.projection;
      } else {
        return Optional.empty();
      }
      return switch (attribute) {
        case "with_name" -> Optional.of(new Builtin(Signature.positional("with_name", "name!"), args ->
            new ProjectionObject(view, new FeatureViewProjection(base.featureViewName(), args.string("name", ""),
                base.features(), base.joinKeyMap()), args.callLocation())));
        case "with_join_key_map" -> Optional.of(new Builtin(Signature.positional("with_join_key_map",
            "join_key_map!"), args -> new ProjectionObject(view, new FeatureViewProjection(base.featureViewName(),
                base.alias(), base.features(), args.stringMap("join_key_map")), args.callLocation())));
        default -> Optional.empty();
      };
    }

    /** {@code view[["a", "b"]]}: the named features, which the view must have. */
    static ProjectionObject select(FeastObject target, Object index, SourceLocation location) {
      ViewObject view = target instanceof ProjectionObject p ? p.view : (ViewObject) target;
      FeatureViewProjection base = target instanceof ProjectionObject p ? p.projection : view.projection();
      if (!(index instanceof List<?> names)) {
        throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, location,
            "select features of " + view.kind() + " '" + view.name() + "' with a list of names, e.g. view[[\"f1\"]]");
      }
      List<Field> selected = new ArrayList<>();
      for (Object name : names) {
        Optional<Field> feature = view.features().stream().filter(f -> f.name().equals(name)).findFirst();
        if (feature.isEmpty()) {
          throw new FeatureStoreException(ErrorCode.UNKNOWN_REFERENCE, location,
              view.kind() + " '" + view.name() + "' has no feature " + PyTypes.repr(name) + "; its features are: "
                  + String.join(", ", view.features().stream().map(Field::name).toList()));
        }
        selected.add(feature.get());
      }
      return new ProjectionObject(view,
          new FeatureViewProjection(base.featureViewName(), base.alias(), selected, base.joinKeyMap()), location);
    }
  }
}
