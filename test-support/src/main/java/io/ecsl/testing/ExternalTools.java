package io.ecsl.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test tiers' tags, and the check behind each {@code Needs…} annotation: a test that needs a
 * tool the machine lacks fails at once, saying what is missing and what to do. It never skips: CI
 * must not pass by leaving out the tests that judge ecsl against the real tools.
 */
public final class ExternalTools {
  /** Tag of the tests that need a running Docker engine. */
  public static final String DOCKER = "docker";
  /** Tag of the tests that start a {@code moto_server}. */
  public static final String MOTO = "moto";
  /** Tag of the tests that run the real AWS CLI (v1). */
  public static final String AWS_CLI = "aws-cli";
  /** Tag of the tests that run {@code cfn-lint} or read its resource schemas. */
  public static final String CFN_LINT = "cfn-lint";

  private static final Map<String, String> PROBLEMS = new ConcurrentHashMap<>();

  private ExternalTools() {}

  /** An executable of that name on PATH, or null. */
  static Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return Path.of(dir, name);
      }
    }
    return null;
  }

  /** What is missing of {@code executables}, or null when all are on PATH. */
  static String missing(List<String> executables) {
    List<String> absent = executables.stream().filter(e -> onPath(e) == null).toList();
    return absent.isEmpty() ? null : String.join(" and ", absent) + (absent.size() == 1 ? " is" : " are") + " not on PATH";
  }

  /** The Docker engine's socket is missing, or null when Docker looks reachable (DOCKER_HOST is trusted). */
  static String dockerProblem() {
    String host = System.getenv("DOCKER_HOST");
    if (host != null && !host.isBlank()) {
      return null;
    }
    return Files.exists(Path.of("/var/run/docker.sock")) ? null : "the Docker engine is not running (no /var/run/docker.sock, no DOCKER_HOST)";
  }

  /** The check of one tag: fails the test with what is missing and the way out. */
  abstract static class Check implements BeforeAllCallback, BeforeEachCallback {
    private final String tag;
    private final Supplier<String> problem;

    /** {@code problem} says what is missing on this machine, or gives null. */
    Check(String tag, Supplier<String> problem) {
      this.tag = tag;
      this.problem = problem;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
      verify();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      verify();
    }

    private void verify() {
      String found = PROBLEMS.computeIfAbsent(tag, t -> Objects.requireNonNullElse(problem.get(), ""));
      if (!found.isEmpty()) {
        throw new AssertionError("this test is tagged `" + tag + "` and " + found + ". bash .ci/setup and .ci/run"
            + " install and check what the tests need; ./mvnw test -Pfast runs only the tests without external tools"
            + " (docs/development.md, \"Tests\")");
      }
    }
  }

  /** Behind {@link NeedsDocker}. */
  public static final class Docker extends Check {
    public Docker() {
      super(DOCKER, ExternalTools::dockerProblem);
    }
  }

  /** Behind {@link NeedsMoto}: moto_server, and a python3 (with moto) for the relaxed flavour. */
  public static final class Moto extends Check {
    public Moto() {
      super(MOTO, () -> missing(List.of("moto_server", "python3")));
    }
  }

  /** Behind {@link NeedsAwsCli}: aws, and python3 for {@link AwsCli#batch}. */
  public static final class AwsCli extends Check {
    public AwsCli() {
      super(AWS_CLI, () -> missing(List.of("aws", "python3")));
    }
  }

  /** Behind {@link NeedsCfnLint}: cfn-lint, and python3 for its resource schemas. */
  public static final class CfnLint extends Check {
    public CfnLint() {
      super(CFN_LINT, () -> missing(List.of("cfn-lint", "python3")));
    }
  }
}
