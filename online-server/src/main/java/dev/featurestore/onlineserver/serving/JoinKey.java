package dev.featurestore.onlineserver.serving;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.model.ValueType;

/**
 * One join key of a feature view, typed by the view's entity column (else the entity's declared
 * type; {@link ValueType#INVALID} when neither is known and values pass unchanged).
 *
 * @param dummy Feast's {@code __dummy_id} of an entityless view: never supplied by callers
 */
public record JoinKey(String name, ValueType type, boolean dummy) {
  public static final String DUMMY_ENTITY_NAME = "__dummy";
  public static final String DUMMY_JOIN_KEY = "__dummy_id";

  public JoinKey {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
  }
}
