package dev.featurestore.registry.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PythonParserTest {
  private static Expr expr(String text) {
    return PythonParser.parseExpression("t.py", text);
  }

  @Test
  void stringsConcatenateAndDecode() {
    assertThat(((Expr.Constant) expr("'a' \"b\" '''c''' r'\\n' '\\t\\x41'")).value()).isEqualTo("abc\\n\tA");
    assertThat((byte[]) ((Expr.Constant) expr("b'\\x00a'")).value()).containsExactly(0, 'a');
  }

  @Test
  void fStringFieldsAreParsedWithRealPositions() {
    Expr.FString f = (Expr.FString) expr("'x_' f'{name}_{n + 1!r}'");
    assertThat(f.parts()).hasSize(4);
    Expr.FStringField second = (Expr.FStringField) f.parts().get(3);
    assertThat(second.expr()).isInstanceOf(Expr.BinOp.class);
    assertThat(second.conversion()).isEqualTo('r');
    assertThat(second.expr().location().toString()).isEqualTo("t.py:1:16");
  }

  @Test
  void numbers() {
    assertThat(((Expr.Constant) expr("1_000")).value()).isEqualTo(1000L);
    assertThat(((Expr.Constant) expr("0x1F")).value()).isEqualTo(31L);
    assertThat(((Expr.Constant) expr("1e3")).value()).isEqualTo(1000.0);
  }

  @Test
  void precedenceAndCalls() {
    Expr.BinOp sum = (Expr.BinOp) expr("1 + 2 * -3 ** 2");
    assertThat(sum.op()).isEqualTo("+");
    assertThat(((Expr.BinOp) sum.right()).op()).isEqualTo("*");
    Expr.Call call = (Expr.Call) expr("f(a, *rest, key=view[[\"f1\", \"f2\"]], **extra)");
    assertThat(call.args()).extracting(Expr.Argument::kind).containsExactly(
        Expr.ArgumentKind.POSITIONAL, Expr.ArgumentKind.STAR, Expr.ArgumentKind.KEYWORD, Expr.ArgumentKind.DOUBLE_STAR);
    assertThat(call.args().get(2).value()).isInstanceOf(Expr.Subscript.class);
    assertThat(expr("a if b else lambda x: x")).isInstanceOf(Expr.IfExp.class);
    assertThat(expr("[x for x in y]")).isInstanceOf(Expr.Opaque.class);
    assertThat(expr("not a and b or c in d")).isInstanceOf(Expr.BoolOp.class);
    assertThat(expr("{1, 2}")).isInstanceOf(Expr.SetExpr.class);
    assertThat(expr("{'a': 1, **b}")).isInstanceOf(Expr.DictExpr.class);
    assertThat(expr("(1,)")).isInstanceOf(Expr.TupleExpr.class);
  }

  @Test
  void statements() {
    PythonModule module = PythonParser.parse("m.py", """
        \"\"\"Docstring.\"\"\"
        import os.path as p, sys
        from ..pkg import (a as b,
                           c,)
        x: int = 1
        a, b = 1, 2
        x += 1

        @decorator(arg=1)
        async def f(a, b=(1, 2), *c, **d) -> List[int]:
            return [i for i in a]

        class C(Base, metaclass=M):
            def m(self):
                pass

        if __name__ == "__main__":
            main()
        elif other:
            pass
        else:
            pass
        try:
            x = 1
        except (A, B) as e:
            pass
        finally:
            pass
        """);
    List<Stmt> s = module.statements();
    assertThat(s).extracting(st -> st.getClass().getSimpleName()).containsExactly(
        "ExprStmt", "Import", "FromImport", "AnnAssign", "Assign", "AugAssign", "FunctionDef", "ClassDef", "If", "Block");
    Stmt.FromImport from = (Stmt.FromImport) s.get(2);
    assertThat(from.level()).isEqualTo(2);
    assertThat(from.names()).extracting(Stmt.ImportName::boundName).containsExactly("b", "c");
    Stmt.FunctionDef f = (Stmt.FunctionDef) s.get(6);
    assertThat(f.async()).isTrue();
    assertThat(f.location().toString()).isEqualTo("m.py:10:1");
    assertThat(f.sourceText()).startsWith("@decorator(arg=1)\nasync def f").endsWith("return [i for i in a]");
    assertThat(f.bodyText()).isEqualTo("    return [i for i in a]");
    assertThat(((Stmt.If) s.get(8)).branches()).hasSize(2);
  }

  @Test
  void syntaxErrors() {
    assertThatThrownBy(() -> PythonParser.parse("m.py", "x = f(a=1, 2)\n"))
        .hasMessage("m.py:1:12: positional argument follows keyword argument");
    assertThatThrownBy(() -> PythonParser.parse("m.py", "f() = 1\n"))
        .hasMessage("m.py:1:1: cannot assign to function call");
    assertThatThrownBy(() -> PythonParser.parse("m.py", "def f():\nreturn 1\n"))
        .hasMessage("m.py:2:1: expected an indented block after function definition on line 1");
    assertThatThrownBy(() -> PythonParser.parse("m.py", "  x = 1\n")).hasMessage("m.py:1:3: unexpected indent");
    assertThatThrownBy(() -> PythonParser.parse("m.py", "f(a=1, a=2)\n")).hasMessage("m.py:1:8: keyword argument repeated: a");
    assertThatThrownBy(() -> PythonParser.parse("m.py", "x = 1 +\n")).hasMessage("m.py:1:8: expected an expression but found end of line");
  }
}
