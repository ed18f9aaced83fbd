package dev.featurestore.materializer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(30));

  @Test
  void backOffDoublesWithEachRetry() {
    assertThat(policy.delay(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.delay(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(policy.delay(3)).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void retriesTransientAndUnclassifiedFailuresUpToMax() {
    FeatureStoreException unavailable = new FeatureStoreException(ErrorCode.ONLINE_STORE_UNAVAILABLE, "down");
    assertThat(policy.shouldRetry(unavailable, 0)).isTrue();
    assertThat(policy.shouldRetry(unavailable, 2)).isTrue();
    assertThat(policy.shouldRetry(unavailable, 3)).isFalse();
    assertThat(policy.shouldRetry(new IllegalStateException("?"), 0)).isTrue();
    // The engine wraps unclassified exceptions as INTERNAL; the cause decides.
    assertThat(RetryPolicy.isRetriable(
        new FeatureStoreException(ErrorCode.INTERNAL, "failed", new java.io.UncheckedIOException(
            new java.io.IOException("reset"))))).isTrue();
  }

  @Test
  void doesNotRetryPermanentFailures() {
    assertThat(RetryPolicy.isRetriable(new FeatureStoreException(ErrorCode.INVALID_DEFINITION, "bad"))).isFalse();
    assertThat(RetryPolicy.isRetriable(new FeatureStoreException(ErrorCode.FEATURE_VIEW_NOT_FOUND, "gone"))).isFalse();
    assertThat(RetryPolicy.isRetriable(new FeatureStoreException(ErrorCode.INTERNAL, "corrupt"))).isFalse();
    assertThat(RetryPolicy.isRetriable(new OutOfMemoryError())).isFalse();
  }
}
