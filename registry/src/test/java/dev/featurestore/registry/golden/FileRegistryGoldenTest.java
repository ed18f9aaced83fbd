package dev.featurestore.registry.golden;

import static dev.featurestore.registry.golden.FeastGoldenObjects.CREATED;
import static dev.featurestore.registry.golden.FeastGoldenObjects.PROJECT;
import static dev.featurestore.registry.golden.FeastGoldenObjects.PROJECT_UUID;
import static dev.featurestore.registry.golden.FeastGoldenObjects.UPDATED;
import static dev.featurestore.registry.golden.Wire.decode;
import static dev.featurestore.registry.golden.Wire.string;
import static dev.featurestore.registry.golden.Wire.varint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.registry.RegistryChange;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.registry.file.FileRegistryStore;
import feast.proto.core.EntityProto.Entity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feast's file registry (one serialized feast.core.Registry), both directions, byte by byte. */
class FileRegistryGoldenTest {

  private static final String FEAST_VERSION_ID = "0b7c3e1a-2f4d-4c6e-8a9b-abcdefabcdef";
  private static final Instant APPLIED = Instant.ofEpochSecond(UPDATED + 3600);

  @TempDir Path repo;

  /**
   * Registry{entities=1, feature_views=6, feature_services=7, data_sources=12,
   * registry_schema_version=3 "1", version_id=4, last_updated=5, project_metadata=15
   * ProjectMetadata{project=1, project_uuid=2}, projects=17}, objects with spec.project set as
   * Feast's file registry writes them.
   */
  private static byte[] feastRegistry() {
    return Wire.message()
        .message(1, FeastGoldenObjects.entity(true))
        .string(3, "1")
        .string(4, FEAST_VERSION_ID)
        .message(5, FeastGoldenObjects.timestamp(UPDATED))
        .message(6, FeastGoldenObjects.featureView(true))
        .message(7, FeastGoldenObjects.featureService(true))
        .message(12, FeastGoldenObjects.fileSource(true))
        .message(15, Wire.message().string(1, PROJECT).string(2, PROJECT_UUID))
        .message(17, FeastGoldenObjects.project())
        .toByteArray();
  }

  @Test
  void readsARegistryFeastWrote() throws Exception {
    Path file = repo.resolve("data/registry.db");
    Files.createDirectories(file.getParent());
    Files.write(file, feastRegistry());
    try (FileRegistryStore store = new FileRegistryStore(file, false)) {
      var state = store.read(PROJECT);
      GoldenAssertions.assertTemplateObjects(state);
      assertThat(state.lastUpdated()).contains(Instant.ofEpochSecond(UPDATED));
      assertThat(store.projects()).containsExactly(PROJECT);
      // Unchanged bytes: what Feast wrote is what we hand out.
      assertThat(GoldenAssertions.object(state, RegistryObjectKind.FEATURE_VIEW, "driver_hourly_stats").proto().toByteArray())
          .isEqualTo(FeastGoldenObjects.featureView(true).toByteArray());
    }
  }

  @Test
  void applyOnAFeastRegistryKeepsFeastsBookkeeping() throws Exception {
    Path file = repo.resolve("data/registry.db");
    Files.createDirectories(file.getParent());
    Files.write(file, feastRegistry());
    try (FileRegistryStore store = new FileRegistryStore(file, false)) {
      Entity entity = Entity.parseFrom(FeastGoldenObjects.entity(true).toByteArray());
      Entity updated = entity.toBuilder().setSpec(entity.getSpec().toBuilder().setDescription("the driver")).build();
      store.apply(PROJECT, List.of(new RegistryChange(
          RegistryChange.Type.UPDATE, RegistryObjectKind.ENTITY, "driver", Optional.of(updated), "description")), APPLIED);
    }

    Map<Integer, List<Object>> registry = decode(Files.readAllBytes(file));
    assertThat(string(registry, 3)).isEqualTo("1");
    assertThat(string(registry, 4)).hasSize(36).isNotEqualTo(FEAST_VERSION_ID);
    assertThat(varint(decode(registry, 5), 1)).isEqualTo(APPLIED.getEpochSecond());
    Map<Integer, List<Object>> metadata = decode(registry, 15);
    assertThat(registry.get(15)).hasSize(1);
    assertThat(string(metadata, 1)).isEqualTo(PROJECT);
    assertThat(string(metadata, 2)).isEqualTo(PROJECT_UUID);
    assertThat(registry.get(17)).hasSize(1);
    Map<Integer, List<Object>> projectMeta = decode(decode(registry, 17), 2);
    assertThat(varint(decode(projectMeta, 1), 1)).isEqualTo(CREATED);
    assertThat(varint(decode(projectMeta, 2), 1)).isEqualTo(APPLIED.getEpochSecond());
    Map<Integer, List<Object>> entitySpec = decode(decode(registry, 1), 1);
    assertThat(string(entitySpec, 1)).isEqualTo("driver");
    assertThat(varint(entitySpec, 2)).isEqualTo(FeastGoldenObjects.INT64);
    assertThat(string(entitySpec, 3)).isEqualTo("the driver");
    assertThat(string(entitySpec, 4)).isEqualTo("driver_id");
    assertThat(string(entitySpec, 9)).isEqualTo(PROJECT);
    assertThat((byte[]) registry.get(6).get(0)).isEqualTo(FeastGoldenObjects.featureView(true).toByteArray());
    assertThat((byte[]) registry.get(7).get(0)).isEqualTo(FeastGoldenObjects.featureService(true).toByteArray());
    assertThat((byte[]) registry.get(12).get(0)).isEqualTo(FeastGoldenObjects.fileSource(true).toByteArray());
    assertThat(registry.keySet()).doesNotContain(2, 8, 10, 11, 13, 14, 16, 18, 19);
  }

  @Test
  void aNewRegistryIsStampedLikeFeasts() throws Exception {
    Path file = repo.resolve("registry.pb");
    try (FileRegistryStore store = new FileRegistryStore(file, false)) {
      store.apply(PROJECT, List.of(new RegistryChange(RegistryChange.Type.CREATE, RegistryObjectKind.ENTITY, "driver",
          Optional.of(Entity.parseFrom(FeastGoldenObjects.entity(true).toByteArray())), "")), APPLIED);
    }
    Map<Integer, List<Object>> registry = decode(Files.readAllBytes(file));
    assertThat(registry.keySet()).containsExactlyInAnyOrder(1, 3, 4, 5, 15, 17);
    assertThat(string(registry, 3)).isEqualTo("1");
    assertThat(string(decode(registry, 15), 1)).isEqualTo(PROJECT);
    assertThat(string(decode(registry, 15), 2)).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    Map<Integer, List<Object>> project = decode(registry, 17);
    assertThat(string(decode(project, 1), 1)).isEqualTo(PROJECT);
    Map<Integer, List<Object>> meta = decode(project, 2);
    assertThat(varint(decode(meta, 1), 1)).isEqualTo(APPLIED.getEpochSecond());
    assertThat(varint(decode(meta, 2), 1)).isEqualTo(APPLIED.getEpochSecond());
    assertThat((byte[]) registry.get(1).get(0)).isEqualTo(FeastGoldenObjects.entity(true).toByteArray());
  }
}
