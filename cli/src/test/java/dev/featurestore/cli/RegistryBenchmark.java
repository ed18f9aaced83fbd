package dev.featurestore.cli;

import dev.featurestore.cli.sample.SampleDataGenerator;
import dev.featurestore.cli.sample.SampleDataListener;
import dev.featurestore.cli.sample.SampleDataOptions;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.registry.RegistryStores;
import dev.featurestore.registry.config.RepoConfigLoader;
import dev.featurestore.testing.TestingPostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code make benchmark-databases}: applies the sample repository N times and reads its registry M
 * times on each registry back-end (Feast's file registry, SQLite, a private PostgreSQL), then prints
 * median and P95 latency per back-end. An apply here is the whole command (parse the repository,
 * plan, write) after a teardown, so every apply writes all objects; a read is one {@code
 * RegistryStore.read} of the project, what a server's cache refresh costs.
 *
 * <p>Arguments: {@code [--applies N] [--reads M] [--repo DIR]} (defaults 20, 200, the sample
 * repository found from the current folder).
 */
public final class RegistryBenchmark {
  private RegistryBenchmark() {}

  public static void main(String[] args) throws IOException {
    int applies = intArg(args, "--applies", 20);
    int reads = intArg(args, "--reads", 200);
    Path sample = Path.of(stringArg(args, "--repo", Files.isDirectory(Path.of("feature_repo")) ? "feature_repo" : "../feature_repo"));
    Path work = Files.createTempDirectory("registry-benchmark");
    Path repo = TestRepos.copy(sample, work.resolve("feature_repo"));
    SampleDataOptions defaults = SampleDataOptions.defaults(repo.resolve("data"));
    new SampleDataGenerator(SampleDataListener.NONE).generate(new SampleDataOptions(
        200, 20, 40, defaults.seed(), 3, defaults.now(), defaults.outputDir()));

    List<String[]> rows = new ArrayList<>();
    rows.add(run("file", "data/registry.pb", "file", repo, applies, reads));
    rows.add(run("sqlite", "sqlite:///data/registry.db", "sql", repo, applies, reads));
    try (TestingPostgresServer postgres = TestingPostgresServer.start()) {
      String database = postgres.createDatabase("benchmark");
      String url = "postgresql://" + postgres.user() + "@" + postgres.host() + ":" + postgres.port() + "/" + database;
      rows.add(run("postgresql", url, "sql", repo, applies, reads));
    }
    System.out.printf(Locale.ROOT, "%nRegistry latency, sample repository, %d applies and %d reads per back-end (ms)%n", applies, reads);
    System.out.printf(Locale.ROOT, "%-12s %14s %14s %14s %14s%n", "back-end", "apply median", "apply p95", "read median", "read p95");
    for (String[] row : rows) {
      System.out.printf(Locale.ROOT, "%-12s %14s %14s %14s %14s%n", (Object[]) row);
    }
  }

  private static String[] run(String label, String path, String type, Path repo, int applies, int reads) {
    Path yaml = repo.resolve("feature_store.yaml");
    String original = TestRepos.read(yaml);
    String registry = "registry:\n  registry_type: " + type + "\n  path: " + path + "\n";
    TestRepos.write(yaml, original.replaceFirst("(?s)registry:\n  registry_type: sql\n  path: sqlite:///data/registry.db\n", registry));
    try {
      // One untimed round first: class loading, JIT and the schema migration are not what we measure.
      check(CliRun.of("-c", repo.toString(), "apply"));
      double[] applyMs = new double[applies];
      for (int i = 0; i < applies; i++) {
        check(CliRun.of("-c", repo.toString(), "teardown"));
        long started = System.nanoTime();
        check(CliRun.of("-c", repo.toString(), "apply"));
        applyMs[i] = (System.nanoTime() - started) / 1e6;
      }
      double[] readMs = new double[reads];
      try (RegistryStore store = RegistryStores.open(RepoConfigLoader.load(repo))) {
        for (int i = 0; i < reads; i++) {
          long started = System.nanoTime();
          store.read("bnpl");
          readMs[i] = (System.nanoTime() - started) / 1e6;
        }
      }
      System.out.printf("%s: done%n", label);
      return new String[] {label, ms(percentile(applyMs, 50)), ms(percentile(applyMs, 95)),
          ms(percentile(readMs, 50)), ms(percentile(readMs, 95))};
    } finally {
      TestRepos.write(yaml, original);
    }
  }

  private static void check(CliRun run) {
    if (run.exitCode() != 0) {
      throw new IllegalStateException(run.toString());
    }
  }

  private static double percentile(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
  }

  private static String ms(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static int intArg(String[] args, String name, int defaultValue) {
    return Integer.parseInt(stringArg(args, name, Integer.toString(defaultValue)));
  }

  private static String stringArg(String[] args, String name, String defaultValue) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return defaultValue;
  }
}
