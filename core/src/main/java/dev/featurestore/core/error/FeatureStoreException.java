package dev.featurestore.core.error;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The one exception type the feature store throws across module boundaries. The message names the
 * culprit (file and line, object, feature) and is safe to show to users; driver exceptions are
 * kept as the cause and never shown.
 */
public class FeatureStoreException extends RuntimeException {
  private final ErrorCode code;
  private final SourceLocation location;

  public FeatureStoreException(ErrorCode code, String message) {
    this(code, null, message, null);
  }

  public FeatureStoreException(ErrorCode code, String message, Throwable cause) {
    this(code, null, message, cause);
  }

  public FeatureStoreException(ErrorCode code, SourceLocation location, String message) {
    this(code, location, message, null);
  }

  public FeatureStoreException(
      ErrorCode code, SourceLocation location, String message, Throwable cause) {
    super(location == null ? message : location + ": " + message, cause);
    this.code = requireNonNull(code, "code is null");
    this.location = location;
  }

  public ErrorCode code() {
    return code;
  }

  public Optional<SourceLocation> location() {
    return Optional.ofNullable(location);
  }
}
