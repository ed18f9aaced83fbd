package dev.featurestore.onlinestore.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected texts are Python 3's {@code str(float)} of the same doubles. */
class PythonFloatTextTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0.5 | 0.5",
        "1.0 | 1.0",
        "-2.0 | -2.0",
        "0.1 | 0.1",
        "100.0 | 100.0",
        "12.5 | 12.5",
        "0.0001 | 0.0001",
        "0.00001 | 1e-05",
        "0.000123 | 0.000123",
        "0.0000123 | 1.23e-05",
        "1e15 | 1000000000000000.0",
        "1e16 | 1e+16",
        "1.5e16 | 1.5e+16",
        "123456789012345678 | 1.2345678901234568e+17",
        "1e22 | 1e+22",
        "1e23 | 1e+23",
        "2e-3 | 0.002",
        "5e-324 | 5e-324",
        "1.7976931348623157e308 | 1.7976931348623157e+308",
        "-1e300 | -1e+300",
        "0.30000000000000004 | 0.30000000000000004",
        "3.141592653589793 | 3.141592653589793",
        "9007199254740993 | 9007199254740992.0",
      })
  void formatsDoublesAsPython(double value, String python) {
    assertThat(PythonFloatText.format(value)).isEqualTo(python);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0.1 | 0.10000000149011612",
        "0.5 | 0.5",
        "3.14 | 3.140000104904175",
        "1e-7 | 1.0000000116860974e-07",
      })
  void formatsWidenedFloatsAsPython(float value, String python) {
    assertThat(PythonFloatText.format(value)).isEqualTo(python);
  }

  @org.junit.jupiter.api.Test
  void formatsSpecialValuesAsPython() {
    assertThat(PythonFloatText.format(Double.NaN)).isEqualTo("nan");
    assertThat(PythonFloatText.format(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    assertThat(PythonFloatText.format(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    assertThat(PythonFloatText.format(0.0)).isEqualTo("0.0");
    assertThat(PythonFloatText.format(-0.0)).isEqualTo("-0.0");
  }
}
