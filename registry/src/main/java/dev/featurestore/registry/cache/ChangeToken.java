package dev.featurestore.registry.cache;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A cheap fingerprint of a project's state in a store: two equal tokens mean nothing changed, as
 * far as the store can tell at the token's resolution.
 *
 * @param value opaque; compared with {@code equals}
 * @param changedAt when the store last recorded a change (file mtime, {@code feast_metadata}
 *     second); a snapshot read shortly after it may still miss a change made in the same instant
 *     (see {@link CachedRegistry})
 */
public record ChangeToken(String value, Instant changedAt) {
  public ChangeToken {
    requireNonNull(value, "value is null");
    requireNonNull(changedAt, "changedAt is null");
  }
}
