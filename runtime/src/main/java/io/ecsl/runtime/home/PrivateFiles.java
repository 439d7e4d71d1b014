package io.ecsl.runtime.home;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner may read: the runtime's data directory (0700) and everything in it
 * (0600), as the AWS CLI keeps {@code ~/.aws/credentials}. Files are created with their final
 * mode, never widened and then narrowed, so no other user can open one in between.
 */
public final class PrivateFiles {
  public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  /** Creates {@code dir} (and missing parents) and makes it 0700; an existing one is narrowed to 0700. */
  public static void directory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Path parent = dir.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try {
        if (posix(dir.toAbsolutePath().getParent())) {
          Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        } else {
          Files.createDirectory(dir);
        }
      } catch (FileAlreadyExistsException e) {
        // created concurrently; narrowed below
      }
    }
    restrict(dir, DIRECTORY);
  }

  /** Creates an empty 0600 file unless it exists; an existing one is narrowed to 0600. */
  public static Path file(Path file) throws IOException {
    try {
      if (posix(file.toAbsolutePath().getParent())) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException e) {
      restrict(file, FILE);
    }
    return file;
  }

  /** Writes {@code text} atomically (a 0600 temporary file renamed over {@code file}). */
  public static void write(Path file, String text) throws IOException {
    Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.deleteIfExists(temporary);
    file(temporary);
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Sets the mode of an existing file or directory (where the file system has POSIX modes). */
  public static void restrict(Path path, Set<PosixFilePermission> mode) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    if (view != null && !view.readAttributes().permissions().equals(mode)) {
      view.setPermissions(mode);
    }
  }

  /** The file's POSIX mode, e.g. {@code rw-------}, or null where the file system has none. */
  public static String mode(Path path) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    return view == null ? null : PosixFilePermissions.toString(view.readAttributes().permissions());
  }

  private static boolean posix(Path dir) {
    return dir != null && Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
  }
}
