package io.ecsl.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ecsl.cli.Main;
import io.ecsl.deploy.target.SdkAwsApi;
import io.ecsl.deploy.target.TargetOptions;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.NeedsDocker;
import io.ecsl.testing.Processes;
import io.ecsl.testing.RepoPaths;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Until the local runtime runs load balancers (issue 11 §2), applying samples/alb-web to it fails
 * at the refresh, saying what is missing and what to do instead, and creates nothing: no cluster,
 * no service running tasks that no load balancer would reach.
 */
@NeedsDocker
class AlbSampleOnRuntimeTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  @RegisterExtension final TestRuntime runtime = new TestRuntime();

  @Test
  void applyingTheAlbSampleLocallyFailsClearlyAndCreatesNothing() throws Exception {
    Path sample = RepoPaths.samples().resolve("alb-web");
    {
      Processes.Result apply = ECSL.run("apply", sample.toString(), "--auto-approve", "--target", "local", "--endpoint",
          runtime.endpoint());
      assertEquals(1, apply.exitCode(), apply.output());
      assertTrue(apply.stderr().contains("Elastic Load Balancing (elbv2) API")
          && apply.stderr().contains("the local runtime does not run load balancers yet: nothing was created"), apply.output());
      try (SdkAwsApi api = new SdkAwsApi(new TargetOptions(TargetOptions.Kind.local, URI.create(runtime.endpoint()),
          "us-east-1", null, true))) {
        String clusters = api.call("ecs", "ListClusters", JsonNodeFactory.instance.objectNode()).toString();
        assertTrue(!clusters.contains("cluster/lab"), "apply created the sample's cluster: " + clusters);
      }
    }
  }
}
