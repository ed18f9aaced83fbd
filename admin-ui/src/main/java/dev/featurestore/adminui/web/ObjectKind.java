package dev.featurestore.adminui.web;

import dev.featurestore.core.registry.RegistryObjectKind;
import java.util.Arrays;
import java.util.Optional;

/** The registry kinds the console browses, with their URL segment and display names. */
public enum ObjectKind {
  PROJECT(RegistryObjectKind.PROJECT, "projects", "Project", "Projects"),
  DATA_SOURCE(RegistryObjectKind.DATA_SOURCE, "data-sources", "Data source", "Data sources"),
  ENTITY(RegistryObjectKind.ENTITY, "entities", "Entity", "Entities"),
  FEATURE_VIEW(RegistryObjectKind.FEATURE_VIEW, "feature-views", "Feature view", "Feature views"),
  ON_DEMAND_FEATURE_VIEW(
      RegistryObjectKind.ON_DEMAND_FEATURE_VIEW, "on-demand-feature-views", "On-demand feature view", "On-demand feature views"),
  LABEL_VIEW(RegistryObjectKind.LABEL_VIEW, "label-views", "Label view", "Label views"),
  FEATURE_SERVICE(RegistryObjectKind.FEATURE_SERVICE, "feature-services", "Feature service", "Feature services");

  private final RegistryObjectKind registryKind;
  private final String slug;
  private final String label;
  private final String pluralLabel;

  ObjectKind(RegistryObjectKind registryKind, String slug, String label, String pluralLabel) {
    this.registryKind = registryKind;
    this.slug = slug;
    this.label = label;
    this.pluralLabel = pluralLabel;
  }

  public RegistryObjectKind registryKind() {
    return registryKind;
  }

  public String slug() {
    return slug;
  }

  public String label() {
    return label;
  }

  public String pluralLabel() {
    return pluralLabel;
  }

  /**
   * Whether registry objects of {@code kind} are shown as this console kind: stream feature views
   * are feature views here.
   */
  public boolean includes(RegistryObjectKind kind) {
    return kind == registryKind
        || (this == FEATURE_VIEW && kind == RegistryObjectKind.STREAM_FEATURE_VIEW);
  }

  public static Optional<ObjectKind> fromSlug(String slug) {
    return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
  }

  public static Optional<ObjectKind> of(RegistryObjectKind kind) {
    return Arrays.stream(values()).filter(k -> k.includes(kind)).findFirst();
  }
}
