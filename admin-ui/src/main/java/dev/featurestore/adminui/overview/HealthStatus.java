package dev.featurestore.adminui.overview;

/** How a component of the deployment is doing, as the overview shows it. */
public enum HealthStatus {
  UP("up"),
  DEGRADED("degraded"),
  DOWN("down"),
  /** The component exists but has not reported to the console. */
  UNKNOWN("unknown"),
  /** Nothing is wired into the console for this component. */
  NOT_CONNECTED("not connected");

  private final String label;

  HealthStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The CSS class suffix of the status badge. */
  public String cssClass() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
