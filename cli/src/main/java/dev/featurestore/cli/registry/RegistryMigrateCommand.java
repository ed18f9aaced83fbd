package dev.featurestore.cli.registry;

import dev.featurestore.cli.registry.RegistryComparison.ProjectReport;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.registry.RegistryStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code featurestore registry migrate --from URL --to URL}: copies every project between registry
 * kinds (file, SQLite, PostgreSQL, CockroachDB), then reads both sides back and compares them.
 * Exit 0 when they match, 1 when verification finds a difference, 2 for bad arguments or a
 * non-empty target without {@code --force}.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Copy every project and object from one registry to another, then verify the copy.",
      "Locations: sqlite:///relative.db, sqlite:////absolute.db, postgresql://user:pw@host:5432/db,",
      "cockroachdb://user@host:26257/db (SQL registry); file://path or a plain path (file registry).",
      "Relative paths are resolved against -c (default: the current folder)."
    })
final class RegistryMigrateCommand implements Callable<Integer> {

  @Option(names = "--from", required = true, paramLabel = "URL", description = "The registry to copy.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "URL", description = "The registry to write.")
  String to;

  @Option(names = "--force", description = "Write into a target that already holds projects (same-named projects are overwritten, others kept).")
  boolean force;

  @Option(names = "--verify-only", description = "Copy nothing; only compare the two registries.")
  boolean verifyOnly;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Path base = baseDir();
    RegistryLocation source = RegistryLocation.parse(from, base);
    RegistryLocation target = RegistryLocation.parse(to, base);
    RegistryLocations.checkDistinct(source, target);
    RegistryLocations.checkExists(source, "source");
    if (verifyOnly) {
      RegistryLocations.checkExists(target, "target");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (RegistryStore sourceStore = source.open(); RegistryStore targetStore = target.open()) {
      List<String> projects = sourceStore.projects();
      if (!verifyOnly) {
        copy(sourceStore, targetStore, source, target, projects, out);
      }
      return verify(sourceStore, targetStore, projects, out);
    }
  }

  private void copy(RegistryStore sourceStore, RegistryStore targetStore, RegistryLocation source,
      RegistryLocation target, List<String> projects, PrintWriter out) {
    List<String> existing = targetStore.projects();
    if (!existing.isEmpty() && !force) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_ARGUMENT,
          "target registry " + target.displayName() + " already holds projects " + existing
              + "; migrate into an empty registry, or pass --force to overwrite the projects the source has");
    }
    out.printf("Migrating %d project(s) from %s to %s%n", projects.size(), source, target);
    out.flush();
    RegistryCopier copier = new RegistryCopier(sourceStore, targetStore, source.displayName(), Clock.systemUTC());
    int history = 0;
    for (String project : projects) {
      long started = System.nanoTime();
      RegistryCopier.Result result = copier.copy(project);
      history += result.sourceHistory() - result.importedHistory();
      out.printf("  %s: copied %d objects%s and %d apply-history entries in %d ms%n", project, result.objects(),
          result.deleted() == 0 ? "" : ", deleted " + result.deleted() + " stale", result.importedHistory(),
          (System.nanoTime() - started) / 1_000_000);
      out.flush();
    }
    if (history > 0) {
      out.printf("Note: %d apply-history entries of the source were not copied: the target already had"
          + " history for the project (a re-run, or a target in use); its history records this migration.%n", history);
    }
  }

  private int verify(RegistryStore sourceStore, RegistryStore targetStore, List<String> projects, PrintWriter out) {
    RegistryComparison comparison = new RegistryComparison(sourceStore, targetStore);
    List<String> failures = new ArrayList<>();
    int objects = 0;
    out.println("Verifying (reading both registries back)");
    for (String project : projects) {
      ProjectReport report = comparison.compare(project);
      objects += report.objects();
      out.printf("  %s: %s %s%n", project, report.countsText(), report.matches() ? "identical" : "DIFFER");
      report.differences().forEach(d -> out.println("    " + d));
      report.notes().forEach(n -> out.println("    note: " + n));
      report.differences().forEach(d -> failures.add(project + ": " + d));
    }
    for (String extra : targetStore.projects()) {
      if (!projects.contains(extra)) {
        String line = "project " + extra + " exists only in the target";
        if (verifyOnly) {
          failures.add(line);
          out.println("  " + line);
        } else {
          out.println("  note: " + line + " (kept, not compared)");
        }
      }
    }
    if (!failures.isEmpty()) {
      out.printf("Verification FAILED: %d difference(s) in %d project(s)%n", failures.size(), projects.size());
      out.flush();
      return 1;
    }
    out.printf("Verification passed: %d project(s), %d objects identical%n", projects.size(), objects);
    out.flush();
    return 0;
  }

  /** The inherited -c/--chdir when there is one, else the current folder. */
  private Path baseDir() {
    OptionSpec chdir = spec.findOption("--chdir");
    Object value = chdir == null ? null : chdir.getValue();
    return (value instanceof Path path ? path : Path.of("")).toAbsolutePath().normalize();
  }
}
