package dev.featurestore.adminui.overview;

/**
 * Serving figures of the online server for the overview page: request and error rates, latency
 * percentiles per protocol and online store hit rates over the last minutes. Whoever runs the
 * server next to the console (the CLI's {@code up}) implements it; until then {@link
 * NotConnectedMetricsSource} answers.
 *
 * <p>{@link #report} is called on every overview request from a worker thread: it must be fast
 * (read figures kept up to date elsewhere), thread-safe and must not throw.
 */
public interface MetricsSource {

  /** False when no server is wired in; the page then says so. */
  boolean connected();

  ServingReport report();
}
