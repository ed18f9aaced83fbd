package dev.featurestore.onlineserver.auth;

/** How the online server checks callers ({@code server.auth.type}). */
public enum AuthType {
  /** Every request is served (the default, as Feast's {@code no_auth}). */
  NONE("none"),
  /** A static key from {@code server.auth.api_keys}. */
  API_KEY("api_key"),
  /** A signed JSON Web Token (HS256 or RS256). */
  JWT("jwt");

  private final String configName;

  AuthType(String configName) {
    this.configName = configName;
  }

  /** The value written in feature_store.yaml. */
  public String configName() {
    return configName;
  }
}
