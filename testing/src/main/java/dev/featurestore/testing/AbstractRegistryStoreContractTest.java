package dev.featurestore.testing;

import static dev.featurestore.testing.RegistryTestObjects.create;
import static dev.featurestore.testing.RegistryTestObjects.delete;
import static dev.featurestore.testing.RegistryTestObjects.proto;
import static dev.featurestore.testing.RegistryTestObjects.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.Aggregation;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeastType;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.StreamViewSpec;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.proto.RegistryProtoMapper;
import dev.featurestore.core.registry.ApplyHistoryEntry;
import dev.featurestore.core.registry.RegistryChange;
import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.core.registry.RegistryState;
import dev.featurestore.core.registry.RegistryStore;
import feast.proto.core.ProjectProto;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RegistryStore} promises, run against each back-end by extending this
 * class. Times are whole seconds because Feast's SQL registry keeps seconds.
 */
public abstract class AbstractRegistryStoreContractTest {

  protected static final String PROJECT = "credit_scoring";
  protected static final String OTHER_PROJECT = "fraud";
  protected static final Instant T1 = Instant.parse("2024-01-15T12:00:00Z");
  protected static final Instant T2 = Instant.parse("2024-01-15T12:05:00Z");
  protected static final Instant T3 = Instant.parse("2024-01-15T12:10:00Z");

  /** Kinds an apply writes as objects; the Project is bookkeeping the store adds itself. */
  protected static final List<RegistryObjectKind> OBJECT_KINDS = Arrays.stream(RegistryObjectKind.values())
      .filter(k -> k != RegistryObjectKind.PROJECT)
      .toList();

  protected RegistryStore store;

  /** A store over a fresh, empty registry; called once before each test. */
  protected abstract RegistryStore createStore();

  /** A second store over the same storage as the last {@link #createStore()}. */
  protected abstract RegistryStore reopenStore();

  @BeforeEach
  void openStore() {
    store = createStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void emptyRegistryReadsAsEmpty() {
    RegistryState state = store.read(PROJECT);
    assertThat(state.objects()).isEmpty();
    assertThat(state.lastUpdated()).isEmpty();
    assertThat(state.projectExists()).isFalse();
    assertThat(store.projects()).isEmpty();
    assertThat(store.history(PROJECT, 10)).isEmpty();
  }

  @Test
  void emptyChangeListChangesNothing() {
    store.apply(PROJECT, List.of(), T1);
    assertThat(store.read(PROJECT).projectExists()).isFalse();
    assertThat(store.history(PROJECT, 10)).isEmpty();
  }

  @Test
  void createsUpdatesAndDeletesEveryKind() {
    store.apply(PROJECT, OBJECT_KINDS.stream().map(k -> create(k, PROJECT, "obj_" + k.name().toLowerCase(), "v1")).toList(), T1);
    RegistryState created = store.read(PROJECT);
    for (RegistryObjectKind kind : OBJECT_KINDS) {
      String name = "obj_" + kind.name().toLowerCase();
      assertThat(created.find(kind, name)).as(kind.name())
          .map(RegistryObject::proto).contains(proto(kind, PROJECT, name, "v1"));
    }
    assertThat(created.objects(RegistryObjectKind.PROJECT)).singleElement()
        .satisfies(p -> assertThat(p.name()).isEqualTo(PROJECT));
    assertThat(kindsInOrder(created)).isSorted();

    store.apply(PROJECT, OBJECT_KINDS.stream().map(k -> update(k, PROJECT, "obj_" + k.name().toLowerCase(), "v2")).toList(), T2);
    RegistryState updated = store.read(PROJECT);
    for (RegistryObjectKind kind : OBJECT_KINDS) {
      String name = "obj_" + kind.name().toLowerCase();
      assertThat(updated.find(kind, name)).as(kind.name())
          .map(RegistryObject::proto).contains(proto(kind, PROJECT, name, "v2"));
      assertThat(updated.objects(kind)).hasSize(1);
    }

    store.apply(PROJECT, OBJECT_KINDS.stream().map(k -> delete(k, "obj_" + k.name().toLowerCase())).toList(), T3);
    RegistryState deleted = store.read(PROJECT);
    assertThat(deleted.objects()).extracting(RegistryObject::kind).containsExactly(RegistryObjectKind.PROJECT);
    assertThat(store.projects()).containsExactly(PROJECT);
  }

  @Test
  void readsObjectsInKindOrderThenByName() {
    store.apply(PROJECT, List.of(
        create(RegistryObjectKind.FEATURE_VIEW, PROJECT, "zeta", "v1"),
        create(RegistryObjectKind.ENTITY, PROJECT, "user", "v1"),
        create(RegistryObjectKind.FEATURE_VIEW, PROJECT, "alpha", "v1"),
        create(RegistryObjectKind.DATA_SOURCE, PROJECT, "src", "v1")), T1);
    assertThat(store.read(PROJECT).objects()).extracting(o -> o.kind() + ":" + o.name()).containsExactly(
        "PROJECT:" + PROJECT, "DATA_SOURCE:src", "ENTITY:user", "FEATURE_VIEW:alpha", "FEATURE_VIEW:zeta");
  }

  @Test
  void deletingAnAbsentObjectIsANoOp() {
    store.apply(PROJECT, List.of(create(RegistryObjectKind.ENTITY, PROJECT, "user", "v1")), T1);
    store.apply(PROJECT, List.of(delete(RegistryObjectKind.ENTITY, "ghost")), T2);
    assertThat(store.read(PROJECT).find(RegistryObjectKind.ENTITY, "user")).isPresent();
  }

  @Test
  void fillsInAnEmptyProjectField() {
    Message withoutProject = proto(RegistryObjectKind.ENTITY, "", "user", "v1");
    store.apply(PROJECT, List.of(new RegistryChange(
        RegistryChange.Type.CREATE, RegistryObjectKind.ENTITY, "user", Optional.of(withoutProject), "")), T1);
    assertThat(store.read(PROJECT).find(RegistryObjectKind.ENTITY, "user"))
        .map(RegistryObject::proto).contains(proto(RegistryObjectKind.ENTITY, PROJECT, "user", "v1"));
  }

  @Test
  void keepsTheProjectSpecAnApplyCarriesAndStampsItsTimes() {
    store.apply(PROJECT, List.of(
        create(RegistryObjectKind.PROJECT, PROJECT, PROJECT, "the credit project"),
        create(RegistryObjectKind.ENTITY, PROJECT, "user", "v1")), T1);
    store.apply(PROJECT, List.of(update(RegistryObjectKind.PROJECT, PROJECT, PROJECT, "renamed")), T2);
    ProjectProto.Project project = (ProjectProto.Project) store.read(PROJECT).find(RegistryObjectKind.PROJECT, PROJECT)
        .orElseThrow().proto();
    assertThat(project.getSpec()).isEqualTo(((ProjectProto.Project) proto(RegistryObjectKind.PROJECT, PROJECT, PROJECT, "renamed")).getSpec());
    assertThat(project.getMeta().getLastUpdatedTimestamp().getSeconds()).isEqualTo(T2.getEpochSecond());
    assertThat(project.getMeta().getCreatedTimestamp().getSeconds()).isEqualTo(T1.getEpochSecond());
    assertThat(store.read(PROJECT).lastUpdated()).contains(T2);
  }

  @Test
  void aProjectIsRemovedByTeardownNotByADelete() {
    store.apply(PROJECT, List.of(create(RegistryObjectKind.ENTITY, PROJECT, "user", "v1")), T1);
    assertThatThrownBy(() -> store.apply(PROJECT, List.of(delete(RegistryObjectKind.PROJECT, PROJECT)), T2))
        .isInstanceOfSatisfying(FeatureStoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("teardown");
    assertThat(store.read(PROJECT).lastUpdated()).contains(T1);
  }

  @Test
  void failedApplyLeavesThePreviousState() {
    store.apply(PROJECT, List.of(
        create(RegistryObjectKind.ENTITY, PROJECT, "user", "v1"),
        create(RegistryObjectKind.FEATURE_VIEW, PROJECT, "user_stats", "v1")), T1);
    RegistryState before = store.read(PROJECT);
    List<ApplyHistoryEntry> historyBefore = store.history(PROJECT, 100);

    // Valid changes first, then one whose proto is of the wrong kind: the store sees it only when
    // it reaches it, after writing the others, and must undo them.
    Message entityProto = proto(RegistryObjectKind.ENTITY, PROJECT, "merchant_stats", "v2");
    List<RegistryChange> changes = List.of(
        update(RegistryObjectKind.ENTITY, PROJECT, "user", "v2"),
        create(RegistryObjectKind.ENTITY, PROJECT, "merchant", "v2"),
        delete(RegistryObjectKind.FEATURE_VIEW, "user_stats"),
        new RegistryChange(RegistryChange.Type.CREATE, RegistryObjectKind.FEATURE_VIEW, "merchant_stats",
            Optional.of(entityProto), "wrong kind"));
    assertThatThrownBy(() -> store.apply(PROJECT, changes, T2))
        .isInstanceOfSatisfying(FeatureStoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("merchant_stats");

    assertThat(store.read(PROJECT)).isEqualTo(before);
    assertThat(store.history(PROJECT, 100)).isEqualTo(historyBefore);
  }

  @Test
  void rejectsAProtoWhoseNameOrProjectDisagrees() {
    RegistryChange misnamed = new RegistryChange(RegistryChange.Type.CREATE, RegistryObjectKind.ENTITY, "user",
        Optional.of(proto(RegistryObjectKind.ENTITY, PROJECT, "merchant", "v1")), "");
    RegistryChange foreign = create(RegistryObjectKind.ENTITY, OTHER_PROJECT, "user", "v1");
    for (RegistryChange bad : List.of(misnamed, foreign)) {
      assertThatThrownBy(() -> store.apply(PROJECT, List.of(create(RegistryObjectKind.DATA_SOURCE, PROJECT, "src", "v1"), bad), T1))
          .isInstanceOfSatisfying(FeatureStoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
    assertThat(store.read(PROJECT).projectExists()).isFalse();
  }

  @Test
  void keepsProjectsApart() {
    store.apply(PROJECT, List.of(create(RegistryObjectKind.ENTITY, PROJECT, "user", "credit")), T1);
    store.apply(OTHER_PROJECT, List.of(
        create(RegistryObjectKind.ENTITY, OTHER_PROJECT, "user", "fraud"),
        create(RegistryObjectKind.FEATURE_VIEW, OTHER_PROJECT, "device_stats", "fraud")), T2);

    assertThat(store.projects()).containsExactly(PROJECT, OTHER_PROJECT);
    assertThat(store.read(PROJECT).find(RegistryObjectKind.ENTITY, "user"))
        .map(RegistryObject::proto).contains(proto(RegistryObjectKind.ENTITY, PROJECT, "user", "credit"));
    assertThat(store.read(PROJECT).objects(RegistryObjectKind.FEATURE_VIEW)).isEmpty();
    assertThat(store.read(OTHER_PROJECT).find(RegistryObjectKind.ENTITY, "user"))
        .map(RegistryObject::proto).contains(proto(RegistryObjectKind.ENTITY, OTHER_PROJECT, "user", "fraud"));
    assertThat(store.read(PROJECT).lastUpdated()).contains(T1);
    assertThat(store.history(PROJECT, 10)).extracting(ApplyHistoryEntry::name).containsExactly("user");

    store.apply(OTHER_PROJECT, List.of(delete(RegistryObjectKind.ENTITY, "user")), T3);
    assertThat(store.read(PROJECT).find(RegistryObjectKind.ENTITY, "user")).isPresent();
  }

  @Test
  void teardownRemovesOneProjectAndKeepsItsHistory() {
    store.apply(PROJECT, OBJECT_KINDS.stream().map(k -> create(k, PROJECT, "obj", "v1")).toList(), T1);
    store.apply(OTHER_PROJECT, List.of(create(RegistryObjectKind.ENTITY, OTHER_PROJECT, "user", "v1")), T1);
    RegistryState other = store.read(OTHER_PROJECT);

    store.teardown(PROJECT, T2);

    RegistryState state = store.read(PROJECT);
    assertThat(state.objects()).isEmpty();
    assertThat(state.projectExists()).isFalse();
    assertThat(store.projects()).containsExactly(OTHER_PROJECT);
    assertThat(store.read(OTHER_PROJECT)).isEqualTo(other);
    List<ApplyHistoryEntry> history = store.history(PROJECT, 100);
    assertThat(history).hasSize(2 * OBJECT_KINDS.size() + 1);
    assertThat(history.subList(0, OBJECT_KINDS.size() + 1))
        .allSatisfy(e -> {
          assertThat(e.type()).isEqualTo(RegistryChange.Type.DELETE);
          assertThat(e.appliedAt()).isEqualTo(T2);
        })
        .extracting(ApplyHistoryEntry::kind).contains(RegistryObjectKind.PROJECT, RegistryObjectKind.ENTITY);

    store.teardown("never_applied", T3);
    assertThat(store.history("never_applied", 10)).isEmpty();
    store.apply(PROJECT, List.of(create(RegistryObjectKind.ENTITY, PROJECT, "user", "again")), T3);
    assertThat(store.read(PROJECT).objects()).extracting(RegistryObject::name).containsExactly(PROJECT, "user");
  }

  @Test
  void historyIsNewestFirst() {
    store.apply(PROJECT, List.of(create(RegistryObjectKind.ENTITY, PROJECT, "user", "v1")), T1);
    store.apply(PROJECT, List.of(
        create(RegistryObjectKind.DATA_SOURCE, PROJECT, "src", "v1"),
        create(RegistryObjectKind.FEATURE_VIEW, PROJECT, "user_stats", "v1")), T2);
    store.apply(PROJECT, List.of(delete(RegistryObjectKind.FEATURE_VIEW, "user_stats")), T3);

    List<ApplyHistoryEntry> history = store.history(PROJECT, 10);
    assertThat(history).extracting(e -> e.appliedAt() + " " + e.type() + " " + e.kind() + " " + e.name()).containsExactly(
        T3 + " DELETE FEATURE_VIEW user_stats",
        T2 + " CREATE FEATURE_VIEW user_stats",
        T2 + " CREATE DATA_SOURCE src",
        T1 + " CREATE ENTITY user");
    assertThat(history.get(1).summary()).isEqualTo("CREATE user_stats (v1)");
    assertThat(store.history(PROJECT, 2)).isEqualTo(history.subList(0, 2));
  }

  @Test
  void importedHistoryKeepsItsTimesAndComesBeforeLaterApplies() {
    List<ApplyHistoryEntry> imported = List.of(
        new ApplyHistoryEntry(T1, RegistryChange.Type.CREATE, RegistryObjectKind.ENTITY, "user", "created elsewhere"),
        new ApplyHistoryEntry(T2, RegistryChange.Type.UPDATE, RegistryObjectKind.ENTITY, "user", "changed elsewhere"));
    store.importHistory(PROJECT, imported);
    store.importHistory(PROJECT, List.of());

    assertThat(store.read(PROJECT).objects()).isEmpty();
    assertThat(store.history(PROJECT, 10)).containsExactly(imported.get(1), imported.get(0));
    assertThat(store.history(OTHER_PROJECT, 10)).isEmpty();
    store.apply(PROJECT, List.of(create(RegistryObjectKind.ENTITY, PROJECT, "user", "v1")), T3);
    assertThat(store.history(PROJECT, 10)).hasSize(3).endsWith(imported.get(1), imported.get(0));
  }

  @Test
  void reopenedStoreReadsIdenticalBytes() {
    store.apply(PROJECT, OBJECT_KINDS.stream().map(k -> create(k, PROJECT, "obj", "v1")).toList(), T1);
    store.apply(OTHER_PROJECT, List.of(create(RegistryObjectKind.ENTITY, OTHER_PROJECT, "user", "v1")), T2);
    RegistryState before = store.read(PROJECT);
    List<ApplyHistoryEntry> history = store.history(PROJECT, 100);
    store.close();

    store = reopenStore();
    RegistryState after = store.read(PROJECT);
    assertThat(after.lastUpdated()).isEqualTo(before.lastUpdated());
    assertThat(after.objects()).hasSameSizeAs(before.objects());
    for (int i = 0; i < before.objects().size(); i++) {
      assertThat(after.objects().get(i).proto().toByteArray()).isEqualTo(before.objects().get(i).proto().toByteArray());
    }
    assertThat(store.history(PROJECT, 100)).isEqualTo(history);
    assertThat(store.projects()).containsExactly(PROJECT, OTHER_PROJECT);
  }

  @Test
  void lastUpdatedFollowsEveryApply() {
    store.apply(PROJECT, List.of(create(RegistryObjectKind.ENTITY, PROJECT, "user", "v1")), T1);
    assertThat(store.read(PROJECT).lastUpdated()).contains(T1);
    store.apply(PROJECT, List.of(update(RegistryObjectKind.ENTITY, PROJECT, "user", "v2")), T2);
    assertThat(store.read(PROJECT).lastUpdated()).contains(T2);
    store.apply(PROJECT, List.of(delete(RegistryObjectKind.ENTITY, "user")), T3);
    assertThat(store.read(PROJECT).lastUpdated()).contains(T3);
  }

  @Test
  void concurrentAppliesAllLand() throws Exception {
    int threads = 8;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String name = "entity_" + i;
        futures.add(executor.submit(() -> store.apply(PROJECT, List.of(create(RegistryObjectKind.ENTITY, PROJECT, name, "v1")), T1)));
      }
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }
    assertThat(store.read(PROJECT).objects(RegistryObjectKind.ENTITY)).hasSize(threads);
    assertThat(store.history(PROJECT, 100)).hasSize(threads);
  }

  /**
   * A stream feature view over this project's PostgresCdcSource, as apply writes them: the
   * StreamFeatureView proto with aggregations and both sources, the CDC source as a custom source
   * nesting its batch source. Turning a feature view into a stream feature view of the same name is
   * one apply (a delete in one table, a create in another).
   */
  @Test
  void storesStreamFeatureViewsAndTheirCdcSourceIntact() {
    DataSource file = new DataSource("orders_file", "created_at", "", "", Map.of(), Metadata.EMPTY,
        new DataSource.FileOptions("data/orders.parquet", "parquet", ""));
    DataSource cdc = new DataSource("orders_cdc", "created_at", "", "", Map.of("amt", "amount"), Metadata.EMPTY,
        new DataSource.PostgresCdcOptions("public.orders", Duration.ofSeconds(30), file));
    FeatureView velocity = ordersView("order_velocity", file, cdc, Optional.of(new StreamViewSpec("python", "created_at",
        List.of(new Aggregation("amount", "sum", Duration.ofHours(1), Duration.ZERO, ""),
            new Aggregation("amount", "count", Duration.ofDays(1), Duration.ofHours(1), "orders_1d")),
        true, Duration.ofMinutes(5))));
    FeatureView plain = ordersView("orders", file, cdc, Optional.empty());
    Message velocityProto = RegistryProtoMapper.withMeta(RegistryProtoMapper.toStreamProto(velocity, PROJECT), T1, T1);
    store.apply(PROJECT, List.of(
        change(RegistryChange.Type.CREATE, RegistryObjectKind.DATA_SOURCE, "orders_file",
            RegistryProtoMapper.toProto(file, PROJECT)),
        change(RegistryChange.Type.CREATE, RegistryObjectKind.DATA_SOURCE, "orders_cdc",
            RegistryProtoMapper.toProto(cdc, PROJECT)),
        change(RegistryChange.Type.CREATE, RegistryObjectKind.FEATURE_VIEW, "orders",
            RegistryProtoMapper.toProto(plain, PROJECT)),
        change(RegistryChange.Type.CREATE, RegistryObjectKind.STREAM_FEATURE_VIEW, "order_velocity", velocityProto)),
        T1);

    RegistryState state = store.read(PROJECT);
    assertThat(state.find(RegistryObjectKind.STREAM_FEATURE_VIEW, "order_velocity").orElseThrow().proto().toByteArray())
        .isEqualTo(velocityProto.toByteArray());
    assertThat(state.find(RegistryObjectKind.FEATURE_VIEW, "order_velocity")).isEmpty();
    RepoContents contents = RegistryProtoMapper.fromRegistry(PROJECT, state.objects());
    assertThat(contents.featureViews()).containsExactly(plain, velocity);
    assertThat(contents.dataSource("orders_cdc")).contains(cdc);

    FeatureView streamed = ordersView("orders", file, cdc, velocity.stream());
    store.apply(PROJECT, List.of(
        new RegistryChange(RegistryChange.Type.DELETE, RegistryObjectKind.FEATURE_VIEW, "orders", Optional.empty(), ""),
        change(RegistryChange.Type.CREATE, RegistryObjectKind.STREAM_FEATURE_VIEW, "orders",
            RegistryProtoMapper.toStreamProto(streamed, PROJECT))), T2);
    store.close();
    store = reopenStore();
    RegistryState after = store.read(PROJECT);
    assertThat(after.objects(RegistryObjectKind.FEATURE_VIEW)).isEmpty();
    assertThat(after.objects(RegistryObjectKind.STREAM_FEATURE_VIEW)).extracting(RegistryObject::name)
        .containsExactly("order_velocity", "orders");
    assertThat(RegistryProtoMapper.fromRegistry(PROJECT, after.objects()).featureViews())
        .containsExactly(velocity, streamed);
    assertThat(store.history(PROJECT, 2)).extracting(e -> e.type() + " " + e.kind() + " " + e.name())
        .containsExactlyInAnyOrder("DELETE FEATURE_VIEW orders", "CREATE STREAM_FEATURE_VIEW orders");
  }

  private static FeatureView ordersView(String name, DataSource file, DataSource cdc, Optional<StreamViewSpec> stream) {
    FeastType float64 = new FeastType.Primitive(ValueType.DOUBLE, "Float64");
    FeastType int64 = new FeastType.Primitive(ValueType.INT64, "Int64");
    return new FeatureView(name, List.of("user"),
        List.of(Field.of("sum_amount_3600s", float64), Field.of("orders_1d", int64)),
        List.of(Field.of("user_id", new FeastType.Primitive(ValueType.STRING, "String"))),
        Duration.ofDays(2), true, false, file, Optional.of(cdc), Metadata.EMPTY, stream);
  }

  private static RegistryChange change(RegistryChange.Type type, RegistryObjectKind kind, String name, Message proto) {
    return new RegistryChange(type, kind, name, Optional.of(proto), type + " " + name);
  }

  private static List<Integer> kindsInOrder(RegistryState state) {
    return state.objects().stream().map(o -> o.kind().ordinal()).toList();
  }
}
