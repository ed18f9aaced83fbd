package dev.featurestore.adminui.overview;

import static java.util.Objects.requireNonNull;

/** The probe of a component nobody wired into the console: always "not connected". */
public record NotConnectedProbe(String component, String detail) implements OverviewProbe {
  public NotConnectedProbe {
    requireNonNull(component, "component is null");
    requireNonNull(detail, "detail is null");
  }

  @Override
  public ComponentHealth check() {
    return ComponentHealth.notConnected(component, detail);
  }
}
