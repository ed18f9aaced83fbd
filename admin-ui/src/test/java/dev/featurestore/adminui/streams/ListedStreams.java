package dev.featurestore.adminui.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A streams backend that lists fixed rows, as the CLI's adapter would report a running engine. */
public record ListedStreams(List<StreamRow> streams, Duration lagAlert) implements StreamsBackend {

  /** A Kafka stream name (and its source and view) that tries to inject HTML into the pages. */
  public static final String XSS_STREAM = "tx_<script>alert(1)</script>";
  public static final String XSS_VIEW = "velocity_<b>x</b>";
  public static final String XSS_ERROR = "broker localhost:9092 unreachable <i>retrying</i>";

  public ListedStreams {
    streams = List.copyOf(streams);
  }

  @Override
  public boolean connected() {
    return true;
  }

  /** {@link #sample} as of each call, so the pages' "newest event" ages are as the sample says. */
  public static StreamsBackend sampleAsOfNow() {
    return new StreamsBackend() {
      @Override
      public boolean connected() {
        return true;
      }

      @Override
      public List<StreamRow> streams() {
        return sample(Instant.now()).streams();
      }

      @Override
      public Duration lagAlert() {
        return sample(Instant.now()).lagAlert();
      }
    };
  }

  /**
   * A healthy CDC stream, and a Kafka stream that is down, lags (P99 7.5 s over the default 5 s)
   * and skipped 4 bad records in the last minute.
   */
  public static ListedStreams sample(Instant now) {
    StreamRow cdc = new StreamRow("cdc", "PostgreSQL CDC", List.of("user_profile_cdc"),
        List.of("user_credit_profile", "user_demographics"), true, Optional.empty(), 12_345, 3, 2, 0, 41.5,
        Optional.of(Duration.ofMillis(120)), Optional.of(Duration.ofMillis(850)),
        Optional.of(now.minusSeconds(2)), Map.of("lsn", "0/16B3748"));
    StreamRow kafka = new StreamRow(XSS_STREAM, "Kafka", List.of(XSS_STREAM), List.of(XSS_VIEW), false,
        Optional.of(XSS_ERROR), 10, 7, 0, 4, 0.25, Optional.of(Duration.ofSeconds(2)),
        Optional.of(Duration.ofMillis(7_500)), Optional.of(now.minusSeconds(95)),
        Map.of("transactions-1", "17", "transactions-0", "42"));
    return new ListedStreams(List.of(kafka, cdc), Duration.ofSeconds(5));
  }
}
