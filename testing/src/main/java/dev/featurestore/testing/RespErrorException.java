package dev.featurestore.testing;

import java.util.Optional;

/**
 * An error reply from Redis, e.g. {@code ERR unknown command} or {@code MOVED 3999 127.0.0.1:7001}.
 */
public final class RespErrorException extends RuntimeException {
  public RespErrorException(String message) {
    super(message);
  }

  /** For a {@code MOVED} or {@code ASK} redirect, the "host:port" to ask instead. */
  public Optional<String> redirectTarget() {
    String[] parts = getMessage().split(" ");
    boolean redirect = parts.length == 3 && (parts[0].equals("MOVED") || parts[0].equals("ASK"));
    return redirect ? Optional.of(parts[2]) : Optional.empty();
  }

  public boolean isAsk() {
    return getMessage().startsWith("ASK ");
  }
}
