package dev.featurestore.adminui.overview;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Something an operator should look at, shown in the overview's alert area.
 *
 * @param title one line, e.g. "user_credit_profile is past its TTL"
 * @param detail a sentence or two of context; "" if none
 * @param since when the condition started (or was first seen)
 */
public record Alert(Severity severity, String title, String detail, Instant since) {

  /** Ordered from most to least urgent. */
  public enum Severity {
    CRITICAL,
    WARNING,
    INFO;

    public String cssClass() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Alert {
    requireNonNull(severity, "severity is null");
    requireNonNull(title, "title is null");
    detail = detail == null ? "" : detail;
    requireNonNull(since, "since is null");
  }
}
