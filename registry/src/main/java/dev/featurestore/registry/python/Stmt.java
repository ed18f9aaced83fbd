package dev.featurestore.registry.python;

import dev.featurestore.core.error.SourceLocation;
import java.util.List;

/**
 * Module-level statements. Bodies of {@code def}, {@code class} and compound statements are kept
 * as source text, never as statements: they are not evaluated.
 */
public sealed interface Stmt {

  SourceLocation location();

  /** One name of an import; {@code asName} is null without {@code as}. */
  record ImportName(String name, String asName, SourceLocation location) {
    /** The name the import binds in the importing module. */
    public String boundName() {
      if (asName != null) {
        return asName;
      }
      int dot = name.indexOf('.');
      return dot < 0 ? name : name.substring(0, dot);
    }
  }

  /** {@code import a.b as c, d}. */
  record Import(List<ImportName> names, SourceLocation location) implements Stmt {
    public Import {
      names = List.copyOf(names);
    }
  }

  /**
   * {@code from ..module import x as y}; {@code level} counts leading dots; a single name "*" is a
   * star import.
   */
  record FromImport(String module, int level, List<ImportName> names, SourceLocation location)
      implements Stmt {
    public FromImport {
      names = List.copyOf(names);
    }
  }

  /** {@code a = b = value}; targets are names, tuples/lists of targets, attributes or subscripts. */
  record Assign(List<Expr> targets, Expr value, SourceLocation location) implements Stmt {
    public Assign {
      targets = List.copyOf(targets);
    }
  }

  /** {@code target: annotation [= value]}; {@code value} may be null. */
  record AnnAssign(Expr target, Expr annotation, Expr value, SourceLocation location)
      implements Stmt {}

  /** {@code target += value} and the other augmented assignments. */
  record AugAssign(Expr target, String op, Expr value, SourceLocation location) implements Stmt {}

  record ExprStmt(Expr value, SourceLocation location) implements Stmt {}

  /**
   * A (possibly decorated, possibly async) function definition.
   *
   * @param sourceText the whole definition, decorators included (what Python's
   *     {@code inspect.getsource} returns)
   * @param bodyText the indented body only
   * @param location where {@code def} (or {@code async}) is
   */
  record FunctionDef(
      String name,
      List<Expr> decorators,
      boolean async,
      String sourceText,
      String bodyText,
      SourceLocation location)
      implements Stmt {
    public FunctionDef {
      decorators = List.copyOf(decorators);
    }
  }

  record ClassDef(
      String name,
      List<Expr> decorators,
      List<Expr.Argument> bases,
      String sourceText,
      String bodyText,
      SourceLocation location)
      implements Stmt {
    public ClassDef {
      decorators = List.copyOf(decorators);
      bases = List.copyOf(bases);
    }
  }

  /** {@code if}/{@code elif} branches in order; {@code elseText} is null without {@code else}. */
  record If(List<IfBranch> branches, String elseText, SourceLocation location) implements Stmt {
    public If {
      branches = List.copyOf(branches);
    }
  }

  record IfBranch(Expr test, String bodyText, SourceLocation location) {}

  /**
   * A compound statement we only report: {@code for}, {@code while}, {@code try}, {@code with},
   * {@code async for}, {@code async with}.
   */
  record Block(String keyword, String sourceText, SourceLocation location) implements Stmt {}

  /**
   * A simple statement we only report: {@code pass}, {@code return}, {@code raise}, {@code del},
   * {@code assert}, {@code global}, {@code nonlocal}, {@code break}, {@code continue}.
   */
  record Simple(String keyword, String sourceText, SourceLocation location) implements Stmt {}
}
