package dev.featurestore.registry.repo;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.error.SourceLocation;
import dev.featurestore.registry.python.PythonModule;
import dev.featurestore.registry.python.PythonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Feast feature repository's Python definition files into the model, as {@code feast
 * apply} would import them: files in sorted order, each module once, other repository modules
 * evaluated on first import (so {@code from entities import driver} works whatever the file
 * order), objects registered per Feast's {@code repo_operations.parse_repo}.
 *
 * <p>Not thread-safe per call; a loader may be reused for sequential loads.
 */
public final class RepoDefinitionsLoader {

  /**
   * Loads every definition file under {@code repoRoot}.
   *
   * @param project the project named in feature_store.yaml; a {@code Project(...)} in the
   *     repository must agree with it
   * @throws FeatureStoreException SYNTAX_ERROR, UNSUPPORTED_CONSTRUCT, UNKNOWN_REFERENCE,
   *     DUPLICATE_NAME, INVALID_ARGUMENT or INVALID_DEFINITION, located at file:line:column
   *     relative to {@code repoRoot}
   */
  public LoadedRepo load(Path repoRoot, String project) {
    Path root = repoRoot.toAbsolutePath().normalize();
    List<RepoWarning> warnings = new ArrayList<>();
    FeastLibrary library = new FeastLibrary(warnings::add);
    Modules modules = new Modules(root, library);
    RepoAssembler assembler = new RepoAssembler();
    for (Path file : RepoFileFinder.find(root)) {
      assembler.addModule(modules.evaluate(moduleName(root, file), file, null));
    }
    return assembler.build(project, warnings);
  }

  private static String moduleName(Path root, Path file) {
    String relative = RepoFileFinder.relative(root, file);
    return relative.substring(0, relative.length() - ".py".length()).replace('/', '.');
  }

  /** Evaluated modules by name; a module is evaluated at most once, cycles are reported. */
  private static final class Modules implements ModuleEvaluator.RepoModules {
    private final Path root;
    private final FeastLibrary library;
    private final Map<String, Map<String, Object>> done = new HashMap<>();
    private final Set<String> inProgress = new LinkedHashSet<>();

    Modules(Path root, FeastLibrary library) {
      this.root = root;
      this.library = library;
    }

    Map<String, Object> evaluate(String name, Path file, SourceLocation importedAt) {
      Map<String, Object> namespace = done.get(name);
      if (namespace != null) {
        return namespace;
      }
      if (inProgress.contains(name)) {
        throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION, importedAt,
            "circular import: " + String.join(" -> ", inProgress) + " -> " + name);
      }
      inProgress.add(name);
      try {
        String relative = RepoFileFinder.relative(root, file);
        PythonModule module = PythonParser.parse(relative, read(file));
        namespace = new ModuleEvaluator(module, name, file.toString(), library, this).run();
        done.put(name, namespace);
        return namespace;
      } finally {
        inProgress.remove(name);
      }
    }

    @Override
    public Optional<ModuleValue> find(String moduleName, SourceLocation importedAt) {
      Path base = root.resolve(moduleName.replace('.', '/'));
      Path file = base.resolveSibling(base.getFileName() + ".py");
      if (Files.isRegularFile(file)) {
        Map<String, Object> namespace = evaluate(moduleName, file, importedAt);
        return Optional.of(repoModule(moduleName, namespace));
      }
      if (Files.isDirectory(base)) {
        return Optional.of(repoModule(moduleName, Map.of()));
      }
      return Optional.empty();
    }

    private ModuleValue repoModule(String moduleName, Map<String, Object> namespace) {
      Modules modules = this;
      return new ModuleValue() {
        @Override
        public String name() {
          return moduleName;
        }

        @Override
        public Optional<Object> attribute(String attribute) {
          if (namespace.containsKey(attribute)) {
            return Optional.of(namespace.get(attribute));
          }
          return modules.find(moduleName + "." + attribute, null).map(Object.class::cast);
        }

        @Override
        public Set<String> publicNames() {
          Set<String> names = new LinkedHashSet<>();
          namespace.keySet().stream().filter(n -> !n.startsWith("_")).forEach(names::add);
          return names;
        }
      };
    }

    private static String read(Path file) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new FeatureStoreException(ErrorCode.INVALID_CONFIG, "cannot read " + file, e);
      }
    }
  }
}
