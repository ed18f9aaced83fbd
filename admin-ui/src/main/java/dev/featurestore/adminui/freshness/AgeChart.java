package dev.featurestore.adminui.freshness;

import dev.featurestore.adminui.web.Formats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The freshness page's horizontal bar chart of ages, laid out here so the SVG template only
 * copies numbers: one bar per view on a logarithmic scale up to the oldest age (or the warning
 * threshold, whichever is larger), since ages run from seconds to weeks; a dashed line marks the
 * threshold.
 */
public record AgeChart(int width, int height, List<Bar> bars, int thresholdX, int thresholdBottom, String thresholdLabel) {

  static final int LABEL_WIDTH = 230;
  static final int BAR_AREA = 480;
  static final int ROW_HEIGHT = 24;
  static final int BAR_HEIGHT = 16;

  /** One view's bar; {@code value} is the age or the status when there is none. */
  public record Bar(String view, int y, int width, String cssClass, String value) {
    public int x() {
      return LABEL_WIDTH;
    }

    public int textY() {
      return y + BAR_HEIGHT - 3;
    }

    public int valueX() {
      return LABEL_WIDTH + width + 6;
    }

    public int barHeight() {
      return BAR_HEIGHT;
    }
  }

  public AgeChart {
    bars = List.copyOf(bars);
  }

  static AgeChart of(List<FreshnessRow> rows, Duration warning) {
    Formats formats = new Formats();
    long scale = Math.max(
        rows.stream().flatMap(r -> r.age().stream()).mapToLong(Duration::getSeconds).max().orElse(0),
        warning.getSeconds());
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      FreshnessRow row = rows.get(i);
      int width = row.age().map(a -> length(a.getSeconds(), scale)).orElse(0);
      String value = row.age().map(formats::duration).orElse(row.status().label());
      bars.add(new Bar(row.view(), i * ROW_HEIGHT + 4, width, "bar " + row.status().cssClass(), value));
    }
    int thresholdX = LABEL_WIDTH + length(warning.getSeconds(), scale);
    int bottom = rows.size() * ROW_HEIGHT + 4;
    return new AgeChart(LABEL_WIDTH + BAR_AREA + 100, bottom + 24, bars, thresholdX, bottom,
        "warning at " + formats.duration(warning));
  }

  private static int length(long seconds, long scale) {
    if (seconds <= 0 || scale <= 0) {
      return 0;
    }
    return (int) Math.round(Math.log1p(seconds) / Math.log1p(scale) * BAR_AREA);
  }
}
