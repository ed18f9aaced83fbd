package dev.featurestore.materializer.stream;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * A record's place in its stream, ordered within one {@code partition}: records of a partition
 * arrive in increasing position, and a replay after a restart repeats positions already seen,
 * which {@link StreamProcessor} skips.
 *
 * <ul>
 *   <li>PostgreSQL CDC: partition {@code ""}, {@code major} = Debezium's {@code lsn_commit} (the
 *       commit LSN of the transaction streamed <em>before</em> the record's own: pgoutput's BEGIN
 *       carries the record's own, but Debezium drops it), {@code minor} = the change's own LSN.
 *       Transactions stream in commit order, so every transaction boundary raises {@code major}
 *       and changes inside one raise {@code minor}: the pair increases even when transactions
 *       interleaved in the WAL, and a replay repeats the same pairs. See {@code
 *       cdc.ChangeEventDecoder} for the first transaction and snapshots.
 *   <li>Kafka: partition {@code <topic>-<n>}, {@code major} = the offset, {@code minor} = 0.
 * </ul>
 */
public record StreamPosition(String partition, long major, long minor)
    implements Comparable<StreamPosition> {

  private static final Comparator<StreamPosition> ORDER =
      Comparator.comparingLong(StreamPosition::major).thenComparingLong(StreamPosition::minor);

  public StreamPosition {
    requireNonNull(partition, "partition is null");
  }

  /** Compares positions of the same partition. */
  @Override
  public int compareTo(StreamPosition other) {
    if (!partition.equals(other.partition)) {
      throw new IllegalArgumentException(
          "positions of partitions " + partition + " and " + other.partition + " do not compare");
    }
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    // Not PostgreSQL's hi/lo LSN text: two plain numbers.
    return (partition.isEmpty() ? "" : partition + "@") + major + (minor == 0 ? "" : ":" + minor);
  }
}
