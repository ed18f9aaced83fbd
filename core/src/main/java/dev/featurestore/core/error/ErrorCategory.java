package dev.featurestore.core.error;

/**
 * How an error is reported at the edges. Each server maps a category to its transport status in
 * exactly one place (gRPC status, HTTP status, CLI exit code).
 */
public enum ErrorCategory {
  /** Bad input from the caller or the repository: INVALID_ARGUMENT / 400, CLI exit 2. */
  USER_ERROR,
  /** A named object does not exist: NOT_FOUND / 404. */
  NOT_FOUND,
  /** The request conflicts with work in progress: ABORTED / 409. */
  CONFLICT,
  /** Missing or invalid credentials: UNAUTHENTICATED / 401. */
  UNAUTHENTICATED,
  /** A dependency (database, Redis, offline engine) cannot be reached: UNAVAILABLE / 503. */
  UNAVAILABLE,
  /** A bug or an unexpected state: INTERNAL / 500. */
  INTERNAL
}
