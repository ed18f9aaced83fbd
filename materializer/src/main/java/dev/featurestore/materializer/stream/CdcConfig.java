package dev.featurestore.materializer.stream;

import static java.util.Objects.requireNonNull;

/**
 * The PostgreSQL database {@code PostgresCdcSource}s follow ({@code materializer.streaming.cdc}).
 * It needs {@code wal_level=logical}; the user needs the REPLICATION attribute (or superuser) and
 * may create the publication (or it exists already).
 *
 * @param slotName the logical replication slot; it keeps the WAL the engine has not confirmed, so
 *     a stopped engine catches up from where it stopped
 * @param publicationName created for the followed tables when missing
 * @param snapshot {@code never} (default: only changes from the first start on; materialization
 *     fills the rest) or {@code initial} (first copy every followed row)
 */
public record CdcConfig(
    String host,
    int port,
    String database,
    String user,
    String password,
    String slotName,
    String publicationName,
    String snapshot) {

  public CdcConfig {
    requireNonNull(host, "host is null");
    requireNonNull(database, "database is null");
    requireNonNull(user, "user is null");
    password = password == null ? "" : password;
    slotName = slotName == null || slotName.isEmpty() ? "featurestore" : slotName;
    publicationName =
        publicationName == null || publicationName.isEmpty() ? "featurestore" : publicationName;
    snapshot = snapshot == null || snapshot.isEmpty() ? "never" : snapshot;
  }

  /** For logs and the console: never the password. */
  public String describe() {
    return user + "@" + host + ":" + port + "/" + database + " (slot " + slotName + ")";
  }
}
