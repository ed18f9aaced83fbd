package dev.featurestore.onlinestore.sqlite;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double as Python's {@code str(float)} does ({@code repr}: the shortest digits that read
 * back to the same double, fixed notation for decimal exponents -4..15, else {@code 1e-05} / {@code
 * 1.5e+16}). Feast's SQLite store writes that text into {@code value_text}, and Java's {@code
 * Double.toString} differs ({@code 1.0E-5}; not always shortest before JDK 19).
 */
final class PythonFloatText {

  private PythonFloatText() {}

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0.0" : "0.0";
    }
    BigDecimal shortest = shortestRoundTrip(value);
    String sign = shortest.signum() < 0 ? "-" : "";
    BigDecimal magnitude = shortest.abs();
    String digits = magnitude.unscaledValue().toString();
    // The decimal point sits after `pointPosition` digits: value = 0.digits * 10^pointPosition.
    int pointPosition = digits.length() - magnitude.scale();
    if (pointPosition > -4 && pointPosition <= 16) {
      return sign + fixed(digits, pointPosition);
    }
    return sign + scientific(digits, pointPosition - 1);
  }

  /**
   * The fewest significant digits (1..17) whose correctly rounded value parses back exactly; ties
   * round to even like Python's dtoa.
   */
  private static BigDecimal shortestRoundTrip(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision < 17; precision++) {
      BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == value) {
        return candidate.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  private static String fixed(String digits, int pointPosition) {
    if (pointPosition <= 0) {
      return "0." + "0".repeat(-pointPosition) + digits;
    }
    if (pointPosition >= digits.length()) {
      return digits + "0".repeat(pointPosition - digits.length()) + ".0";
    }
    return digits.substring(0, pointPosition) + "." + digits.substring(pointPosition);
  }

  private static String scientific(String digits, int exponent) {
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String expSign = exponent < 0 ? "-" : "+";
    int expAbs = Math.abs(exponent);
    return mantissa + "e" + expSign + (expAbs < 10 ? "0" : "") + expAbs;
  }
}
