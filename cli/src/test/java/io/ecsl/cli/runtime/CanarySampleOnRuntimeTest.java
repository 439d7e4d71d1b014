package io.ecsl.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.cli.Main;
import io.ecsl.runtime.deployments.DeploymentTiming;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * samples/canary-web end to end on the local runtime (a "minute" of the deployment lasts 10
 * seconds): apply starts the service behind its load balancer; applying a new image prints each
 * step as it happens while, during the canary's bake, requests to the listener are answered by
 * both revisions in the declared share (20 %); an image whose container exits rolls back, apply
 * fails with the reason and the listener keeps answering from the running revision; destroy
 * removes it all.
 */
@NeedsDocker
class CanarySampleOnRuntimeTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  private static final Pattern LISTENER = Pattern.compile("load balancer canary-web {2}http://(127\\.0\\.0\\.1:\\d+) \\(HTTP:80\\)");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String OLD = "ecsl/busybox:1.35";
  private static final String NEW = "ecsl/busybox:latest";
  @RegisterExtension final TestRuntime runtime = new TestRuntime(Map.of(DeploymentTiming.MINUTE, "10"));
  @TempDir Path imageDir;
  private final String broken = "ecsl-test/canary-web-broken:" + UUID.randomUUID().toString().substring(0, 8);

  /** An image whose entry point exits at once, whatever command the task gives it. */
  private void buildBrokenImage() throws Exception {
    Files.writeString(imageDir.resolve("Dockerfile"), """
        FROM %s
        LABEL io.ecsl.test=canary-web
        ENTRYPOINT ["sh", "-c", "echo 'canary-web: /etc/canary-web.conf is missing' >&2; exit 1", "--"]
        """.formatted(OLD));
    Processes.Result built = Processes.run(List.of("docker", "build", "-q", "-t", broken, imageDir.toString()), Map.of(), 120);
    assertEquals(0, built.exitCode(), built.output());
  }

  @AfterEach
  void removeBrokenImage() throws Exception {
    Processes.run(List.of("docker", "image", "rm", "-f", broken), Map.of(), 60);
  }

  private Processes.Result apply(Path sample, String image) {
    return ECSL.run("apply", sample.toString(), "--auto-approve", "--target", "local", "--runtime-dir", runtime.dir(),
        "--poll-interval", "1s", "--wait-timeout", "3m", "--var", "image=" + image);
  }

  @Test
  void aNewImageGoesOutAsACanaryThatCurlSeesAndABrokenOneRollsBack() throws Exception {
    buildBrokenImage();
    Path sample = RepoPaths.samples().resolve("canary-web");
    Processes.Result first = apply(sample, OLD);
    assertEquals(0, first.exitCode(), first.output());
    Matcher listener = LISTENER.matcher(first.stdout());
    assertTrue(listener.find(), "apply names the listener's address: " + first.stdout());
    URI address = URI.create("http://" + listener.group(1) + "/");
    assertEquals(Map.of(OLD, 10), answers(address, 10));

    CompletableFuture<Processes.Result> second = CompletableFuture.supplyAsync(() -> apply(sample, NEW));
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    Map<String, Integer> canary = Map.of();
    while (Instant.now().isBefore(deadline) && !second.isDone()) {
      if (answers(address, 1).containsKey(NEW)) {
        canary = answers(address, 50);
        break;
      }
    }
    assertTrue(canary.containsKey(OLD) && canary.containsKey(NEW),
        "both revisions answer through the listener while the canary bakes: " + canary);
    int share = canary.get(NEW);
    assertTrue(share >= 7 && share <= 13, "the canary answers about 20 % of 50 requests: " + canary);

    Processes.Result deployed = second.join();
    assertEquals(0, deployed.exitCode(), deployed.output());
    List<String> steps = List.of(
        "scale up: the new revision starts 2 tasks",
        "production traffic: 20% to the new revision; it bakes 1m before the next shift",
        "production traffic: 100% to the new revision",
        "clean up: the old revision stops",
        "deployment successful");
    int at = -1;
    for (String step : steps) {
      int found = deployed.stderr().indexOf(step);
      assertTrue(found > at, "apply prints `" + step + "` after the step before it:\n" + deployed.stderr());
      assertEquals(found, deployed.stderr().lastIndexOf(step), "`" + step + "` is printed once:\n" + deployed.stderr());
      at = found;
    }
    assertEquals(Map.of(NEW, 10), answers(address, 10));

    Processes.Result failed = apply(sample, broken);
    assertEquals(1, failed.exitCode(), failed.output());
    assertTrue(failed.output().contains("the deployment rolled back (ROLLBACK_"), failed.output());
    assertTrue(failed.output().contains("ECS deployment circuit breaker: tasks failed to start"), failed.output());
    assertTrue(failed.output().contains("stopped tasks: Essential container in task exited; app: exit code 1"),
        failed.output());
    assertEquals(Map.of(NEW, 10), answers(address, 10), "production stays on the running revision");

    Processes.Result destroy = ECSL.run("destroy", sample.toString(), "--auto-approve", "--target", "local",
        "--runtime-dir", runtime.dir(), "--var", "image=" + NEW);
    assertEquals(0, destroy.exitCode(), destroy.output());
    assertNotNull(TestRuntime.refused(address), "the listener still answers after destroy");
  }

  /** Who answers {@code n} requests in a row on the listener, by the image its page names. */
  private static Map<String, Integer> answers(URI address, int n) throws Exception {
    Map<String, Integer> out = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      String body = page.body().trim();
      String key = page.statusCode() != 200 ? "HTTP " + page.statusCode()
          : body.startsWith("canary-web ") ? body.split(" ")[1] : body;
      out.merge(key, 1, Integer::sum);
    }
    return out;
  }
}
