package dev.featurestore.cli.registry;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.core.registry.RegistryState;
import dev.featurestore.core.registry.RegistryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a project from two registries and compares them object by object: the same kinds and
 * names, the same proto bytes, the same last-updated second (Feast's SQL registry keeps seconds).
 */
final class RegistryComparison {

  /**
   * One project's outcome.
   *
   * @param counts objects per kind in the source
   * @param differences what differs, one line each; empty when the two sides match
   * @param notes differences that are expected and do not fail the verification
   */
  record ProjectReport(String project, Map<RegistryObjectKind, Integer> counts, List<String> differences, List<String> notes) {
    ProjectReport {
      requireNonNull(project, "project is null");
      counts = Map.copyOf(counts);
      differences = List.copyOf(differences);
      notes = List.copyOf(notes);
    }

    boolean matches() {
      return differences.isEmpty();
    }

    int objects() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** "27 objects (1 Project, 8 DataSource, ...)", kinds in registry order. */
    String countsText() {
      String kinds = Arrays.stream(RegistryObjectKind.values())
          .filter(counts::containsKey)
          .map(k -> counts.get(k) + " " + k.feastName())
          .collect(Collectors.joining(", "));
      return objects() + " objects" + (kinds.isEmpty() ? "" : " (" + kinds + ")");
    }
  }

  private final RegistryStore source;
  private final RegistryStore target;

  RegistryComparison(RegistryStore source, RegistryStore target) {
    this.source = requireNonNull(source, "source is null");
    this.target = requireNonNull(target, "target is null");
  }

  ProjectReport compare(String project) {
    RegistryState from = source.read(project);
    RegistryState to = target.read(project);
    Map<RegistryObjectKind, Integer> counts = new EnumMap<>(RegistryObjectKind.class);
    List<String> differences = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (RegistryObject o : from.objects()) {
      counts.merge(o.kind(), 1, Integer::sum);
      Optional<RegistryObject> other = to.find(o.kind(), o.name());
      if (other.isEmpty()) {
        differences.add("missing in target: " + label(o));
        continue;
      }
      byte[] expected = o.proto().toByteArray();
      byte[] actual = other.get().proto().toByteArray();
      if (!Arrays.equals(expected, actual)) {
        differences.add("different bytes: " + label(o) + " (source " + expected.length + " bytes, target "
            + actual.length + " bytes, first difference at byte " + Arrays.mismatch(expected, actual) + ")");
      }
    }
    for (RegistryObject o : to.objects()) {
      if (from.find(o.kind(), o.name()).isEmpty()) {
        if (o.kind() == RegistryObjectKind.PROJECT) {
          // A registry written before Feast had Project objects gains one on its first apply.
          notes.add("target has a Project object the source lacks (created on write, as Feast does)");
        } else {
          differences.add("only in target: " + label(o));
        }
      }
    }
    compareLastUpdated(from, to, differences);
    return new ProjectReport(project, counts, differences, notes);
  }

  private static void compareLastUpdated(RegistryState from, RegistryState to, List<String> differences) {
    Optional<Long> expected = from.lastUpdated().map(Instant::getEpochSecond);
    Optional<Long> actual = to.lastUpdated().map(Instant::getEpochSecond);
    if (!expected.equals(actual)) {
      differences.add("last updated differs: source " + from.lastUpdated().map(Instant::toString).orElse("none")
          + ", target " + to.lastUpdated().map(Instant::toString).orElse("none"));
    }
  }

  private static String label(RegistryObject o) {
    return o.kind().feastName() + " " + o.name();
  }
}
