package dev.featurestore.materializer;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The PostgreSQL database holding the clustered Quartz job store, already resolved from {@code
 * job_store_url} or the registry's URL.
 *
 * @param jdbcUrl a {@code jdbc:postgresql://} URL without credentials
 * @param displayUrl the URL without password, for messages
 */
public record JobStoreDatabase(
    String jdbcUrl, Optional<String> user, Optional<String> password, String displayUrl) {
  public JobStoreDatabase {
    requireNonNull(jdbcUrl, "jdbcUrl is null");
    requireNonNull(user, "user is null");
    requireNonNull(password, "password is null");
    requireNonNull(displayUrl, "displayUrl is null");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("the Quartz JDBC job store runs on PostgreSQL only, got " + displayUrl);
    }
  }
}
