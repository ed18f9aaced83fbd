package dev.featurestore.adminui.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Formatting helpers for templates, reachable there as {@code @fmt} (a bean). */
public final class Formats {

  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** "3d 4h", "2h 5m", "42s"; "never expires" wording is left to the page. */
  public String duration(Duration duration) {
    if (duration == null) {
      return "";
    }
    long seconds = Math.abs(duration.getSeconds());
    String sign = duration.isNegative() ? "-" : "";
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3600;
    long minutes = seconds % 3600 / 60;
    long secs = seconds % 60;
    if (days > 0) {
      return sign + days + "d" + (hours > 0 ? " " + hours + "h" : "");
    }
    if (hours > 0) {
      return sign + hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
    }
    if (minutes > 0) {
      return sign + minutes + "m" + (secs > 0 ? " " + secs + "s" : "");
    }
    return sign + secs + "s";
  }

  /** A TTL as Feast means it: zero is "no expiry". */
  public String ttl(Duration ttl) {
    return ttl == null || ttl.isZero() ? "none (never expires)" : duration(ttl);
  }

  public String instant(Instant instant) {
    return instant == null ? "" : INSTANT.format(instant);
  }

  public String instant(Optional<Instant> instant) {
    return instant.map(this::instant).orElse("—");
  }

  /** A latency in milliseconds with one decimal, "—" when absent. */
  public String millis(Optional<Duration> latency) {
    return latency.map(d -> String.format(java.util.Locale.ROOT, "%.1f ms", d.toNanos() / 1e6)).orElse("—");
  }

  /** A lag: "850 ms" under a second, "7.2 s" under a minute, then as {@link #duration}. */
  public String latency(Duration latency) {
    if (latency == null) {
      return "";
    }
    if (latency.compareTo(Duration.ofSeconds(1)) < 0) {
      return String.format(java.util.Locale.ROOT, "%.0f ms", latency.toNanos() / 1e6);
    }
    if (latency.compareTo(Duration.ofMinutes(1)) < 0) {
      return String.format(java.util.Locale.ROOT, "%.1f s", latency.toMillis() / 1e3);
    }
    return duration(latency);
  }

  public String latency(Optional<Duration> latency) {
    return latency.map(this::latency).orElse("—");
  }

  /** A fraction (0..1) as a percentage with one decimal. */
  public String percent(double fraction) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", fraction * 100);
  }

  public String percent(Optional<Double> fraction) {
    return fraction.map(this::percent).orElse("—");
  }

  /** A rate per second with up to two decimals. */
  public String perSecond(double rate) {
    return String.format(java.util.Locale.ROOT, "%.2f/s", rate);
  }

  /** Tags and other small maps sorted by key, so pages are stable. */
  public Map<String, String> sorted(Map<String, String> map) {
    return map == null ? Map.of() : new TreeMap<>(map);
  }
}
