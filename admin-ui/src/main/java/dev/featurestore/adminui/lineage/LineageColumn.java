package dev.featurestore.adminui.lineage;

/** The columns of the lineage diagram, left (where data comes from) to right (who reads it). */
enum LineageColumn {
  BATCH_SOURCES("Batch sources"),
  OTHER_SOURCES("Push, stream and request sources"),
  VIEWS("Feature and label views"),
  ON_DEMAND_VIEWS("On-demand views"),
  SERVICES("Feature services");

  private final String title;

  LineageColumn(String title) {
    this.title = title;
  }

  String title() {
    return title;
  }
}
