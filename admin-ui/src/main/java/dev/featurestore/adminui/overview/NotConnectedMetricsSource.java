package dev.featurestore.adminui.overview;

/** The metrics of a console with no online server beside it: none. */
public final class NotConnectedMetricsSource implements MetricsSource {

  @Override
  public boolean connected() {
    return false;
  }

  @Override
  public ServingReport report() {
    return ServingReport.EMPTY;
  }
}
