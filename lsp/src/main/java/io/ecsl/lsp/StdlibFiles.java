package io.ecsl.lsp;

import io.ecsl.modules.Stdlib;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The standard library as files an editor can open: "go to definition" on {@code fargate.size}
 * lands in a real file, which every client can show (a custom URI scheme would need a plug-in in
 * each editor). They are written once per version of the library, read-only, under the system's
 * temporary directory.
 */
final class StdlibFiles {
  private final Path dir;

  StdlibFiles(Path base) {
    this.dir = base.resolve("ecsl-stdlib-" + digest()).resolve("std");
  }

  static StdlibFiles inTempDir() {
    return new StdlibFiles(Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** The file of a stdlib source named like {@code std/fargate.ecs}, written on first use; null if none. */
  synchronized Path file(String displayName) {
    if (!displayName.startsWith("std/") || !displayName.endsWith(".ecs")) {
      return null;
    }
    String name = displayName.substring(4, displayName.length() - 4);
    String source = Stdlib.source(name);
    if (source == null) {
      return null;
    }
    Path file = dir.resolve(name + ".ecs");
    try {
      if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(source)) {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        Files.writeString(tmp, source, StandardCharsets.UTF_8);
        tmp.toFile().setReadOnly();
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      return null;
    }
    return file;
  }

  /** Whether a file is one of these (opening it shows the library, not a project of the user's). */
  boolean contains(Path file) {
    return file.toAbsolutePath().normalize().startsWith(dir);
  }

  private static String digest() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String name : Stdlib.modules()) {
        md.update(name.getBytes(StandardCharsets.UTF_8));
        md.update(Stdlib.source(name).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
