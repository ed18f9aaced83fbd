package dev.featurestore.cli;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.materialize.MaterializationListener;
import dev.featurestore.core.materialize.MaterializationResult;
import dev.featurestore.core.materialize.ViewMaterialization;
import dev.featurestore.onlineserver.serving.Materializer;
import java.time.Instant;
import java.util.List;

/**
 * The online server's {@code /materialize} endpoints over a {@link MaterializationSession}: a
 * fresh engine per run (an engine runs one materialization at a time), on the session's stores.
 */
final class EngineMaterializer implements Materializer {
  private final MaterializationSession session;

  EngineMaterializer(MaterializationSession session) {
    this.session = requireNonNull(session, "session is null");
  }

  @Override
  public List<String> featureViews(List<String> requested) {
    return session.engine(MaterializationListener.NONE).featureViews(project(), requested);
  }

  @Override
  public Result materialize(List<String> views, Instant start, Instant end) {
    return result(session.engine(MaterializationListener.NONE).materialize(project(), views, start, end));
  }

  @Override
  public Result materializeIncremental(List<String> views, Instant end) {
    return result(session.engine(MaterializationListener.NONE).materializeIncremental(project(), end, views));
  }

  private String project() {
    return session.config().project();
  }

  private static Result result(MaterializationResult result) {
    return new Result(result.views().stream().map(ViewMaterialization::window).map(w -> w.view()).toList(),
        result.totalRows());
  }
}
