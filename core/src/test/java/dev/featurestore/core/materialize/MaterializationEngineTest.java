package dev.featurestore.core.materialize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.Project;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.core.proto.FeastTypeMapper;
import dev.featurestore.core.proto.RegistryProtoMapper;
import dev.featurestore.core.registry.RegistryObjectKind;
import feast.proto.core.FeatureViewProto;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MaterializationEngineTest {
  private static final Instant NOW = Instant.parse("2024-02-01T00:00:00Z");
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant END = Instant.parse("2024-01-10T00:00:00Z");
  private static final Field USER_ID = Field.of("user_id", FeastTypeMapper.primitive(ValueType.STRING));

  private final InMemoryOnlineStore online = new InMemoryOnlineStore();
  private final ScriptedOfflineStore offline = new ScriptedOfflineStore();
  private final InMemoryRegistryStore registry =
      new InMemoryRegistryStore(
          "p",
          RegistryProtoMapper.toRegistryObjects(
              new RepoContents(
                  new Project("p", Metadata.EMPTY),
                  List.of(new Entity("user", "user_id", Optional.of(ValueType.STRING), null)),
                  List.of(),
                  List.of(
                      view("profile", Duration.ZERO, true),
                      view("credit", Duration.ofDays(2), true),
                      view("archive", Duration.ZERO, false)),
                  List.of(),
                  List.of(),
                  List.of())),
          START);
  private final List<String> events = new ArrayList<>();
  private final MaterializationListener listener =
      new MaterializationListener() {
        @Override
        public void skipped(String view, String reason) {
          events.add("skipped " + view + ": " + reason);
        }

        @Override
        public void note(String view, String message) {
          events.add("note " + view + ": " + message);
        }

        @Override
        public void viewStarted(ViewWindow window) {
          events.add("started " + window.view());
        }

        @Override
        public void viewFinished(ViewMaterialization result) {
          events.add("finished " + result.window().view() + " " + result.rows());
        }
      };
  private final MaterializationEngine engine =
      new MaterializationEngine(online, offline, registry, Clock.fixed(NOW, ZoneOffset.UTC), listener, 2);

  @Test
  void writesEveryOnlineViewInBatchesAndRecordsTheInterval() {
    offline.rows.put("profile", List.of(row("u1", "2024-01-02T00:00:00Z", 1), row("u2", "2024-01-03T00:00:00Z", 2),
        row("u3", "2024-01-04T00:00:00Z", 3)));

    MaterializationResult result = engine.materialize("p", List.of(), START, END);

    assertThat(result.views()).extracting(v -> v.window().view()).containsExactly("credit", "profile");
    assertThat(result.totalRows()).isEqualTo(3);
    assertThat(online.rows.get("profile")).hasSize(3);
    assertThat(online.writeSizes).containsExactly(2, 1);
    assertThat(events).containsExactly("started credit", "finished credit 0", "started profile", "finished profile 3");
    FeatureViewProto.FeatureViewMeta meta = storedMeta("profile");
    assertThat(meta.getMaterializationIntervalsList()).hasSize(1);
    assertThat(meta.getMaterializationIntervals(0).getStartTime().getSeconds()).isEqualTo(START.getEpochSecond());
    assertThat(meta.getMaterializationIntervals(0).getEndTime().getSeconds()).isEqualTo(END.getEpochSecond());
    assertThat(meta.getLastUpdatedTimestamp().getSeconds()).isEqualTo(NOW.getEpochSecond());
    assertThat(meta.getState()).isEqualTo(FeatureViewProto.FeatureViewState.AVAILABLE_ONLINE);
    assertThat(registry.applied).allSatisfy(changes -> assertThat(changes).singleElement()
        .satisfies(c -> assertThat(c.kind()).isEqualTo(RegistryObjectKind.FEATURE_VIEW)));
    assertThat(storedMeta("archive").getMaterializationIntervalsCount()).isZero();
  }

  @Test
  void rowsOlderThanTheTtlAreNotRead() {
    engine.materialize("p", List.of("credit", "profile"), START, END);

    PullLatestRequest credit = pulled("credit");
    assertThat(credit.start()).isEqualTo(END.minus(Duration.ofDays(2)));
    assertThat(credit.end()).isEqualTo(END);
    assertThat(pulled("profile").start()).isEqualTo(START);
    // The interval recorded is still the one asked for.
    assertThat(storedMeta("credit").getMaterializationIntervals(0).getStartTime().getSeconds())
        .isEqualTo(START.getEpochSecond());
  }

  @Test
  void startMustBeBeforeEnd() {
    assertThatThrownBy(() -> engine.materialize("p", List.of(), END, START))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageContaining("must be before the end")
        .satisfies(e -> assertThat(((FeatureStoreException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThatThrownBy(() -> engine.materialize("p", List.of(), START, START)).isInstanceOf(FeatureStoreException.class);
    assertThat(offline.checked).isEmpty();
  }

  @Test
  void anUnknownViewFailsBeforeAnythingIsWritten() {
    assertThatThrownBy(() -> engine.materialize("p", List.of("profile", "nope"), START, END))
        .hasMessage("Feature view nope does not exist in project p")
        .satisfies(e -> assertThat(((FeatureStoreException) e).code()).isEqualTo(ErrorCode.FEATURE_VIEW_NOT_FOUND));
    assertThat(online.writeSizes).isEmpty();
    assertThat(registry.applied).isEmpty();
  }

  @Test
  void aViewThatIsNotOnlineIsSkippedWithANote() {
    MaterializationResult result = engine.materialize("p", List.of("archive", "profile"), START, END);

    assertThat(result.views()).extracting(v -> v.window().view()).containsExactly("profile");
    assertThat(result.skipped()).singleElement().asString().startsWith("archive: ").contains("online");
    assertThat(events.get(0)).startsWith("skipped archive");
  }

  @Test
  void anInvalidViewStopsTheRunBeforeAnyWrite() {
    offline.rows.put("credit", List.of(row("u1", "2024-01-09T00:00:00Z", 1)));
    offline.invalid.add("profile");

    assertThatThrownBy(() -> engine.materialize("p", List.of(), START, END)).hasMessageContaining("'profile' is broken");
    assertThat(online.writeSizes).isEmpty();
    assertThat(registry.applied).isEmpty();
  }

  @Test
  void aFailurePartWayRecordsNothingForThatView() {
    offline.rows.put("profile", List.of(row("u1", "2024-01-02T00:00:00Z", 1), row("u2", "2024-01-03T00:00:00Z", 2),
        row("u3", "2024-01-04T00:00:00Z", 3)));
    offline.failAfterFirstBatch.add("profile");

    assertThatThrownBy(() -> engine.materialize("p", List.of("profile"), START, END))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageContaining("materializing feature view profile")
        .hasMessageContaining("failed after 2 rows")
        .hasMessageContaining("engine went away")
        .satisfies(e -> assertThat(((FeatureStoreException) e).code()).isEqualTo(ErrorCode.OFFLINE_STORE_UNAVAILABLE));
    assertThat(storedMeta("profile").getMaterializationIntervalsCount()).isZero();
  }

  @Test
  void anOnlineStoreFailingPartWayKeepsWholeRowsAndARerunRecordsTheInterval() {
    List<OnlineWriteRow> source = List.of(row("u1", "2024-01-02T00:00:00Z", 1), row("u2", "2024-01-03T00:00:00Z", 2),
        row("u3", "2024-01-04T00:00:00Z", 3), row("u4", "2024-01-05T00:00:00Z", 4), row("u5", "2024-01-06T00:00:00Z", 5));
    offline.rows.put("profile", source);
    FailingOnlineStore failing = new FailingOnlineStore(online, 2);
    MaterializationEngine failingEngine =
        new MaterializationEngine(failing, offline, registry, Clock.fixed(NOW, ZoneOffset.UTC), listener, 2);

    assertThatThrownBy(() -> failingEngine.materialize("p", List.of("profile"), START, END))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageContaining("failed after 2 rows")
        .hasMessageContaining("its interval was not recorded")
        .satisfies(e -> assertThat(((FeatureStoreException) e).code()).isEqualTo(ErrorCode.ONLINE_STORE_UNAVAILABLE));

    // The first batch landed whole (every feature and its event time); nothing of the failed one did.
    assertThat(online.rows.get("profile")).hasSize(2);
    for (OnlineWriteRow written : source.subList(0, 2)) {
      assertThat(online.rows.get("profile").get(written.key())).isEqualTo(written);
    }
    assertThat(storedMeta("profile").getMaterializationIntervalsCount()).isZero();
    assertThat(events).containsExactly("started profile");

    failing.healed = true;
    MaterializationResult rerun = failingEngine.materialize("p", List.of("profile"), START, END);

    assertThat(rerun.totalRows()).isEqualTo(5);
    assertThat(online.rows.get("profile")).hasSize(5);
    source.forEach(written -> assertThat(online.rows.get("profile").get(written.key())).isEqualTo(written));
    assertThat(storedMeta("profile").getMaterializationIntervalsList()).singleElement()
        .satisfies(interval -> {
          assertThat(interval.getStartTime().getSeconds()).isEqualTo(START.getEpochSecond());
          assertThat(interval.getEndTime().getSeconds()).isEqualTo(END.getEpochSecond());
        });
  }

  /** Passes writes through until {@code limit} rows are written, then refuses batches until healed. */
  private static final class FailingOnlineStore implements dev.featurestore.core.online.OnlineStore {
    private final InMemoryOnlineStore delegate;
    private final int limit;
    private int written;
    boolean healed;

    FailingOnlineStore(InMemoryOnlineStore delegate, int limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public List<List<dev.featurestore.core.online.OnlineRow>> read(
        String project, List<dev.featurestore.core.online.ViewRead> reads) {
      return delegate.read(project, reads);
    }

    @Override
    public void write(String project, String view, List<OnlineWriteRow> rows) {
      if (!healed && written + rows.size() > limit) {
        throw new FeatureStoreException(ErrorCode.ONLINE_STORE_UNAVAILABLE, "online store went away");
      }
      delegate.write(project, view, rows);
      written += rows.size();
    }

    @Override
    public void deleteViews(String project, List<String> views) {
      delegate.deleteViews(project, views);
    }

    @Override
    public void overwrite(String project, String view, List<OnlineWriteRow> rows) {
      write(project, view, rows);
    }

    @Override
    public void deleteEntities(
        String project,
        String view,
        List<String> features,
        List<feast.proto.types.EntityKeyProto.EntityKey> keys) {
      throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public boolean isHealthy() {
      return healed;
    }

    @Override
    public void close() {}
  }

  @Test
  void incrementalStartsWhereTheLastRunEnded() {
    engine.materialize("p", List.of("profile"), START, END);
    Instant later = Instant.parse("2024-01-20T00:00:00Z");

    engine.materializeIncremental("p", later, List.of("profile"));

    assertThat(pulled("profile").start()).isEqualTo(END);
    assertThat(pulled("profile").end()).isEqualTo(later);
    assertThat(storedMeta("profile").getMaterializationIntervalsList())
        .extracting(i -> i.getEndTime().getSeconds())
        .containsExactly(END.getEpochSecond(), later.getEpochSecond());
  }

  @Test
  void incrementalWithoutHistoryStartsAtNowMinusTtlOrAYearBack() {
    MaterializationResult result = engine.materializeIncremental("p", NOW, List.of());

    assertThat(pulled("credit").start()).isEqualTo(NOW.minus(Duration.ofDays(2)));
    assertThat(pulled("profile").start()).isEqualTo(NOW.minus(Duration.ofDays(364)));
    assertThat(events).anyMatch(e -> e.startsWith("note profile: its ttl is 0"));
    assertThat(result.views()).hasSize(2);
  }

  @Test
  void incrementalSkipsAViewAlreadyMaterializedToTheEnd() {
    engine.materialize("p", List.of("profile"), START, END);

    MaterializationResult result = engine.materializeIncremental("p", END, List.of("profile"));

    assertThat(result.views()).isEmpty();
    assertThat(result.skipped()).singleElement().asString().contains("already materialized up to " + END);
  }

  @Test
  void anUnknownProjectIsReported() {
    assertThatThrownBy(() -> engine.materialize("other", List.of(), START, END))
        .satisfies(e -> assertThat(((FeatureStoreException) e).code()).isEqualTo(ErrorCode.PROJECT_NOT_FOUND));
  }

  private PullLatestRequest pulled(String view) {
    return offline.pulled.stream().filter(r -> r.view().name().equals(view)).reduce((a, b) -> b).orElseThrow();
  }

  private FeatureViewProto.FeatureViewMeta storedMeta(String view) {
    return ((FeatureViewProto.FeatureView)
            registry.read("p").find(RegistryObjectKind.FEATURE_VIEW, view).orElseThrow().proto())
        .getMeta();
  }

  private static OnlineWriteRow row(String user, String time, long score) {
    Instant at = Instant.parse(time);
    return new OnlineWriteRow(
        EntityKey.newBuilder().addJoinKeys("user_id").addEntityValues(Value.newBuilder().setStringVal(user)).build(),
        Timestamp.newBuilder().setSeconds(at.getEpochSecond()).build(),
        null,
        Map.of("score", Value.newBuilder().setInt64Val(score).build()));
  }

  private static FeatureView view(String name, Duration ttl, boolean online) {
    DataSource source =
        new DataSource(name + "_source", "event_timestamp", "", "", Map.of(), null,
            new DataSource.FileOptions("data/" + name + ".parquet", null, null));
    return new FeatureView(
        name, List.of("user"), List.of(Field.of("score", FeastTypeMapper.primitive(ValueType.INT64))),
        List.of(USER_ID), ttl, online, false, source, Optional.empty(), null);
  }
}
