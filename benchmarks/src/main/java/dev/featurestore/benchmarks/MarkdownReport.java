package dev.featurestore.benchmarks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders the run as markdown: machine, latency table, targets, CPU per call by role, profile. */
final class MarkdownReport {
  private MarkdownReport() {}

  /** One target: a measured ratio against its limit. */
  record Check(String scenario, String what, double measured, double reference, double limit) {
    double ratio() {
      return measured / reference;
    }

    boolean met() {
      return ratio() <= limit;
    }
  }

  static String render(LoadOptions options, MachineInfo before, MachineInfo after, LoopOverhead overhead,
      List<ScenarioResult> results, String profile) {
    StringBuilder md = new StringBuilder();
    md.append("Run ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(": ")
        .append(options.entities()).append(" entities; per scenario ").append(options.warmup().toMillis())
        .append(" ms warm-up per mode, ").append(options.rounds()).append(" rounds of ")
        .append(options.slice().toMillis()).append(" ms slices per mode (req/s, CPU), then ");
    if (options.externalGrpc().isPresent()) {
      md.append("no interleaved run: each server's latencies come from its own slices, so the two servers are"
          + " never loaded at the same time.\n\n");
    } else {
      md.append(options.interleave().toMillis()).append(" ms alternating the modes call by call (latencies;"
          + " the saturation scenario's come from its slices).\n\n");
    }
    md.append("Machine: ").append(before.cores()).append(" cores, ").append(before.cpuModel()).append(", ")
        .append(before.memory()).append(" RAM, ").append(before.jdk()).append(". Load average before ")
        .append(before.loadAverage()).append(", after ").append(after.loadAverage()).append(".\n\n");
    latencies(md, results);
    if (results.stream().anyMatch(scenario -> scenario.modes().containsKey(Mode.EXTERNAL_GRPC))) {
      comparison(md, results);
    } else {
      targets(md, results);
    }
    cpu(md, results, overhead);
    if (!profile.isEmpty()) {
      md.append("### Profile\n\n").append(profile).append('\n');
    }
    return md.toString();
  }

  private static void latencies(StringBuilder md, List<ScenarioResult> results) {
    md.append("### Latency (µs) and throughput\n\n");
    md.append("`calls` counts the latency samples; `req/s` is each mode's own closed-loop rate in its slices.\n\n");
    md.append("| scenario | mode | calls | req/s | P50 | P95 | P99 | P99.9 | max |\n");
    md.append("|---|---|--:|--:|--:|--:|--:|--:|--:|\n");
    for (ScenarioResult scenario : results) {
      for (ModeResult mode : scenario.modes().values()) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |%n",
            scenario.name(), label(mode.mode(), scenario), mode.calls(), mode.throughput(), mode.micros(50),
            mode.micros(95), mode.micros(99), mode.micros(99.9), mode.latencies().getMaxValue() / 1000.0));
      }
    }
    md.append('\n');
  }

  private static String label(Mode mode, ScenarioResult scenario) {
    if (mode == Mode.RAW_REDIS && scenario.requests().entities() > 1) {
      return "raw Redis, " + scenario.requests().entities() + " pipelined HMGETs";
    }
    return mode.label;
  }

  static List<Check> checks(List<ScenarioResult> results) {
    List<Check> checks = new ArrayList<>();
    for (ScenarioResult scenario : results) {
      if (!scenario.modes().containsKey(Mode.GRPC_EMPTY)) {
        continue;
      }
      double floor = scenario.mode(Mode.RAW_REDIS).micros(99) + scenario.mode(Mode.GRPC_EMPTY).micros(99);
      double grpc = scenario.mode(Mode.GRPC).micros(99);
      boolean large = scenario.requests().entities() >= 100;
      boolean small = scenario.requests().entities() == 1;
      if (small || large) {
        checks.add(new Check(scenario.name(), "gRPC P99 / (raw P99 + empty gRPC P99)", grpc, floor, large ? 2.0 : 1.5));
      }
      if (small) {
        checks.add(new Check(scenario.name(), "REST P99 / gRPC P99", scenario.mode(Mode.REST).micros(99), grpc, 1.3));
      }
    }
    return checks;
  }

  private static void targets(StringBuilder md, List<ScenarioResult> results) {
    md.append("### Targets (ratios measured in this run)\n\n");
    md.append("| scenario | ratio | measured µs | reference µs | ratio | target | |\n");
    md.append("|---|---|--:|--:|--:|--:|---|\n");
    for (Check check : checks(results)) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.2f | ≤ %.1f | %s |%n", check.scenario(),
          check.what(), check.measured(), check.reference(), check.ratio(), check.limit(),
          check.met() ? "met" : "**missed**"));
    }
    md.append("\nOther scenarios, for reference (no target):\n\n");
    for (ScenarioResult scenario : results) {
      ModeResult raw = scenario.mode(Mode.RAW_REDIS);
      ModeResult grpc = scenario.mode(Mode.GRPC);
      ModeResult rest = scenario.mode(Mode.REST);
      md.append(String.format(Locale.ROOT,
          "- %s: P99 gRPC/raw %.2f, REST/raw %.2f, REST/gRPC %.2f; throughput gRPC %.0f req/s, REST %.0f req/s,"
              + " raw Redis %.0f req/s (gRPC/raw %.2f, REST/raw %.2f)%n",
          scenario.name(), grpc.micros(99) / raw.micros(99), rest.micros(99) / raw.micros(99),
          rest.micros(99) / grpc.micros(99), grpc.throughput(), rest.throughput(), raw.throughput(),
          grpc.throughput() / raw.throughput(), rest.throughput() / raw.throughput()));
    }
    md.append('\n');
  }

  /**
   * Ours against {@code --external-grpc}; the product goal is twice the throughput and half the
   * P99 of Feast's Java feature server.
   */
  private static void comparison(StringBuilder md, List<ScenarioResult> results) {
    md.append("### Ours against the external server (latencies from each server's own slices)\n\n");
    md.append("| scenario | ours req/s | external req/s | throughput ratio (goal ≥ 2) | ours P50 | external P50"
        + " | ours P99 | external P99 | P99 ratio (goal ≤ 0.5) |\n");
    md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (ScenarioResult scenario : results) {
      ModeResult ours = scenario.mode(Mode.GRPC);
      ModeResult other = scenario.mode(Mode.EXTERNAL_GRPC);
      md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.2f | %.0f | %.0f | %.0f | %.0f | %.2f |%n",
          scenario.name(), ours.throughput(), other.throughput(), ours.throughput() / other.throughput(),
          ours.micros(50), other.micros(50), ours.micros(99), other.micros(99), ours.micros(99) / other.micros(99)));
    }
    md.append("\nA server in another process is not in the CPU table below: its `server` rows count the"
        + " in-process server's threads only (idle throughout when `--ours-grpc` aims at another process).\n\n");
  }

  private static void cpu(StringBuilder md, List<ScenarioResult> results, LoopOverhead overhead) {
    md.append("### CPU (µs) and allocation (KB) per call, by role\n\n");
    md.append(String.format(Locale.ROOT, "The measuring loop itself (nanoTime twice + histogram record, no call):"
        + " P50 %.0f ns, P99 %.0f ns. Generator rows are the load generator's own cost per call; they share the"
        + " cores with the server and Redis.%n%n", overhead.p50Nanos(), overhead.p99Nanos()));
    for (ScenarioResult scenario : results) {
      md.append("**").append(scenario.name()).append("**\n\n| role |");
      scenario.modes().keySet().forEach(mode -> md.append(' ').append(mode.label).append(" |"));
      md.append("\n|---|");
      scenario.modes().keySet().forEach(mode -> md.append("--:|"));
      md.append('\n');
      for (String group : CpuMeter.cpuGroups()) {
        md.append("| ").append(group).append(" |");
        for (ModeResult mode : scenario.modes().values()) {
          md.append(String.format(Locale.ROOT, " %.1f |", mode.cpuMicrosPerCall(group)));
        }
        md.append('\n');
      }
      md.append("| **total CPU** |");
      for (ModeResult mode : scenario.modes().values()) {
        double total = CpuMeter.cpuGroups().stream().mapToDouble(mode::cpuMicrosPerCall).sum();
        md.append(String.format(Locale.ROOT, " **%.1f** |", total));
      }
      md.append("\n| KB allocated: generator |");
      for (ModeResult mode : scenario.modes().values()) {
        md.append(String.format(Locale.ROOT, " %.1f |", mode.allocatedKbPerCall("generator")));
      }
      md.append("\n| KB allocated: server |");
      for (ModeResult mode : scenario.modes().values()) {
        md.append(String.format(Locale.ROOT, " %.1f |", mode.allocatedKbPerCall("server")));
      }
      md.append("\n\n");
    }
  }
}
