package dev.featurestore.registry.file;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.registry.ApplyHistoryEntry;
import dev.featurestore.core.registry.RegistryChange;
import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryState;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.registry.RegistryProtos;
import dev.featurestore.registry.cache.ChangeToken;
import dev.featurestore.registry.cache.ChangeTokenSource;
import feast.proto.core.ProjectProto;
import feast.proto.core.RegistryProto.Registry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Feast's file registry (Feast's default): every project in one serialized {@code
 * feast.core.Registry} (mirrors {@code sdk/python/feast/infra/registry/file.py} and {@code
 * registry.py}). An apply reads the whole file, edits it and replaces it atomically under a file
 * lock; reads take no lock.
 *
 * <p>The apply history, which Feast does not keep, goes to a sidecar {@code
 * <registry>.history.jsonl}, one JSON object per change, appended after the registry file has been
 * replaced: a crash between the two loses history lines, never registry changes.
 *
 * <p>A project's last-updated time is its Project's {@code meta.last_updated_timestamp}, set on
 * every apply (Feast's file registry has no per-project time of its own) (for registries written by Feast before projects existed: the file's {@code
 * last_updated}).
 */
public final class FileRegistryStore implements RegistryStore, ChangeTokenSource {

  private final RegistryFile file;
  private final Path historyPath;
  private final boolean purgeFeastMetadata;

  public FileRegistryStore(Path path, boolean purgeFeastMetadata) {
    this.file = new RegistryFile(requireNonNull(path, "path is null"));
    this.historyPath = file.path().resolveSibling(file.path().getFileName() + ".history.jsonl");
    this.purgeFeastMetadata = purgeFeastMetadata;
  }

  public Path path() {
    return file.path();
  }

  @Override
  public RegistryState read(String project) {
    requireNonNull(project, "project is null");
    Optional<Registry> registry = file.read();
    if (registry.isEmpty()) {
      return RegistryState.empty(project);
    }
    List<RegistryObject> objects = RegistryProtoEditor.objects(registry.get(), project);
    ProjectProto.Project projectProto = RegistryProtoEditor.findProject(registry.get(), project);
    Optional<Instant> lastUpdated = Optional.empty();
    if (projectProto != null && projectProto.getMeta().hasLastUpdatedTimestamp()) {
      lastUpdated = Optional.of(RegistryProtos.instant(projectProto.getMeta().getLastUpdatedTimestamp()));
    } else if (!objects.isEmpty() || registry.get().getProjectMetadataList().stream().anyMatch(m -> m.getProject().equals(project))) {
      lastUpdated = Optional.of(RegistryProtos.instant(registry.get().getLastUpdated()));
    }
    return new RegistryState(project, objects, lastUpdated);
  }

  @Override
  public List<String> projects() {
    return file.read().map(r -> List.copyOf(RegistryProtoEditor.projects(r))).orElse(List.of());
  }

  @Override
  public void apply(String project, List<RegistryChange> changes, Instant appliedAt) {
    requireNonNull(project, "project is null");
    requireNonNull(appliedAt, "appliedAt is null");
    if (changes.isEmpty()) {
      return;
    }
    file.locked(() -> {
      RegistryProtoEditor editor = new RegistryProtoEditor(file.read().orElse(Registry.getDefaultInstance()));
      for (RegistryChange change : changes) {
        if (change.type() == RegistryChange.Type.DELETE) {
          RegistryProtos.checkDelete(change);
          editor.delete(change.kind(), project, change.name());
        } else {
          Message proto = RegistryProtos.checkedProto(project, change);
          editor.upsert(change.kind(), project, proto);
        }
      }
      editor.touchProject(project, appliedAt, purgeFeastMetadata);
      file.write(editor.build(appliedAt));
      appendHistory(project, changes.stream()
          .map(c -> new ApplyHistoryEntry(appliedAt, c.type(), c.kind(), c.name(), c.summary()))
          .toList());
      return null;
    });
  }

  @Override
  public void teardown(String project, Instant at) {
    requireNonNull(project, "project is null");
    requireNonNull(at, "at is null");
    file.locked(() -> {
      Optional<Registry> registry = file.read();
      if (registry.isEmpty() || !RegistryProtoEditor.projects(registry.get()).contains(project)) {
        return null;
      }
      RegistryProtoEditor editor = new RegistryProtoEditor(registry.get());
      List<RegistryObject> removed = editor.removeProject(project);
      file.write(editor.build(at));
      appendHistory(project, removed.stream()
          .map(o -> new ApplyHistoryEntry(at, RegistryChange.Type.DELETE, o.kind(), o.name(), "teardown"))
          .toList());
      return null;
    });
  }

  @Override
  public void importHistory(String project, List<ApplyHistoryEntry> oldestFirst) {
    requireNonNull(project, "project is null");
    if (oldestFirst.isEmpty()) {
      return;
    }
    try {
      // Imported before the first apply of a new registry, whose folder may not exist yet.
      Files.createDirectories(historyPath.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new FeatureStoreException(
          ErrorCode.REGISTRY_UNAVAILABLE, "apply history " + historyPath + " cannot be written: " + e, e);
    }
    appendHistory(project, List.copyOf(oldestFirst));
  }

  @Override
  public List<ApplyHistoryEntry> history(String project, int limit) {
    requireNonNull(project, "project is null");
    List<String> lines;
    try {
      lines = Files.readAllLines(historyPath, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new FeatureStoreException(
          ErrorCode.REGISTRY_UNAVAILABLE, "apply history " + historyPath + " cannot be read: " + e, e);
    }
    List<ApplyHistoryEntry> entries = new ArrayList<>();
    for (int i = lines.size() - 1; i >= 0 && entries.size() < limit; i--) {
      HistoryJsonLines.parse(lines.get(i), project).ifPresent(entries::add);
    }
    return Collections.unmodifiableList(entries);
  }

  /**
   * The file's size, modification time and identity (a rename by this store gives a new file key;
   * Feast rewrites in place, which changes the modification time).
   */
  @Override
  public ChangeToken changeToken(String project) {
    Optional<BasicFileAttributes> attributes = file.attributes();
    if (attributes.isEmpty()) {
      return new ChangeToken("absent", Instant.EPOCH);
    }
    BasicFileAttributes a = attributes.get();
    Instant modified = a.lastModifiedTime().toInstant();
    return new ChangeToken(a.fileKey() + "/" + a.size() + "/" + modified, modified);
  }

  @Override
  public void close() {
    // Nothing is held open between calls.
  }

  private void appendHistory(String project, List<ApplyHistoryEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    entries.forEach(e -> text.append(HistoryJsonLines.format(project, e)).append('\n'));
    try (FileChannel channel = FileChannel.open(
        historyPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new FeatureStoreException(
          ErrorCode.REGISTRY_UNAVAILABLE,
          "registry " + file.path() + " was updated but its apply history " + historyPath
              + " cannot be written: " + e,
          e);
    }
  }
}
