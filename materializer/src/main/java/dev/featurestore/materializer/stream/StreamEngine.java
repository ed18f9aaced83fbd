package dev.featurestore.materializer.stream;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.offline.ViewJoinKeys;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.materializer.stream.StreamProcessor.SourceBinding;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every stream a project's online views read: one PostgreSQL CDC stream (named {@code cdc})
 * for all {@code PostgresCdcSource}s, and one stream per {@code KafkaSource}. Each has its reader,
 * its {@link StreamProcessor} and its checkpoint file under {@code state_dir}. The set of streams
 * is fixed when the engine is built: after an apply that adds or changes stream views, restart it.
 */
public final class StreamEngine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StreamEngine.class);

  private record Stream(String kind, StreamReader reader, StreamProcessor processor) {}

  private final List<Stream> streams;
  private final StreamingConfig config;
  private boolean started;

  private StreamEngine(List<Stream> streams, StreamingConfig config) {
    this.streams = List.copyOf(streams);
    this.config = config;
  }

  /**
   * Resolves the project's stream views and opens each stream's checkpoint; reads nothing yet.
   *
   * @throws FeatureStoreException INVALID_CONFIG when a {@code PostgresCdcSource} is used but
   *     {@code materializer.streaming.cdc} is missing; INVALID_DEFINITION for a view the engine
   *     cannot compute
   */
  public static StreamEngine create(
      String project,
      RepoContents contents,
      StreamingConfig config,
      OnlineStore store,
      MeterRegistry registry,
      StreamReaderFactory readers,
      Clock clock) {
    requireNonNull(config, "config is null");
    Map<String, List<FeatureView>> viewsBySource = new LinkedHashMap<>();
    Map<String, DataSource> sources = new LinkedHashMap<>();
    for (FeatureView view : contents.featureViews()) {
      Optional<DataSource> stream = view.streamSource();
      if (!view.online() || stream.isEmpty() || !isStreamed(stream.get())) {
        continue;
      }
      sources.putIfAbsent(stream.get().name(), stream.get());
      viewsBySource.computeIfAbsent(stream.get().name(), s -> new ArrayList<>()).add(view);
    }
    List<SourceBinding> cdcBindings = new ArrayList<>();
    Map<String, String> sourceByTable = new LinkedHashMap<>();
    List<Stream> streams = new ArrayList<>();
    try {
      for (Map.Entry<String, DataSource> entry : sources.entrySet()) {
        DataSource source = entry.getValue();
        List<ViewTarget> targets = new ArrayList<>();
        for (FeatureView view : viewsBySource.get(entry.getKey())) {
          targets.add(ViewTarget.of(view, source, ViewJoinKeys.of(contents, view)));
        }
        if (source.options() instanceof DataSource.PostgresCdcOptions cdc) {
          String previous = sourceByTable.put(cdc.qualifiedTable(), source.name());
          if (previous != null) {
            throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION,
                "PostgresCdcSources '" + previous + "' and '" + source.name() + "' follow the same table "
                    + cdc.qualifiedTable() + "; let both views use one source");
          }
          cdcBindings.add(new SourceBinding(source, cdc.watermarkDelayThreshold(), targets));
        } else if (source.options() instanceof DataSource.KafkaOptions kafka) {
          SourceBinding binding = new SourceBinding(source, kafka.watermarkDelayThreshold(), targets);
          StreamReader reader = readers.kafka(source, config.kafkaSettings(), config.batchSize());
          streams.add(new Stream("Kafka", reader,
              processor(source.name(), project, List.of(binding), store, config, registry, clock)));
        }
      }
      if (!cdcBindings.isEmpty()) {
        CdcConfig cdc = config.cdc().orElseThrow(() -> new FeatureStoreException(ErrorCode.INVALID_CONFIG,
            "feature_store.yaml: materializer.streaming.cdc is missing, but PostgresCdcSource '"
                + cdcBindings.get(0).source().name() + "' needs the database it follows (host, port, database, user)"));
        StreamReader reader = readers.cdc(cdc, sourceByTable, config.stateDir(), config.batchSize());
        streams.add(0, new Stream("PostgreSQL CDC", reader,
            processor("cdc", project, cdcBindings, store, config, registry, clock)));
      }
    } catch (RuntimeException e) {
      streams.forEach(s -> {
        s.reader().close();
        s.processor().close();
      });
      throw e;
    }
    return new StreamEngine(streams, config);
  }

  /** Whether the source is read by a stream this engine runs (push sources are not). */
  public static boolean isStreamed(DataSource source) {
    return source.options() instanceof DataSource.PostgresCdcOptions
        || source.options() instanceof DataSource.KafkaOptions;
  }

  private static StreamProcessor processor(
      String name, String project, List<SourceBinding> bindings, OnlineStore store,
      StreamingConfig config, MeterRegistry registry, Clock clock) {
    CheckpointStore checkpoint = new CheckpointStore(config.stateDir().resolve(fileName(name) + ".checkpoint.db"));
    try {
      return new StreamProcessor(name, project, bindings, store, checkpoint,
          new StreamMetrics(registry, name, clock), clock);
    } catch (RuntimeException e) {
      checkpoint.close();
      throw e;
    }
  }

  private static String fileName(String stream) {
    return stream.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  public boolean isEmpty() {
    return streams.isEmpty();
  }

  public List<String> streamNames() {
    return streams.stream().map(s -> s.reader().name()).toList();
  }

  public StreamingConfig config() {
    return config;
  }

  /** Starts every reader from its checkpoint. */
  public synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    for (Stream stream : streams) {
      stream.processor().metrics().up(stream.reader()::isRunning);
      stream.reader().start(stream.processor(), stream.processor().positions());
      log.info("stream {} ({}) started, feeding {}", stream.reader().name(), stream.kind(), views(stream));
    }
  }

  public List<StreamStatus> status() {
    List<StreamStatus> status = new ArrayList<>();
    for (Stream stream : streams) {
      StreamMetrics metrics = stream.processor().metrics();
      boolean running = stream.reader().isRunning();
      List<Optional<Duration>> lags = metrics.recentLags(0.5, 0.99);
      status.add(new StreamStatus(
          stream.reader().name(),
          stream.kind(),
          stream.processor().bindings().stream().map(b -> b.source().name()).toList(),
          views(stream),
          running,
          Optional.ofNullable(stream.reader().lastError()),
          metrics.totals(),
          metrics.eventsPerSecond(),
          lags.get(0),
          lags.get(1),
          metrics.lastEventAt(),
          metrics.positions(),
          metrics.badLastMinute()));
    }
    return status;
  }

  private static List<String> views(Stream stream) {
    return stream.processor().bindings().stream()
        .flatMap(b -> b.views().stream())
        .map(t -> t.view().name())
        .distinct()
        .toList();
  }

  @Override
  public synchronized void close() {
    for (Stream stream : streams) {
      try {
        stream.reader().close();
      } finally {
        stream.processor().close();
      }
    }
  }
}
