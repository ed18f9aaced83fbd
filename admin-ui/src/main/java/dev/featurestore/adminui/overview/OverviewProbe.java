package dev.featurestore.adminui.overview;

/**
 * Reports the health of one component on the console's overview page. Modules that run next to
 * the console (online store, offline store, online server, materializer scheduler) implement it
 * and are handed to {@link dev.featurestore.adminui.AdminConsole#start} through {@link
 * dev.featurestore.adminui.ConsoleBackends}.
 *
 * <p>{@link #check} is called on every overview request, from a worker thread (never the event
 * loop), so it may block briefly; it should answer within a few hundred milliseconds (return a
 * cached result if a real check is slower), must not throw (report {@link HealthStatus#DOWN} with
 * the reason instead) and must be thread-safe.
 */
public interface OverviewProbe {

  /** The component's display name; a probe replaces the default probe of the same name. */
  String component();

  ComponentHealth check();
}
