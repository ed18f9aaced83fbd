package dev.featurestore.registry.repo;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.error.SourceLocation;
import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.Project;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.registry.repo.FeastObjects.EntityObject;
import dev.featurestore.registry.repo.FeastObjects.FeatureServiceObject;
import dev.featurestore.registry.repo.FeastObjects.FeatureViewObject;
import dev.featurestore.registry.repo.FeastObjects.LabelViewObject;
import dev.featurestore.registry.repo.FeastObjects.OnDemandObject;
import dev.featurestore.registry.repo.FeastObjects.ProjectObject;
import dev.featurestore.registry.repo.FeastObjects.SourceObject;
import dev.featurestore.registry.repo.FeastObjects.ViewObject;
import dev.featurestore.registry.repo.FeastObjects.ViewReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Collects the Feast objects bound to module-level names into {@link RepoContents} the way
 * Feast's {@code repo_operations.parse_repo} does (each object once, by identity; sources used by
 * views and the batch sources of stream sources too; the {@code __dummy} entity last) and checks
 * what Feast checks at apply: one project matching feature_store.yaml, unique names (views and
 * sources case-insensitively), views used by services and on-demand views registered.
 */
final class RepoAssembler {
  private final List<ProjectObject> projects = new ArrayList<>();
  private final List<EntityObject> entities = new ArrayList<>();
  private final List<SourceObject> sources = new ArrayList<>();
  private final List<FeatureViewObject> views = new ArrayList<>();
  private final List<OnDemandObject> onDemandViews = new ArrayList<>();
  private final List<FeatureServiceObject> services = new ArrayList<>();
  private final List<LabelViewObject> labelViews = new ArrayList<>();

  /** Registers a module's objects in {@code dir(module)} order: names sorted. */
  void addModule(Map<String, Object> namespace) {
    for (Object value : new TreeMap<>(namespace).values()) {
      add(value);
    }
  }

  private void add(Object value) {
    if (value instanceof SourceObject source) {
      addSource(source);
    } else if (value instanceof FeatureViewObject view && addOnce(views, view)) {
      addSource(view.source.batchSource != null ? view.source.batchSource : view.source);
      if (view.source.batchSource != null) {
        addSource(view.source);
      }
    } else if (value instanceof EntityObject entity) {
      addOnce(entities, entity);
    } else if (value instanceof FeatureServiceObject service) {
      addOnce(services, service);
    } else if (value instanceof OnDemandObject view) {
      addOnce(onDemandViews, view);
    } else if (value instanceof LabelViewObject view && addOnce(labelViews, view)) {
      addSource(view.source);
      if (view.source.batchSource != null) {
        addSource(view.source.batchSource);
      }
    } else if (value instanceof ProjectObject project) {
      addOnce(projects, project);
    }
  }

  private void addSource(SourceObject source) {
    if (addOnce(sources, source) && source.batchSource != null) {
      addOnce(sources, source.batchSource);
    }
  }

  private static <T> boolean addOnce(List<T> list, T object) {
    for (T existing : list) {
      if (existing == object) {
        return false;
      }
    }
    list.add(object);
    return true;
  }

  LoadedRepo build(String yamlProject, List<RepoWarning> warnings) {
    Project project = project(yamlProject);
    checkUnique(entities, "entity", FeastObject::name);
    checkUnique(sources, "data source", s -> s.name().toLowerCase(Locale.ROOT));
    List<ViewObject> allViews = new ArrayList<>(views);
    allViews.addAll(onDemandViews);
    allViews.addAll(labelViews);
    checkUnique(allViews, "feature view", v -> v.name().toLowerCase(Locale.ROOT));
    checkUnique(services, "feature service", FeastObject::name);
    for (FeatureServiceObject service : services) {
      checkRegistered(service.views, "feature service '" + service.name() + "'", allViews);
    }
    for (OnDemandObject view : onDemandViews) {
      checkRegistered(view.sourceViews, "on-demand feature view '" + view.name() + "'", allViews);
    }
    List<Entity> entityModels = new ArrayList<>(entities.stream().map(e -> e.entity).toList());
    entityModels.add(new Entity(ViewConstructors.DUMMY_ENTITY_NAME, ViewConstructors.DUMMY_ENTITY_ID,
        Optional.empty(), Metadata.EMPTY));
    RepoContents contents = new RepoContents(project, entityModels,
        sources.stream().map(s -> s.source).toList(),
        views.stream().map(v -> v.view).toList(),
        onDemandViews.stream().map(v -> v.view).toList(),
        services.stream().map(s -> s.service).toList(),
        labelViews.stream().map(v -> v.view).toList());
    List<EntityColumnToInfer> toInfer = views.stream().flatMap(v -> v.uninferred.stream()).toList();
    return new LoadedRepo(contents, warnings, toInfer);
  }

  private Project project(String yamlProject) {
    if (projects.size() > 1) {
      throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION, projects.get(1).location(),
          "more than one Project is defined (" + projects.get(0).name() + " at " + projects.get(0).location()
              + " and " + projects.get(1).name() + "); a repository defines at most one project");
    }
    if (projects.isEmpty()) {
      if (!Names.isValidProjectName(yamlProject)) {
        throw new FeatureStoreException(ErrorCode.INVALID_CONFIG, "invalid project name '" + yamlProject
            + "' in feature_store.yaml: use letters, digits, underscores and hyphens, not starting with an underscore or hyphen");
      }
      return new Project(yamlProject, Metadata.EMPTY);
    }
    ProjectObject defined = projects.get(0);
    if (!defined.name().equals(yamlProject)) {
      throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION, defined.location(),
          "Project '" + defined.name() + "' does not match project '" + yamlProject + "' in feature_store.yaml");
    }
    return defined.project;
  }

  private static <T extends FeastObject> void checkUnique(List<T> objects, String kind, Function<T, String> key) {
    Map<String, T> seen = new HashMap<>();
    for (T object : objects) {
      T previous = seen.putIfAbsent(key.apply(object), object);
      if (previous != null) {
        String names = previous.name().equals(object.name()) ? "'" + object.name() + "'"
            : "'" + previous.name() + "' and '" + object.name() + "' (names are compared ignoring case)";
        throw new FeatureStoreException(ErrorCode.DUPLICATE_NAME, object.location(), "duplicate " + kind + " name "
            + names + ": defined at " + previous.location() + " and at " + object.location());
      }
    }
  }

  private static void checkRegistered(List<ViewReference> references, String user, List<ViewObject> registered) {
    for (ViewReference reference : references) {
      boolean known = registered.stream().anyMatch(v -> v.name().equals(reference.view().name()));
      if (!known) {
        SourceLocation at = reference.location();
        throw new FeatureStoreException(ErrorCode.UNKNOWN_REFERENCE, at, user + " uses " + reference.view().kind()
            + " '" + reference.view().name() + "', which is not assigned to a module-level name in any repository"
            + " file, so Feast would not register it");
      }
    }
  }
}
