package dev.featurestore.adminui.overview;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A small line chart of one series, laid out here so the SVG template only copies numbers: the
 * points are scaled to {@link #WIDTH} x {@link #HEIGHT} with zero at the bottom and the series'
 * maximum at the top; missing values (NaN) are drawn as zero.
 *
 * @param title what the series is, e.g. "rest P95 (ms)"
 * @param latest the newest value as text, shown beside the chart
 * @param values oldest first
 */
public record Sparkline(String title, String latest, List<Double> values) {

  public static final int WIDTH = 240;
  public static final int HEIGHT = 40;

  public Sparkline {
    requireNonNull(title, "title is null");
    requireNonNull(latest, "latest is null");
    values = List.copyOf(values);
  }

  public int width() {
    return WIDTH;
  }

  public int height() {
    return HEIGHT;
  }

  /** The {@code points} attribute of an SVG polyline; "" with fewer than two values. */
  public String points() {
    if (values.size() < 2) {
      return "";
    }
    double max = values.stream().mapToDouble(Sparkline::finite).max().orElse(0);
    double step = (double) WIDTH / (values.size() - 1);
    StringJoiner points = new StringJoiner(" ");
    for (int i = 0; i < values.size(); i++) {
      double y = max <= 0 ? HEIGHT - 1 : (HEIGHT - 1) - finite(values.get(i)) / max * (HEIGHT - 2);
      points.add(String.format(Locale.ROOT, "%.1f,%.1f", i * step, y));
    }
    return points.toString();
  }

  private static double finite(Double value) {
    return value == null || value.isNaN() || value.isInfinite() ? 0 : value;
  }
}
