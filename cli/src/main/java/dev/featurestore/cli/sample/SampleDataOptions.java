package dev.featurestore.cli.sample;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What {@link SampleDataGenerator} produces. Two runs with equal options write equal rows.
 *
 * @param users number of users, ids {@code user_00001} upwards
 * @param merchants number of merchants, ids {@code merchant_0001} upwards
 * @param devices number of devices, ids {@code device_000001} upwards
 * @param seed seed of every random draw
 * @param historyDays how far back before {@code now} the oldest rows may go
 * @param now the instant the data is "fresh" at: every timestamp is before it
 * @param outputDir folder the Parquet files are written to (created if missing)
 */
public record SampleDataOptions(
    long users,
    long merchants,
    long devices,
    long seed,
    int historyDays,
    Instant now,
    Path outputDir) {

  public static final long DEFAULT_USERS = 10_000;
  public static final long DEFAULT_MERCHANTS = 500;
  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_HISTORY_DAYS = 30;

  /** A sanity bound, far beyond any demo. */
  static final long MAX_ENTITIES = 1_000_000_000L;

  public SampleDataOptions {
    requireNonNull(now, "now is null");
    requireNonNull(outputDir, "outputDir is null");
    checkCount("users", users);
    checkCount("merchants", merchants);
    checkCount("devices", devices);
    if (historyDays < 1 || historyDays > 3650) {
      throw invalid("history days must be between 1 and 3650, got " + historyDays);
    }
  }

  /** The defaults of the {@code generate-data} command, with the given output folder. */
  public static SampleDataOptions defaults(Path outputDir) {
    return new SampleDataOptions(
        DEFAULT_USERS,
        DEFAULT_MERCHANTS,
        defaultDevices(DEFAULT_USERS),
        DEFAULT_SEED,
        DEFAULT_HISTORY_DAYS,
        startOfTodayUtc(),
        outputDir);
  }

  /** Some users own two devices, so there are a few more devices than users. */
  public static long defaultDevices(long users) {
    return Math.max(1, users + users / 5);
  }

  /**
   * Midnight UTC today: the newest rows are then hours old, well inside every view's ttl, and runs
   * on the same day agree.
   */
  public static Instant startOfTodayUtc() {
    return LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static void checkCount(String what, long count) {
    if (count < 1 || count > MAX_ENTITIES) {
      throw invalid(what + " must be between 1 and " + MAX_ENTITIES + ", got " + count);
    }
  }

  private static FeatureStoreException invalid(String message) {
    return new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
