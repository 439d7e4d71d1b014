package io.ecsl.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the repository (samples/, stdlib) and the shared reference material. */
public final class RepoPaths {
  private RepoPaths() {}

  /** The repository root: the {@code ecsl.repo.root} property Maven sets, else found upwards. */
  public static Path root() {
    String prop = System.getProperty("ecsl.repo.root");
    if (prop != null && Files.isDirectory(Path.of(prop, "samples"))) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("samples"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("cannot find the repository root (no samples/ above " + Path.of("").toAbsolutePath() + ")");
    }
    return p;
  }

  public static Path samples() {
    return root().resolve("samples");
  }

  /** {@code ../shared} next to the repository: the ECS reference, corpus and benchmark kit. */
  public static Path shared() {
    Path beside = root().getParent().resolve("shared");
    if (Files.isDirectory(beside)) {
      return beside;
    }
    return Path.of("/work/shared");
  }
}
