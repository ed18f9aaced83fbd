package dev.featurestore.core.registry;

/**
 * The kinds of object Feast's registries hold, in the order apply writes them (dependencies
 * first). Each kind is a table of Feast's SQL registry and a repeated field of the file registry's
 * {@code feast.core.Registry}.
 */
public enum RegistryObjectKind {
  PROJECT("Project"),
  DATA_SOURCE("DataSource"),
  ENTITY("Entity"),
  FEATURE_VIEW("FeatureView"),
  STREAM_FEATURE_VIEW("StreamFeatureView"),
  ON_DEMAND_FEATURE_VIEW("OnDemandFeatureView"),
  LABEL_VIEW("LabelView"),
  FEATURE_SERVICE("FeatureService"),
  SAVED_DATASET("SavedDataset"),
  VALIDATION_REFERENCE("ValidationReference"),
  PERMISSION("Permission");

  private final String feastName;

  RegistryObjectKind(String feastName) {
    this.feastName = feastName;
  }

  /** The Feast class name, as `feast plan` prints it. */
  public String feastName() {
    return feastName;
  }
}
