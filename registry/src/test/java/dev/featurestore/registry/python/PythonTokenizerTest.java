package dev.featurestore.registry.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.error.FeatureStoreException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonTokenizerTest {
  private static List<String> kinds(String source) {
    return PythonTokenizer.tokenize("t.py", source).stream()
        .map(t -> t.kind() == TokenKind.OP || t.kind() == TokenKind.NAME || t.kind() == TokenKind.NUMBER
            ? t.text() : t.kind().name())
        .toList();
  }

  @Test
  void indentDedentNewlineAndNl() {
    assertThat(kinds("if x:\n    y = 1\n\n    # c\nz\n")).containsExactly(
        "if", "x", ":", "NEWLINE", "INDENT", "y", "=", "1", "NEWLINE", "NL", "COMMENT", "NL", "DEDENT", "z",
        "NEWLINE", "ENDMARKER");
  }

  @Test
  void bracketsJoinLinesAndBackslashContinues() {
    assertThat(kinds("f(a,\n  b)\nx = 1 + \\\n  2\n")).containsExactly(
        "f", "(", "a", ",", "NL", "b", ")", "NEWLINE", "x", "=", "1", "+", "2", "NEWLINE", "ENDMARKER");
  }

  @Test
  void everyStringForm() {
    List<Token> tokens = PythonTokenizer.tokenize("t.py", "a = r'\\d' B\"x\" f'{y}' Rb'z' '''m\nl''' \"q\\\"\"\n");
    assertThat(tokens.stream().filter(t -> t.kind() == TokenKind.STRING).map(Token::text))
        .containsExactly("r'\\d'", "B\"x\"", "f'{y}'", "Rb'z'", "'''m\nl'''", "\"q\\\"\"");
  }

  @Test
  void numbers() {
    assertThat(kinds("1_000 1.5 .5 1e3 0x1F 0o7 0b10 2.\n")).containsExactly(
        "1_000", "1.5", ".5", "1e3", "0x1F", "0o7", "0b10", "2.", "NEWLINE", "ENDMARKER");
  }

  @Test
  void locationsAreOneBased() {
    Token y = PythonTokenizer.tokenize("t.py", "x = (\n    y)\n").get(4);
    assertThat(y.text()).isEqualTo("y");
    assertThat(y.location().toString()).isEqualTo("t.py:2:5");
  }

  @Test
  void errors() {
    assertThatThrownBy(() -> PythonTokenizer.tokenize("t.py", "x = 'abc\n"))
        .isInstanceOf(FeatureStoreException.class).hasMessage("t.py:1:5: unterminated string literal (detected at line 1)");
    assertThatThrownBy(() -> PythonTokenizer.tokenize("t.py", "x = (1,\n"))
        .hasMessage("t.py:1:5: '(' was never closed");
    assertThatThrownBy(() -> PythonTokenizer.tokenize("t.py", "x = [1)\n"))
        .hasMessage("t.py:1:7: closing parenthesis ')' does not match opening parenthesis '[' on line 1");
    assertThatThrownBy(() -> PythonTokenizer.tokenize("t.py", "if x:\n    a\n  b\n"))
        .hasMessage("t.py:3:3: unindent does not match any outer indentation level");
    assertThatThrownBy(() -> PythonTokenizer.tokenize("t.py", "x = '''abc\n"))
        .hasMessage("t.py:1:5: unterminated triple-quoted string literal (detected at line 2)");
  }
}
