package dev.featurestore.benchmarks;

import java.util.Locale;

/**
 * {@code make test-performance}: a quick load-generator run checked against the product's service
 * levels (P95 below 40 ms over REST and 30 ms over gRPC for one entity and ten features, online
 * store hit rate above 90%). Exits 1 if any is missed; prints what it measured either way.
 */
public final class ServiceLevelCheck {
  static final double REST_P95_MS = 40;
  static final double GRPC_P95_MS = 30;
  static final double MIN_HIT_RATE = 0.90;

  private ServiceLevelCheck() {}

  public static void main(String[] args) throws Exception {
    LoadGenerator.Run run = LoadGenerator.run(LoadOptions.parse("--quick"));
    ScenarioResult scenario = run.results().get(0);
    double restP95 = scenario.mode(Mode.REST).micros(95) / 1000;
    double grpcP95 = scenario.mode(Mode.GRPC).micros(95) / 1000;
    boolean ok = check("REST P95 (" + scenario.name() + ")", restP95, "ms", restP95 < REST_P95_MS, "< " + REST_P95_MS)
        & check("gRPC P95 (" + scenario.name() + ")", grpcP95, "ms", grpcP95 < GRPC_P95_MS, "< " + GRPC_P95_MS)
        & check("online store hit rate", run.hitRate() * 100, "%", run.hitRate() > MIN_HIT_RATE, "> " + MIN_HIT_RATE * 100);
    System.out.println(ok ? "Service levels met." : "Service levels MISSED.");
    System.exit(ok ? 0 : 1);
  }

  private static boolean check(String what, double value, String unit, boolean met, String target) {
    System.out.printf(Locale.ROOT, "%-40s %10.3f %s  target %s %s  %s%n", what, value, unit, target, unit,
        met ? "met" : "MISSED");
    return met;
  }
}
