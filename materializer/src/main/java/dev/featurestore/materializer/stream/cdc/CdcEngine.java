package dev.featurestore.materializer.stream.cdc;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of Debezium's embedded engine: {@link #run()} on one thread, {@link #stop()} on another.
 */
final class CdcEngine {
  private static final Logger LOG = LoggerFactory.getLogger(CdcEngine.class);
  private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

  private final DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  /**
   * @param polling called once the connector's task runs (slot and publication exist)
   * @param stopped called when the task stops polling
   */
  CdcEngine(
      Properties properties,
      DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> consumer,
      Runnable polling,
      Runnable stopped) {
    engine =
        DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
            .using(properties)
            .notifying(consumer)
            .using(
                (success, message, error) -> {
                  if (!success) {
                    failure.set(error == null ? new IllegalStateException(message) : error);
                  }
                })
            .using(
                new DebeziumEngine.ConnectorCallback() {
                  @Override
                  public void pollingStarted() {
                    polling.run();
                  }

                  @Override
                  public void pollingStopped() {
                    stopped.run();
                  }
                })
            .build();
  }

  /** Runs until the engine stops; returns why it failed, null when it was stopped. */
  Throwable run() {
    engine.run();
    return failure.get();
  }

  /**
   * Stops the engine (it commits the offsets of processed records) and returns; {@link #run()}
   * returns once the engine is down. Waits while the task is starting, when the engine refuses to
   * stop.
   */
  void stop() {
    long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
    while (true) {
      try {
        engine.close();
        return;
      } catch (IllegalStateException e) {
        // "Cannot stop engine while tasks are starting": try again; "already" stopping: done.
        if (!String.valueOf(e.getMessage()).contains("starting") || System.nanoTime() > deadline) {
          return;
        }
      } catch (IOException e) {
        LOG.warn("closing the CDC engine failed: {}", e.getMessage(), e);
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
