package dev.featurestore.registry.repo;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.SourceLocation;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.FeatureService;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.FeatureViewProjection;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.LabelView;
import dev.featurestore.core.model.OnDemandFeatureView;
import dev.featurestore.core.model.Project;
import java.util.List;
import java.util.Optional;

/** The Feast objects a repository creates, each wrapping its model record. */
final class FeastObjects {
  private FeastObjects() {}

  static final class ProjectObject extends FeastObject {
    final Project project;

    ProjectObject(Project project, SourceLocation location) {
      super(location);
      this.project = requireNonNull(project, "project is null");
    }

    @Override
    String kind() {
      return "Project";
    }

    @Override
    String name() {
      return project.name();
    }
  }

  static final class EntityObject extends FeastObject {
    final Entity entity;

    EntityObject(Entity entity, SourceLocation location) {
      super(location);
      this.entity = requireNonNull(entity, "entity is null");
    }

    @Override
    String kind() {
      return "Entity";
    }

    @Override
    String name() {
      return entity.name();
    }
  }

  /** A data source; {@code batchSource} is the wrapped batch source of a push, Kafka or CDC source. */
  static final class SourceObject extends FeastObject {
    final DataSource source;
    final SourceObject batchSource;

    SourceObject(DataSource source, SourceObject batchSource, SourceLocation location) {
      super(location);
      this.source = requireNonNull(source, "source is null");
      this.batchSource = batchSource;
    }

    @Override
    String kind() {
      return source.kindName();
    }

    @Override
    String name() {
      return source.name();
    }
  }

  /** Anything that can be projected: feature views, on-demand views, label views. */
  abstract static class ViewObject extends FeastObject {
    ViewObject(SourceLocation location) {
      super(location);
    }

    abstract List<Field> features();

    FeatureViewProjection projection() {
      return new FeatureViewProjection(name(), "", features(), null);
    }
  }

  static final class FeatureViewObject extends ViewObject {
    final FeatureView view;
    final SourceObject source;
    /** Join keys whose type must come from the source's columns (no field, no value_type). */
    final List<EntityColumnToInfer> uninferred;

    FeatureViewObject(FeatureView view, SourceObject source, List<EntityColumnToInfer> uninferred, SourceLocation location) {
      super(location);
      this.view = requireNonNull(view, "view is null");
      this.source = requireNonNull(source, "source is null");
      this.uninferred = List.copyOf(uninferred);
    }

    @Override
    String kind() {
      return view.isStreamFeatureView() ? "StreamFeatureView" : "FeatureView";
    }

    @Override
    String name() {
      return view.name();
    }

    @Override
    List<Field> features() {
      return view.features();
    }
  }

  static final class OnDemandObject extends ViewObject {
    final OnDemandFeatureView view;
    final List<ViewReference> sourceViews;

    OnDemandObject(OnDemandFeatureView view, List<ViewReference> sourceViews, SourceLocation location) {
      super(location);
      this.view = requireNonNull(view, "view is null");
      this.sourceViews = List.copyOf(sourceViews);
    }

    @Override
    String kind() {
      return "OnDemandFeatureView";
    }

    @Override
    String name() {
      return view.name();
    }

    @Override
    List<Field> features() {
      return view.features();
    }
  }

  static final class LabelViewObject extends ViewObject {
    final LabelView view;
    final SourceObject source;

    LabelViewObject(LabelView view, SourceObject source, SourceLocation location) {
      super(location);
      this.view = requireNonNull(view, "view is null");
      this.source = requireNonNull(source, "source is null");
    }

    @Override
    String kind() {
      return "LabelView";
    }

    @Override
    String name() {
      return view.name();
    }

    @Override
    List<Field> features() {
      return view.features();
    }
  }

  /** {@code view[["a"]]}, {@code view.with_name("x")}...: a projection and the view it came from. */
  static final class ProjectionObject extends FeastObject {
    final ViewObject view;
    final FeatureViewProjection projection;

    ProjectionObject(ViewObject view, FeatureViewProjection projection, SourceLocation location) {
      super(location);
      this.view = requireNonNull(view, "view is null");
      this.projection = requireNonNull(projection, "projection is null");
    }

    @Override
    String kind() {
      return view.kind();
    }

    @Override
    String name() {
      return view.name();
    }
  }

  /** A view used by a service or on-demand view, and where it was written. */
  record ViewReference(ViewObject view, FeatureViewProjection projection, SourceLocation location) {}

  static final class FeatureServiceObject extends FeastObject {
    final FeatureService service;
    final List<ViewReference> views;

    FeatureServiceObject(FeatureService service, List<ViewReference> views, SourceLocation location) {
      super(location);
      this.service = requireNonNull(service, "service is null");
      this.views = List.copyOf(views);
    }

    @Override
    String kind() {
      return "FeatureService";
    }

    @Override
    String name() {
      return service.name();
    }
  }

  static Optional<ViewObject> asView(Object value) {
    return value instanceof ViewObject view ? Optional.of(view) : Optional.empty();
  }
}
