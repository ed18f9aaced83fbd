package dev.featurestore.cli;

import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.proto.RegistryProtoMapper;
import dev.featurestore.core.registry.RegistryState;
import dev.featurestore.materializer.stream.StandardStreamReaders;
import dev.featurestore.materializer.stream.StreamEngine;
import dev.featurestore.materializer.stream.StreamingConfig;
import dev.featurestore.materializer.stream.StreamingConfigParser;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** Builds the stream engine of a session's project from its registry and feature_store.yaml. */
final class StreamEngines {
  private StreamEngines() {}

  static StreamingConfig config(MaterializationSession session) {
    return StreamingConfigParser.parse(session.config().materializer(), session.config().repoPath());
  }

  /** Every stream the project's online views read; may be empty (then nothing runs). */
  static StreamEngine create(MaterializationSession session, StreamingConfig config, MeterRegistry registry) {
    String project = session.config().project();
    RegistryState state = session.workspace().store().read(project);
    RepoContents contents = RegistryProtoMapper.fromRegistry(project, state.objects());
    return StreamEngine.create(project, contents, config, session.onlineStore(), registry,
        new StandardStreamReaders(), Clock.systemUTC());
  }
}
