package dev.featurestore.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Working folders for test servers: created under /tmp, tagged with the owning JVM, removed on
 * close, and swept on a later run when the owning JVM died without cleaning up.
 */
final class TempDirs {
  private static final String PREFIX = "featurestore-test-";
  private static final String OWNER_FILE = ".owner";
  private static final AtomicBoolean SWEPT = new AtomicBoolean();

  private TempDirs() {}

  /**
   * Creates a fresh folder readable and traversable by everyone (mode 0755), so that the postgres
   * user can reach a data folder inside it when we run as root.
   */
  static Path createRoot(String kind) {
    Path base = Path.of(isRoot() ? "/tmp" : System.getProperty("java.io.tmpdir"));
    if (SWEPT.compareAndSet(false, true)) {
      sweepAbandoned(base);
    }
    try {
      Path dir = Files.createTempDirectory(base, PREFIX + kind + "-");
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.writeString(dir.resolve(OWNER_FILE), ownerTag(ProcessHandle.current().pid()));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder under " + base, e);
    }
  }

  /** Creates {@code dir} with mode 0700, owned by {@code user} when that is not us. */
  static Path createPrivateDir(Path dir, String user) {
    try {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      if (user != null) {
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        view.setOwner(lookup.lookupPrincipalByName(user));
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(user);
        view.setGroup(group);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + " for user " + user, e);
    }
  }

  static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              // A server that just exited may still be removing its own files (pid, socket).
              if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
              }
              throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.deleteIfExists(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  static boolean userExists(String user) {
    try {
      Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean isRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  // The pid namespace is part of the tag: a JVM in another container sharing /tmp has a pid we
  // cannot see, and its folders must not look abandoned to us.
  private static String ownerTag(long pid) {
    return pid + " " + pidNamespace();
  }

  private static String pidNamespace() {
    try {
      return Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "unknown";
    }
  }

  private static void sweepAbandoned(Path base) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, PREFIX + "*")) {
      for (Path dir : dirs) {
        if (isAbandoned(dir)) {
          try {
            deleteRecursively(dir);
          } catch (UncheckedIOException e) {
            // Best effort: a folder we cannot remove is left for the next run.
          }
        }
      }
    } catch (IOException e) {
      // Best effort as well; sweeping is a courtesy, not a requirement.
    }
  }

  private static boolean isAbandoned(Path dir) {
    try {
      String[] tag =
          Files.readString(dir.resolve(OWNER_FILE), StandardCharsets.UTF_8).trim().split(" ", 2);
      long pid = Long.parseLong(tag[0]);
      boolean sameNamespace = tag.length == 2 && tag[1].equals(pidNamespace());
      return sameNamespace && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
