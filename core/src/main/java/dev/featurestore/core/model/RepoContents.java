package dev.featurestore.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Every object a feature repository (or a registry project) defines. Data sources include those
 * only referenced by views, as Feast registers them.
 */
public record RepoContents(
    Project project,
    List<Entity> entities,
    List<DataSource> dataSources,
    List<FeatureView> featureViews,
    List<OnDemandFeatureView> onDemandFeatureViews,
    List<FeatureService> featureServices,
    List<LabelView> labelViews) {

  public RepoContents {
    requireNonNull(project, "project is null");
    entities = List.copyOf(entities);
    dataSources = List.copyOf(dataSources);
    featureViews = List.copyOf(featureViews);
    onDemandFeatureViews = List.copyOf(onDemandFeatureViews);
    featureServices = List.copyOf(featureServices);
    labelViews = List.copyOf(labelViews);
  }

  public static RepoContents empty(String project) {
    return new RepoContents(
        new Project(project, Metadata.EMPTY), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  public Optional<Entity> entity(String name) {
    return entities.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  public Optional<FeatureView> featureView(String name) {
    return featureViews.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  public Optional<FeatureService> featureService(String name) {
    return featureServices.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public Optional<DataSource> dataSource(String name) {
    return dataSources.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public Optional<OnDemandFeatureView> onDemandFeatureView(String name) {
    return onDemandFeatureViews.stream().filter(v -> v.name().equals(name)).findFirst();
  }
}
