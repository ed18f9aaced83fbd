package dev.featurestore.core.error;

/** Every error the feature store reports, each in one category. */
public enum ErrorCode {
  INVALID_CONFIG(ErrorCategory.USER_ERROR, false),
  SYNTAX_ERROR(ErrorCategory.USER_ERROR, false),
  UNSUPPORTED_CONSTRUCT(ErrorCategory.USER_ERROR, false),
  INVALID_DEFINITION(ErrorCategory.USER_ERROR, false),
  UNKNOWN_REFERENCE(ErrorCategory.USER_ERROR, false),
  DUPLICATE_NAME(ErrorCategory.USER_ERROR, false),
  INVALID_ARGUMENT(ErrorCategory.USER_ERROR, false),
  PROJECT_NOT_FOUND(ErrorCategory.NOT_FOUND, false),
  ENTITY_NOT_FOUND(ErrorCategory.NOT_FOUND, false),
  DATA_SOURCE_NOT_FOUND(ErrorCategory.NOT_FOUND, false),
  FEATURE_VIEW_NOT_FOUND(ErrorCategory.NOT_FOUND, false),
  FEATURE_NOT_FOUND(ErrorCategory.NOT_FOUND, false),
  FEATURE_SERVICE_NOT_FOUND(ErrorCategory.NOT_FOUND, false),
  CONCURRENT_UPDATE(ErrorCategory.CONFLICT, true),
  UNAUTHENTICATED(ErrorCategory.UNAUTHENTICATED, false),
  REGISTRY_UNAVAILABLE(ErrorCategory.UNAVAILABLE, true),
  ONLINE_STORE_UNAVAILABLE(ErrorCategory.UNAVAILABLE, true),
  OFFLINE_STORE_UNAVAILABLE(ErrorCategory.UNAVAILABLE, true),
  CORRUPT_REGISTRY(ErrorCategory.INTERNAL, false),
  INTERNAL(ErrorCategory.INTERNAL, false);

  private final ErrorCategory category;
  private final boolean retriable;

  ErrorCode(ErrorCategory category, boolean retriable) {
    this.category = category;
    this.retriable = retriable;
  }

  public ErrorCategory category() {
    return category;
  }

  /** Whether the same call may succeed later without any change by the caller. */
  public boolean retriable() {
    return retriable;
  }
}
