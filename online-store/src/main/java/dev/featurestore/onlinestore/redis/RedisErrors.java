package dev.featurestore.onlinestore.redis;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.util.Optional;

/** Turns client exceptions into {@code ONLINE_STORE_UNAVAILABLE} without leaking the password. */
final class RedisErrors {
  private final Optional<String> password;

  RedisErrors(Optional<String> password) {
    this.password = password.filter(p -> !p.isEmpty());
  }

  FeatureStoreException unavailable(String node, Throwable cause) {
    if (cause instanceof FeatureStoreException known) {
      return known;
    }
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      message = cause.getClass().getSimpleName();
    }
    if (password.isPresent()) {
      message = message.replace(password.get(), "****");
    }
    return new FeatureStoreException(
        ErrorCode.ONLINE_STORE_UNAVAILABLE, "redis " + node + ": " + message, cause);
  }
}
