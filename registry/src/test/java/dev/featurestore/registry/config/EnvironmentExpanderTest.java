package dev.featurestore.registry.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins the behaviour of Python's posixpath.expandvars, which Feast applies to the raw file. */
class EnvironmentExpanderTest {
  private static final Map<String, String> ENV =
      Map.of("A", "alpha", "B_2", "beta", "1", "one", "LOOP", "$A", "A B", "spaced");

  private static String expand(String text) {
    return EnvironmentExpander.expand(text, ENV);
  }

  @Test
  void expandsBothForms() {
    assertThat(expand("x=$A,y=${B_2}")).isEqualTo("x=alpha,y=beta");
  }

  @Test
  void bareNameTakesTheLongestWordRun() {
    assertThat(expand("$Ab")).isEqualTo("$Ab");
    assertThat(expand("$A-b $A.b")).isEqualTo("alpha-b alpha.b");
    assertThat(expand("$1x $1")).isEqualTo("$1x one");
  }

  @Test
  void unsetVariablesStayAsWritten() {
    assertThat(expand("p=${MISSING} q=$MISSING")).isEqualTo("p=${MISSING} q=$MISSING");
  }

  @Test
  void oddFormsStayAsWritten() {
    assertThat(expand("$ ${} ${A:-x} $$ ${A")).isEqualTo("$ ${} ${A:-x} $$ ${A");
  }

  @Test
  void bracesTakeAnyTextUpToTheClosingBrace() {
    assertThat(expand("${A B}")).isEqualTo("spaced");
  }

  @Test
  void valuesAreNotExpandedAgain() {
    assertThat(expand("$LOOP")).isEqualTo("$A");
  }

  @Test
  void dollarSignAfterAnUnsetVariableStillExpands() {
    assertThat(expand("$MISSING$A")).isEqualTo("$MISSINGalpha");
  }
}
