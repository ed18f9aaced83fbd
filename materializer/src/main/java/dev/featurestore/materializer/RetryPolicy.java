package dev.featurestore.materializer;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.time.Duration;

/**
 * How failed runs are retried: up to {@code max} more attempts, the n-th after {@code backoff *
 * 2^(n-1)} (30 s, 60 s, 120 s with the defaults).
 *
 * <p>A failure is retried when it may pass by itself: a {@link FeatureStoreException} whose code is
 * {@link ErrorCode#retriable()} (a store or the registry unreachable, a concurrent update), or an
 * exception nobody classified (any other exception, also when the engine wrapped it as {@code
 * INTERNAL}). Classified permanent failures (a bad definition, a view deleted, a missing source
 * file) are recorded once and not retried: the next scheduled fire tries again anyway.
 */
public record RetryPolicy(int max, Duration backoff) {
  public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(30));

  public RetryPolicy {
    requireNonNull(backoff, "backoff is null");
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative, got " + max);
    }
    if (backoff.isNegative()) {
      throw new IllegalArgumentException("backoff must not be negative, got " + backoff);
    }
  }

  /** The wait before retry number {@code retry} (1 for the first retry). */
  public Duration delay(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry counts from 1, got " + retry);
    }
    // Capped shift: 2^20 backoffs is already weeks; beyond that the multiplication would overflow.
    return backoff.multipliedBy(1L << Math.min(retry - 1, 20));
  }

  /** Whether another attempt is due after attempt {@code attempt} (0 = the scheduled run) failed. */
  public boolean shouldRetry(Throwable failure, int attempt) {
    return attempt < max && isRetriable(failure);
  }

  /** Whether {@code failure} may pass without anyone changing anything. */
  public static boolean isRetriable(Throwable failure) {
    if (failure instanceof FeatureStoreException e) {
      if (e.code() == ErrorCode.INTERNAL && e.getCause() != null) {
        return isRetriable(e.getCause());
      }
      return e.code().retriable();
    }
    return failure instanceof Exception;
  }
}
