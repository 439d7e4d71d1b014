package io.ecsl.runtime.hostaccess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Host paths as the kernel sees them when it mounts one: symbolic links in the part that exists
 * resolved, so a link under an allowed directory that points at {@code /etc} is judged as
 * {@code /etc}.
 */
public final class RealPaths {
  private RealPaths() {}

  public static Path resolve(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
    } catch (IOException e) {
      return absolute;
    }
  }
}
