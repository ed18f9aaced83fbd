package dev.featurestore.adminui;

import static java.util.Objects.requireNonNull;

import dev.featurestore.adminui.jobs.JobsBackend;
import dev.featurestore.adminui.jobs.NotConnectedJobsBackend;
import dev.featurestore.adminui.lookup.LookupBackend;
import dev.featurestore.adminui.lookup.NotConnectedLookupBackend;
import dev.featurestore.adminui.overview.AlertSource;
import dev.featurestore.adminui.overview.MetricsSource;
import dev.featurestore.adminui.overview.NotConnectedMetricsSource;
import dev.featurestore.adminui.overview.OverviewProbe;
import dev.featurestore.adminui.streams.NotConnectedStreamsBackend;
import dev.featurestore.adminui.streams.StreamsBackend;
import java.util.List;

/**
 * The parts of a deployment the console shows but does not own, plugged in by whoever starts it
 * (the CLI). Anything left out shows as "not connected".
 *
 * @param probes health probes; one named like a default component ("Online store", "Offline
 *     store", "Online server", "Scheduler") replaces it
 * @param alertSources extra alerts beside the console's own (registry refresh, stale views, failed
 *     jobs, service levels)
 * @param metrics the online server's serving figures for the overview
 * @param streams the stream engine's streams, for the streams page and its alerts
 */
public record ConsoleBackends(
    List<OverviewProbe> probes, List<AlertSource> alertSources, JobsBackend jobs, LookupBackend lookup,
    MetricsSource metrics, StreamsBackend streams) {
  public ConsoleBackends {
    probes = List.copyOf(probes);
    alertSources = List.copyOf(alertSources);
    requireNonNull(jobs, "jobs is null");
    requireNonNull(lookup, "lookup is null");
    requireNonNull(metrics, "metrics is null");
    requireNonNull(streams, "streams is null");
  }

  /** Backends without a stream engine. */
  public ConsoleBackends(
      List<OverviewProbe> probes, List<AlertSource> alertSources, JobsBackend jobs, LookupBackend lookup,
      MetricsSource metrics) {
    this(probes, alertSources, jobs, lookup, metrics, new NotConnectedStreamsBackend());
  }

  /** Backends without serving metrics. */
  public ConsoleBackends(
      List<OverviewProbe> probes, List<AlertSource> alertSources, JobsBackend jobs, LookupBackend lookup) {
    this(probes, alertSources, jobs, lookup, new NotConnectedMetricsSource());
  }

  public static ConsoleBackends notConnected() {
    return new ConsoleBackends(List.of(), List.of(), new NotConnectedJobsBackend(), new NotConnectedLookupBackend());
  }
}
