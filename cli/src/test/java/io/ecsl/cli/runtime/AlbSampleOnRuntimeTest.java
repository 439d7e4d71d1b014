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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The guide's lab end to end on the local runtime: {@code ecsl apply samples/alb-web} creates the
 * target group, the load balancer, its listener and the service, apply prints where the listener is
 * served, and requests there are answered by both tasks in turn (the health check on {@code /} made
 * them healthy targets). A second plan finds nothing to change; destroy removes it all and the
 * listener stops answering.
 */
@NeedsDocker
class AlbSampleOnRuntimeTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  private static final Pattern LISTENER = Pattern.compile("load balancer web {2}http://(127\\.0\\.0\\.1:\\d+) \\(HTTP:80\\)");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  @RegisterExtension final TestRuntime runtime = new TestRuntime();

  @Test
  void theAlbLabAppliesAndItsListenerReachesBothTasks() throws Exception {
    Path sample = RepoPaths.samples().resolve("alb-web");
    Processes.Result apply = ECSL.run("apply", sample.toString(), "--auto-approve", "--target", "local", "--runtime-dir",
        runtime.dir());
    assertEquals(0, apply.exitCode(), apply.output());
    Matcher listener = LISTENER.matcher(apply.stdout());
    assertTrue(listener.find(), "apply names the listener's address: " + apply.stdout());
    URI address = URI.create("http://" + listener.group(1) + "/");

    Set<String> answeredBy = new TreeSet<>();
    for (int i = 0; i < 8; i++) {
      HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode(), page.body());
      assertTrue(page.body().startsWith("hello from task "), page.body());
      answeredBy.add(page.body().trim());
    }
    assertEquals(2, answeredBy.size(), "both tasks answer through the load balancer: " + answeredBy);

    Processes.Result plan = ECSL.run("plan", sample.toString(), "--target", "local", "--runtime-dir", runtime.dir());
    assertEquals(0, plan.exitCode(), plan.output());
    assertTrue(plan.stdout().contains("No changes"), plan.stdout());

    Processes.Result destroy = ECSL.run("destroy", sample.toString(), "--auto-approve", "--target", "local",
        "--runtime-dir", runtime.dir());
    assertEquals(0, destroy.exitCode(), destroy.output());
    assertNotNull(refused(address), "the listener still answers after destroy");
  }

  /** The exception a request to {@code address} ends with, or null when it was answered. */
  static Exception refused(URI address) {
    try {
      HTTP.send(HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
      return null;
    } catch (Exception e) {
      return e;
    }
  }
}
