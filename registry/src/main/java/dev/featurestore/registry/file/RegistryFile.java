package dev.featurestore.registry.file;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import feast.proto.core.RegistryProto.Registry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The file holding one serialized {@code feast.core.Registry}, as Feast's {@code
 * infra/registry/file.py} reads and writes it. Writes replace the file atomically (temporary file
 * in the same folder, fsync, rename, fsync of the folder) so a reader never sees half a registry;
 * writers take an exclusive lock on {@code <file>.lock} so two processes never interleave their
 * read-modify-write cycles. Feast itself writes in place without a lock: running Feast and this
 * project against one file at the same moment is unsafe, as it is between two Feast processes.
 */
final class RegistryFile {

  // FileChannel.lock is per process: threads of this JVM queue on this lock first.
  private static final ConcurrentHashMap<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

  private final Path path;
  private final Path lockPath;

  RegistryFile(Path path) {
    this.path = requireNonNull(path, "path is null").toAbsolutePath().normalize();
    this.lockPath = this.path.resolveSibling(this.path.getFileName() + ".lock");
  }

  Path path() {
    return path;
  }

  /** The registry, or empty if the file does not exist yet. */
  Optional<Registry> read() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw unavailable("cannot be read", e);
    }
    try {
      return Optional.of(Registry.parseFrom(bytes));
    } catch (InvalidProtocolBufferException e) {
      throw new FeatureStoreException(
          ErrorCode.CORRUPT_REGISTRY,
          "registry file " + path + " is not a serialized feast.core.Registry: " + e.getMessage(),
          e);
    }
  }

  /** Size, modification time and file key, or empty if the file does not exist. */
  Optional<BasicFileAttributes> attributes() {
    try {
      return Optional.of(Files.readAttributes(path, BasicFileAttributes.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw unavailable("cannot be read", e);
    }
  }

  /** Replaces the file with {@code registry}, atomically. Call inside {@link #locked}. */
  void write(Registry registry) {
    try {
      Files.createDirectories(path.getParent());
      Path temp = Files.createTempFile(path.getParent(), "." + path.getFileName(), ".tmp");
      try {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          ByteBuffer buffer = ByteBuffer.wrap(registry.toByteArray());
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
          channel.force(true);
        }
        move(temp);
      } finally {
        Files.deleteIfExists(temp);
      }
      syncFolder();
    } catch (IOException e) {
      throw unavailable("cannot be written", e);
    }
  }

  /** Runs {@code action} holding this file's lock, against threads and other processes. */
  <T> T locked(Supplier<T> action) {
    ReentrantLock processLock = PROCESS_LOCKS.computeIfAbsent(path, p -> new ReentrantLock());
    processLock.lock();
    try {
      Files.createDirectories(path.getParent());
      try (FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        return action.get();
      }
    } catch (IOException e) {
      throw unavailable("cannot be locked (" + lockPath + ")", e);
    } finally {
      processLock.unlock();
    }
  }

  private void move(Path temp) throws IOException {
    try {
      Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Same folder, so this only happens on exotic file systems; a plain replace is the best left.
      Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void syncFolder() {
    // Makes the rename durable; not every platform can open a folder, and that is not fatal.
    try (FileChannel folder = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort
    }
  }

  private FeatureStoreException unavailable(String problem, IOException e) {
    return new FeatureStoreException(
        ErrorCode.REGISTRY_UNAVAILABLE, "registry file " + path + " " + problem + ": " + e, e);
  }
}
