package io.ecsl.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.testing.AwsCli;
import io.ecsl.testing.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A relaxed moto_server (one per test class) for plan, apply and destroy against the {@code aws}
 * target, with what those tests ask of it: the command line aimed at it in a region, a project
 * directory written from source, and the aws CLI's view of what apply made.
 */
final class DeployOnMoto implements AutoCloseable {
  private final MotoServer moto;

  private DeployOnMoto(MotoServer moto) {
    this.moto = moto;
  }

  static DeployOnMoto start() throws IOException, InterruptedException {
    // moto accepts any credentials; the SDK's chain reads these system properties first.
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
    return new DeployOnMoto(MotoServer.startRelaxed());
  }

  String endpoint() {
    return moto.endpoint();
  }

  URI uri() {
    return moto.uri();
  }

  /** {@code COMMAND --target aws --endpoint MOTO --region REGION REST…}. */
  String[] args(String command, String region, String... rest) {
    List<String> out = new ArrayList<>(List.of(command, "--target", "aws", "--endpoint", moto.endpoint(), "--region", region));
    out.addAll(List.of(rest));
    return out.toArray(String[]::new);
  }

  /** The aws CLI's JSON answer to {@code args} against moto in {@code region}. */
  JsonNode aws(String region, String... args) throws Exception {
    Map<String, String> env = new HashMap<>(moto.awsEnvironment());
    env.put("AWS_DEFAULT_REGION", region);
    return AwsCli.json(env, args);
  }

  /** {@code tmp/shop/main.ecs} holding {@code source}: the project directory. */
  static Path project(Path tmp, String source) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("shop"));
    Files.writeString(dir.resolve("main.ecs"), source);
    return dir;
  }

  @Override
  public void close() {
    moto.close();
  }
}
