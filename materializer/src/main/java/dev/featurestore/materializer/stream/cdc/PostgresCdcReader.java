package dev.featurestore.materializer.stream.cdc;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.materializer.stream.CdcConfig;
import dev.featurestore.materializer.stream.RetryBackoff;
import dev.featurestore.materializer.stream.StreamPosition;
import dev.featurestore.materializer.stream.StreamReader;
import dev.featurestore.materializer.stream.StreamRecordHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the tables of one PostgreSQL database through Debezium's embedded engine (pgoutput, no
 * Kafka broker) and hands their changes to a {@link StreamRecordHandler}.
 *
 * <p>Debezium keeps its own offsets in {@code <stateDir>/cdc-offsets.dat} and confirms them to the
 * replication slot, both only for records the handler accepted, so a stopped reader resumes where
 * it stopped and PostgreSQL keeps the WAL until then. {@code resumeAfter} is therefore not used:
 * after a crash Debezium may repeat records, with the positions they had the first time, and the
 * processor skips those at or below its checkpoint. See {@link ChangeEventDecoder} for positions.
 *
 * <p>When the connector fails (the database is down, the slot is busy) the reader reports {@link
 * #isRunning()} false and {@link #lastError()}, logs one warning and starts a new engine after 1 s,
 * 2 s... up to 30 s, until it runs again or is closed.
 */
public final class PostgresCdcReader implements StreamReader {
  static final String OFFSETS_FILE = "cdc-offsets.dat";

  private static final Logger LOG = LoggerFactory.getLogger(PostgresCdcReader.class);
  private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

  private final CdcConfig config;
  private final Map<String, String> sourceByTable;
  private final Path stateDir;
  private final int batchSize;
  private final String snapshotMode;
  private final DeliveryGate gate = new DeliveryGate();
  private final AtomicBoolean started = new AtomicBoolean();
  private final Object engineLock = new Object();
  private CdcEngine engine;
  private volatile Thread supervisor;
  private volatile boolean running;
  private volatile String lastError;

  /** Whether the reader is in an outage, which gets one warning. */
  private volatile boolean failing;

  /**
   * @param sourceByTable followed tables ({@code public.users}; a bare name means schema {@code
   *     public}) to the name of the Feast source reading them
   * @param stateDir where Debezium's offsets file lives; created when missing
   * @param batchSize most changes handed to the handler at once
   * @throws FeatureStoreException INVALID_CONFIG for an unknown {@code snapshot} mode
   */
  public PostgresCdcReader(
      CdcConfig config, Map<String, String> sourceByTable, Path stateDir, int batchSize) {
    this.config = requireNonNull(config, "config is null");
    this.sourceByTable = qualified(requireNonNull(sourceByTable, "sourceByTable is null"));
    this.stateDir = requireNonNull(stateDir, "stateDir is null");
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
    }
    if (this.sourceByTable.isEmpty()) {
      throw new IllegalArgumentException("sourceByTable is empty: no table to follow");
    }
    this.batchSize = batchSize;
    this.snapshotMode = DebeziumSettings.snapshotMode(config.snapshot());
  }

  @Override
  public String name() {
    return "cdc";
  }

  /**
   * Checks the database, then starts the engine on its own thread and returns.
   *
   * @throws FeatureStoreException INVALID_CONFIG when the database cannot serve CDC: wal_level is
   *     not logical, the user lacks the REPLICATION attribute, the slot belongs elsewhere, or the
   *     state directory cannot be created. An unreachable database is not an error here: the reader
   *     keeps trying in the background.
   */
  @Override
  public void start(StreamRecordHandler handler, Map<String, StreamPosition> resumeAfter) {
    requireNonNull(handler, "handler is null");
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("the CDC reader was started already");
    }
    Long firstCheck;
    try {
      // Definite problems fail here; an unreachable database is retried in the background.
      firstCheck = checkDatabase(true);
      Files.createDirectories(stateDir);
    } catch (IOException e) {
      started.set(false);
      throw new FeatureStoreException(
          ErrorCode.INVALID_CONFIG,
          "materializer.streaming.state_dir: cannot create " + stateDir + ": " + e.getMessage(),
          e);
    } catch (RuntimeException e) {
      started.set(false);
      throw e;
    }
    supervisor = new Thread(() -> supervise(handler, firstCheck), "featurestore-cdc");
    supervisor.setDaemon(true);
    supervisor.start();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public String lastError() {
    return lastError;
  }

  /**
   * Waits for the handler call in progress, stops the engine (which stores the offsets of every
   * record handled) and waits for it to finish. Idempotent.
   */
  @Override
  public void close() {
    gate.close();
    CdcEngine current;
    synchronized (engineLock) {
      current = engine;
    }
    if (current != null) {
      current.stop();
    }
    Thread thread = supervisor;
    if (thread != null && thread != Thread.currentThread()) {
      try {
        thread.join(STOP_TIMEOUT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) {
        LOG.warn("the CDC engine did not stop within {}", STOP_TIMEOUT);
      }
    }
    running = false;
  }

  /**
   * Runs engines one after the other until closed, checking the database before each; {@code
   * firstCheck} is null when the check in {@link #start} failed.
   */
  private void supervise(StreamRecordHandler handler, Long firstCheck) {
    RetryBackoff backoff = new RetryBackoff();
    Long confirmedFlushLsn = firstCheck;
    while (!gate.isClosed()) {
      if (confirmedFlushLsn != null) {
        AtomicBoolean polled = new AtomicBoolean();
        Throwable failure = runEngine(handler, confirmedFlushLsn, polled);
        if (gate.isClosed()) {
          break;
        }
        if (polled.get()) {
          backoff.reset();
        }
        Throwable cause =
            failure == null ? new IllegalStateException("it ended without an error") : failure;
        failed(
            "the CDC engine for " + config.describe() + " stopped: " + message(cause),
            cause,
            false);
      }
      if (!gate.pause(backoff.next())) {
        break;
      }
      confirmedFlushLsn = checkDatabase(false);
    }
  }

  /**
   * The slot's confirmed position, or null (with lastError set) when the database cannot be
   * reached, or cannot serve CDC and {@code failFast} is false.
   */
  private Long checkDatabase(boolean failFast) {
    try {
      return CdcPreflight.check(config);
    } catch (SQLException e) {
      failed("cannot reach PostgreSQL " + config.describe() + ": " + e.getMessage(), e, false);
    } catch (FeatureStoreException e) {
      if (failFast) {
        throw e;
      }
      // A database that came back unfit for CDC deserves its own warning.
      failed(e.getMessage(), e, !e.getMessage().equals(lastError));
    }
    return null;
  }

  /** Runs one engine until it stops; returns its failure, null when it stopped normally. */
  private Throwable runEngine(
      StreamRecordHandler handler, long confirmedFlushLsn, AtomicBoolean polled) {
    CdcEngine created;
    try {
      created = createEngine(handler, confirmedFlushLsn, polled);
    } catch (RuntimeException e) {
      return e;
    }
    synchronized (engineLock) {
      if (gate.isClosed()) {
        return null;
      }
      engine = created;
    }
    try {
      return created.run();
    } finally {
      running = false;
      synchronized (engineLock) {
        engine = null;
      }
    }
  }

  private CdcEngine createEngine(
      StreamRecordHandler handler, long confirmedFlushLsn, AtomicBoolean polled) {
    Properties properties =
        DebeziumSettings.properties(
            config,
            sourceByTable.keySet(),
            stateDir.resolve(OFFSETS_FILE),
            batchSize,
            snapshotMode);
    ChangeEventDecoder decoder = new ChangeEventDecoder(sourceByTable, confirmedFlushLsn);
    CdcBatchDelivery delivery = new CdcBatchDelivery(handler, decoder, gate, new HandlerListener());
    Runnable polling =
        () -> {
          polled.set(true);
          running = true;
          LOG.info(
              "CDC reader follows {} tables of {}{}",
              sourceByTable.size(),
              config.describe(),
              failing ? " again" : "");
          failing = false;
        };
    return new CdcEngine(properties, delivery, polling, () -> running = false);
  }

  /** Records a failure; warns at the first of an outage (or when {@code warn}), else debug. */
  private void failed(String error, Throwable cause, boolean warn) {
    lastError = error;
    running = false;
    if (!failing || warn) {
      LOG.warn("{}; retrying after 1 s, backing off to 30 s", error);
    } else {
      LOG.debug("{} (still failing)", error);
    }
    LOG.debug("cause", cause);
    failing = true;
  }

  private static String message(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String top = String.valueOf(failure.getMessage());
    return root == failure ? top : top + " (" + root.getMessage() + ")";
  }

  private static Map<String, String> qualified(Map<String, String> sourceByTable) {
    Map<String, String> qualified = new LinkedHashMap<>();
    sourceByTable.forEach(
        (table, source) -> qualified.put(table.contains(".") ? table : "public." + table, source));
    return Map.copyOf(qualified);
  }

  private final class HandlerListener implements CdcBatchDelivery.Listener {
    @Override
    public void handlerFailed(String error) {
      lastError = error;
      running = false;
    }

    @Override
    public void handlerRecovered() {
      running = true;
    }
  }
}
