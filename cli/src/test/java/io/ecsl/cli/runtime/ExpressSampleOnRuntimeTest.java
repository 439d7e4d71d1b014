package io.ecsl.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.cli.Main;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.NeedsDocker;
import io.ecsl.testing.Processes;
import io.ecsl.testing.RepoPaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code samples/express-web} end to end on the local runtime (moto has no Express Mode
 * operations, so the runtime, which implements them, is the target): apply creates the Express
 * service, and with it the load balancer, target group and scaling ECS makes for one; apply prints
 * the endpoint, which answers through the listener once the target group's health check on
 * {@code /ping} found the task healthy. A second plan finds nothing to change, and a changed
 * declaration plans a replacement for a new infrastructure role (fixed at creation); destroy removes it
 * and the endpoint stops answering.
 */
@NeedsDocker
class ExpressSampleOnRuntimeTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  private static final Pattern ENDPOINT = Pattern.compile("Express service express/hello: (http://127\\.0\\.0\\.1:\\d+)");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  @RegisterExtension final TestRuntime runtime = new TestRuntime();
  @org.junit.jupiter.api.io.TempDir Path tmp;

  @Test
  void theExpressServiceAnswersAtItsEndpoint() throws Exception {
    Path sample = RepoPaths.samples().resolve("express-web");
    Processes.Result apply = ECSL.run("apply", sample.toString(), "--auto-approve", "--target", "local", "--runtime-dir",
        runtime.dir());
    assertEquals(0, apply.exitCode(), apply.output());
    Matcher endpoint = ENDPOINT.matcher(apply.stdout());
    assertTrue(endpoint.find(), "apply prints the Express service's endpoint: " + apply.stdout());
    URI address = URI.create(endpoint.group(1) + "/");

    HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().startsWith("hello from task "), page.body());

    Processes.Result plan = ECSL.run("plan", sample.toString(), "--target", "local", "--runtime-dir", runtime.dir());
    assertEquals(0, plan.exitCode(), plan.output());
    assertTrue(plan.stdout().contains("No changes"), plan.stdout());

    // The project is named by its folder: a changed copy in a folder of the same name is the same project.
    Path changed = Files.createDirectories(tmp.resolve("express-web"));
    Files.writeString(changed.resolve("main.ecs"), Files.readString(sample.resolve("main.ecs"))
        .replace("health_check_path = \"/ping\"", "health_check_path = \"/index.html\"")
        .replace("infrastructure_role = infrastructure_role", "infrastructure_role = \"arn:aws:iam::123456789012:role/other\""));
    Processes.Result replan = ECSL.run("plan", changed.toString(), "--target", "local", "--runtime-dir", runtime.dir());
    assertEquals(0, replan.exitCode(), replan.output());
    assertTrue(replan.stdout().contains("-/+ replace      Express service express/hello")
        && replan.stdout().contains("infrastructure role cannot change in place")
        && replan.stdout().contains("healthCheckPath: (none) → \"/index.html\""), replan.stdout());

    Processes.Result destroy = ECSL.run("destroy", sample.toString(), "--auto-approve", "--target", "local",
        "--runtime-dir", runtime.dir());
    assertEquals(0, destroy.exitCode(), destroy.output());
    assertNotNull(TestRuntime.refused(address), "the endpoint still answers after destroy");
  }
}
