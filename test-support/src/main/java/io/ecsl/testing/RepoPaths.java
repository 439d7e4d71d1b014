package io.ecsl.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find what they read: everything is inside the repository (a fresh clone has nothing
 * beside it), and {@code RepositoryBoundaryTest} keeps it that way.
 */
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

  /**
   * The real-world ECS JSON corpus ({@code corpus/}: task definitions, services, clusters and
   * invalid documents, with {@code SOURCES.md} and {@code manifest.json}).
   */
  public static Path corpus() {
    return root().resolve("corpus");
  }

  /**
   * The compact AWS API model of {@code service} ({@code ecs}, {@code events},
   * {@code application-autoscaling}, {@code servicediscovery}) that the compiler ships and checks
   * declarations against (compiler/tools/update-aws-models.py writes them).
   */
  public static Path awsModel(String service) {
    return root().resolve("compiler/src/main/resources/io/ecsl/schema/models").resolve(service + ".json");
  }
}
