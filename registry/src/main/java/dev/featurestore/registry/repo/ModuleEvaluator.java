package dev.featurestore.registry.repo;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.error.SourceLocation;
import dev.featurestore.registry.python.Expr;
import dev.featurestore.registry.python.PythonModule;
import dev.featurestore.registry.python.Stmt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the module-level statements of one definition file: imports, assignments, on-demand
 * feature view definitions. Other functions and classes are bound but never run; {@code if
 * __name__ == "__main__":} blocks are skipped, as importing a module skips them.
 */
final class ModuleEvaluator {
  static final String SUPPORTED = "; supported at module level: imports, assignments of Feast objects,"
      + " def/class blocks, if __name__ == \"__main__\" blocks";

  private static final FeaturestoreModule OWN_MODULE = new FeaturestoreModule();

  /** Finds other modules of the repository (evaluating them on first use). */
  interface RepoModules {
    Optional<ModuleValue> find(String moduleName, SourceLocation importedAt);
  }

  private final PythonModule module;
  private final String moduleName;
  private final FeastLibrary library;
  private final RepoModules repoModules;
  private final Map<String, Object> namespace = new LinkedHashMap<>();
  private final ExpressionEvaluator expressions = new ExpressionEvaluator(namespace);

  ModuleEvaluator(PythonModule module, String moduleName, String absoluteFile, FeastLibrary library, RepoModules repoModules) {
    this.module = module;
    this.moduleName = moduleName;
    this.library = library;
    this.repoModules = repoModules;
    namespace.put("__name__", moduleName);
    namespace.put("__file__", absoluteFile);
  }

  /** Runs every statement; returns the module's names. */
  Map<String, Object> run() {
    for (Stmt statement : module.statements()) {
      execute(statement);
    }
    return namespace;
  }

  private void execute(Stmt statement) {
    if (statement instanceof Stmt.Import s) {
      for (Stmt.ImportName name : s.names()) {
        String bound = name.asName() != null ? name.name() : name.boundName();
        namespace.put(name.boundName(), moduleFor(bound, name.location()));
      }
    } else if (statement instanceof Stmt.FromImport s) {
      fromImport(s);
    } else if (statement instanceof Stmt.Assign s) {
      Object value = expressions.evaluate(s.value());
      for (Expr target : s.targets()) {
        assign(target, value);
      }
    } else if (statement instanceof Stmt.AnnAssign s) {
      if (s.value() != null) {
        assign(s.target(), expressions.evaluate(s.value()));
      }
    } else if (statement instanceof Stmt.AugAssign s) {
      augmentedAssign(s);
    } else if (statement instanceof Stmt.ExprStmt s) {
      expressionStatement(s);
    } else if (statement instanceof Stmt.FunctionDef s) {
      functionDef(s);
    } else if (statement instanceof Stmt.ClassDef s) {
      namespace.put(s.name(), new Opaque(s.name(), "'" + s.name() + "' is a class defined in the repository;"
          + " classes are not run here", s.location()));
    } else if (statement instanceof Stmt.If s) {
      if (!isMainGuard(s)) {
        throw unsupported(s.location(), "an if statement other than if __name__ == \"__main__\" cannot be evaluated here");
      }
    } else if (statement instanceof Stmt.Block s) {
      throw unsupported(s.location(), "a " + s.keyword() + " statement cannot be evaluated here");
    } else if (statement instanceof Stmt.Simple s) {
      if (!s.keyword().equals("pass")) {
        throw unsupported(s.location(), "a '" + s.keyword() + "' statement cannot be evaluated here");
      }
    }
  }

  private Object moduleFor(String name, SourceLocation location) {
    if (FeastLibrary.isFeastModule(name)) {
      return library.module(name);
    }
    if (name.equals(FeaturestoreModule.NAME)) {
      return OWN_MODULE;
    }
    Optional<ModuleValue> standard = StandardLibrary.module(name);
    if (standard.isPresent()) {
      return standard.get();
    }
    Optional<ModuleValue> repo = repoModules.find(name, location);
    if (repo.isPresent()) {
      return repo.get();
    }
    return Opaque.imported(name);
  }

  private void fromImport(Stmt.FromImport s) {
    String source = absoluteModule(s);
    Object from = moduleFor(source, s.location());
    for (Stmt.ImportName name : s.names()) {
      if (name.name().equals("*")) {
        if (from instanceof ModuleValue m) {
          for (String publicName : m.publicNames()) {
            namespace.put(publicName, importName(m, publicName, name.location()));
          }
        }
        continue;
      }
      namespace.put(name.boundName(), importName(from, name.name(), name.location()));
    }
  }

  private Object importName(Object from, String name, SourceLocation location) {
    if (from instanceof Opaque opaque) {
      return Opaque.imported(opaque.name() + "." + name);
    }
    ModuleValue module = (ModuleValue) from;
    if (FeastLibrary.isFeastModule(module.name())) {
      return library.lookup(module.name(), name, location);
    }
    return module.attribute(name)
        .or(() -> repoModules.find(module.name() + "." + name, location).map(Object.class::cast))
        .orElseThrow(() -> new FeatureStoreException(ErrorCode.UNKNOWN_REFERENCE, location,
            "cannot import name '" + name + "' from '" + module.name() + "'"));
  }

  private String absoluteModule(Stmt.FromImport s) {
    if (s.level() == 0) {
      return s.module();
    }
    String[] parts = moduleName.split("\\.");
    int keep = parts.length - s.level();
    if (keep < 0) {
      throw new FeatureStoreException(ErrorCode.UNKNOWN_REFERENCE, s.location(),
          "attempted relative import beyond the repository root");
    }
    String base = String.join(".", List.of(parts).subList(0, keep));
    if (s.module().isEmpty()) {
      return base;
    }
    return base.isEmpty() ? s.module() : base + "." + s.module();
  }

  private void assign(Expr target, Object value) {
    if (target instanceof Expr.Name name) {
      namespace.put(name.id(), value);
    } else if (target instanceof Expr.TupleExpr || target instanceof Expr.ListExpr) {
      List<Expr> targets = target instanceof Expr.TupleExpr t ? t.elements() : ((Expr.ListExpr) target).elements();
      List<?> values = value instanceof PyTuple t ? t.elements() : value instanceof List<?> l ? l : null;
      if (values == null) {
        throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, target.location(),
            "cannot unpack non-iterable " + PyTypes.typeName(value) + " object");
      }
      if (values.size() != targets.size()) {
        throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, target.location(),
            "cannot unpack " + values.size() + " values into " + targets.size() + " names");
      }
      for (int i = 0; i < targets.size(); i++) {
        assign(targets.get(i), values.get(i));
      }
    } else {
      throw unsupported(target.location(), "assigning to attributes, items or starred targets is not supported here");
    }
  }

  private void augmentedAssign(Stmt.AugAssign s) {
    if (!(s.target() instanceof Expr.Name name)) {
      throw unsupported(s.location(), "augmented assignment to attributes or items is not supported here");
    }
    Object current = expressions.evaluate(name);
    Object value = expressions.evaluate(s.value());
    String op = s.op().substring(0, s.op().length() - 1);
    if (op.equals("+") && current instanceof List<?> list && value instanceof List<?> more) {
      @SuppressWarnings("unchecked")
      List<Object> mutable = (List<Object>) list;
      mutable.addAll(more); // += extends the same list object, as in Python
      return;
    }
    namespace.put(name.id(), Operators.binary(current, op, value, s.location()));
  }

  private void expressionStatement(Stmt.ExprStmt s) {
    if (s.value() instanceof Expr.Constant c && c.value() instanceof String) {
      return; // docstring
    }
    String what = s.value() instanceof Expr.Call call ? "a call to '" + callee(call.func()) + "'" : "an expression statement";
    throw unsupported(s.location(), what + " at module level cannot be evaluated here");
  }

  private static String callee(Expr func) {
    if (func instanceof Expr.Name n) {
      return n.id();
    }
    if (func instanceof Expr.Attribute a) {
      return callee(a.value()) + "." + a.attr();
    }
    return "...";
  }

  private void functionDef(Stmt.FunctionDef s) {
    for (Expr decorator : s.decorators()) {
      Expr head = decorator instanceof Expr.Call call ? call.func() : decorator;
      Optional<Object> resolved = resolveQuietly(head);
      if (resolved.filter(v -> v instanceof Builtin b && b.name().equals("stream_feature_view")).isPresent()) {
        throw new FeatureStoreException(ErrorCode.UNSUPPORTED_CONSTRUCT, decorator.location(),
            "@stream_feature_view makes '" + s.name() + "' the view's udf, a Python transformation, which cannot"
                + " run here; define StreamFeatureView(name=\"" + s.name() + "\", source=..., aggregations=[...])"
                + " without a udf instead");
      }
      boolean onDemand = resolved.filter(v -> v instanceof Builtin b && b.name().equals("on_demand_feature_view")).isPresent();
      if (!onDemand) {
        continue;
      }
      if (!(decorator instanceof Expr.Call)) {
        throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, decorator.location(),
            "on_demand_feature_view needs arguments: @on_demand_feature_view(sources=[...], schema=[...])");
      }
      Object value = expressions.evaluate(decorator);
      namespace.put(s.name(), library.services().onDemandView((ServiceConstructors.OnDemandDecorator) value, s));
      return;
    }
    namespace.put(s.name(), new Opaque(s.name(), "'" + s.name() + "' is a function defined in the repository;"
        + " functions are not run here", s.location()));
  }

  /** Resolves a decorator's name without failing: unknown decorators are simply not Feast's. */
  private Optional<Object> resolveQuietly(Expr e) {
    if (e instanceof Expr.Name n) {
      return Optional.ofNullable(namespace.get(n.id()));
    }
    if (e instanceof Expr.Attribute a) {
      return resolveQuietly(a.value()).flatMap(v -> {
        try {
          return v instanceof ModuleValue m ? m.attribute(a.attr()) : Optional.empty();
        } catch (FeatureStoreException ignored) {
          return Optional.empty();
        }
      });
    }
    return Optional.empty();
  }

  private static boolean isMainGuard(Stmt.If s) {
    if (s.branches().size() != 1 || !(s.branches().get(0).test() instanceof Expr.Compare c)
        || c.ops().size() != 1 || !c.ops().get(0).equals("==")) {
      return false;
    }
    Expr left = c.left();
    Expr right = c.comparators().get(0);
    return (isName(left) && isMain(right)) || (isMain(left) && isName(right));
  }

  private static boolean isName(Expr e) {
    return e instanceof Expr.Name n && n.id().equals("__name__");
  }

  private static boolean isMain(Expr e) {
    return e instanceof Expr.Constant c && "__main__".equals(c.value());
  }

  private static FeatureStoreException unsupported(SourceLocation location, String message) {
    return new FeatureStoreException(ErrorCode.UNSUPPORTED_CONSTRUCT, location, message + SUPPORTED);
  }
}
