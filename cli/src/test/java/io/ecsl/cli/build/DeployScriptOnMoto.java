package io.ecsl.cli.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ecsl.cli.Main;
import io.ecsl.testing.AwsCli;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.MotoServer;
import io.ecsl.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A moto_server and the AWS CLI environment that reaches it, for tests that build a project and
 * run its deploy.sh against moto twice (the second run must find everything and create nothing).
 */
final class DeployScriptOnMoto implements AutoCloseable {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);

  private final MotoServer moto;
  /** The AWS CLI's environment: moto's endpoint and credentials, one attempt per call. */
  final Map<String, String> env;

  /** The two runs of deploy.sh. */
  record Runs(Processes.Result first, Processes.Result second) {}

  DeployScriptOnMoto() throws Exception {
    moto = MotoServer.start();
    Map<String, String> e = new HashMap<>(moto.awsEnvironment());
    e.put("AWS_MAX_ATTEMPTS", "1");
    env = Map.copyOf(e);
  }

  /** One AWS CLI call's text output, trimmed ({@code --output text} with a {@code --query}). */
  String text(String... args) throws Exception {
    return AwsCli.ok(env, args).trim();
  }

  /** Builds {@code source} as a project in {@code work}, then runs its deploy.sh twice. */
  Runs buildAndDeployTwice(Path work, String source) throws Exception {
    Path src = Files.createDirectories(work.resolve("src"));
    Files.writeString(src.resolve("main.ecs"), source);
    Path out = work.resolve("out");
    Processes.Result build = ECSL.run("build", src.toString(), "-o", out.toString());
    assertEquals(0, build.exitCode(), build.output());
    List<String> deploy = List.of("bash", out.resolve("deploy.sh").toString());
    Processes.Result first = Processes.run(deploy, env, 300);
    return new Runs(first, Processes.run(deploy, env, 300));
  }

  @Override
  public void close() {
    moto.close();
  }
}
