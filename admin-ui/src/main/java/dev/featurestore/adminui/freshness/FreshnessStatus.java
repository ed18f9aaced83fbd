package dev.featurestore.adminui.freshness;

/** How fresh a feature view's online data is, most urgent first. */
public enum FreshnessStatus {
  /** Older than the view's TTL: the online server answers OUTSIDE_MAX_AGE. */
  EXPIRED("expired", "critical"),
  /** Online, but nothing was ever materialized. */
  NEVER_MATERIALIZED("never materialized", "warning"),
  /** Older than the console's warning threshold. */
  STALE("stale", "warning"),
  FRESH("fresh", "ok"),
  /** Not served online, so not materialized. */
  OFFLINE_ONLY("offline only", "muted");

  private final String label;
  private final String cssClass;

  FreshnessStatus(String label, String cssClass) {
    this.label = label;
    this.cssClass = cssClass;
  }

  public String label() {
    return label;
  }

  public String cssClass() {
    return cssClass;
  }
}
