package io.ecsl.cli.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.Main;
import io.ecsl.compile.Compiler;
import io.ecsl.importer.Importer;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.testing.AwsCli;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.MotoServer;
import io.ecsl.testing.NeedsAwsCli;
import io.ecsl.testing.NeedsMoto;
import io.ecsl.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecsl import} of Elastic Load Balancing as the AWS CLI describes it: a target group, an
 * Application Load Balancer, a listener forwarding to the group and a path rule, created with the
 * AWS CLI against moto_server and described with it, import into declarations that {@code ecsl
 * check} accepts and {@code ecsl build} turns back into the same create requests, references
 * between them by name.
 */
@NeedsMoto
@NeedsAwsCli
class ElbImportMotoTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);

  @TempDir Path work;

  @Test
  void describedLoadBalancingImportsChecksAndBuildsTheSameRequests() throws Exception {
    try (MotoServer moto = MotoServer.start()) {
      Map<String, String> env = new HashMap<>(moto.awsEnvironment());
      env.put("AWS_MAX_ATTEMPTS", "1");
      String vpc = AwsCli.ok(env, "ec2", "create-vpc", "--cidr-block", "10.0.0.0/16", "--query", "Vpc.VpcId", "--output", "text").trim();
      String a = AwsCli.ok(env, "ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", "10.0.1.0/24", "--availability-zone",
          "us-east-1a", "--query", "Subnet.SubnetId", "--output", "text").trim();
      String b = AwsCli.ok(env, "ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", "10.0.2.0/24", "--availability-zone",
          "us-east-1b", "--query", "Subnet.SubnetId", "--output", "text").trim();
      String sg = AwsCli.ok(env, "ec2", "create-security-group", "--group-name", "lb", "--description", "lb", "--vpc-id", vpc,
          "--query", "GroupId", "--output", "text").trim();
      String tg = AwsCli.ok(env, "elbv2", "create-target-group", "--name", "web-blue", "--protocol", "HTTP", "--port", "8080",
          "--vpc-id", vpc, "--target-type", "ip", "--health-check-path", "/health", "--health-check-interval-seconds", "15",
          "--query", "TargetGroups[0].TargetGroupArn", "--output", "text").trim();
      String lb = AwsCli.ok(env, "elbv2", "create-load-balancer", "--name", "public", "--type", "application",
          "--subnets", a, b, "--security-groups", sg, "--query", "LoadBalancers[0].LoadBalancerArn", "--output", "text").trim();
      String listener = AwsCli.ok(env, "elbv2", "create-listener", "--load-balancer-arn", lb, "--protocol", "HTTP", "--port", "80",
          "--default-actions", "Type=forward,TargetGroupArn=" + tg, "--query", "Listeners[0].ListenerArn", "--output", "text").trim();
      AwsCli.ok(env, "elbv2", "create-rule", "--listener-arn", listener, "--priority", "10",
          "--conditions", "Field=path-pattern,Values=/api/*", "--actions", "Type=forward,TargetGroupArn=" + tg);

      Path json = Files.createDirectories(work.resolve("json"));
      Files.writeString(json.resolve("target-groups.json"), AwsCli.ok(env, "elbv2", "describe-target-groups"));
      Files.writeString(json.resolve("load-balancers.json"), AwsCli.ok(env, "elbv2", "describe-load-balancers"));
      Files.writeString(json.resolve("listeners.json"), AwsCli.ok(env, "elbv2", "describe-listeners", "--load-balancer-arn", lb));
      Files.writeString(json.resolve("rules.json"), AwsCli.ok(env, "elbv2", "describe-rules", "--listener-arn", listener));
      List<Path> inputs = List.of(json.resolve("target-groups.json"), json.resolve("load-balancers.json"),
          json.resolve("listeners.json"), json.resolve("rules.json"));

      Path src = work.resolve("src");
      Processes.Result imported = ECSL.run("import", inputs.get(0).toString(), inputs.get(1).toString(), inputs.get(2).toString(),
          inputs.get(3).toString(), "--out", src.toString());
      assertEquals(0, imported.exitCode(), imported.output());
      Processes.Result check = ECSL.run("check", src.toString());
      assertEquals(0, check.exitCode(), check.output());
      Processes.Result build = ECSL.run("build", src.toString(), "-o", work.resolve("out").toString());
      assertEquals(0, build.exitCode(), build.output());

      String source = Importer.importFiles(inputs).source();
      assertTrue(source.contains("listener http_80 in public {") && source.contains("forward = web_blue")
          && source.contains("rule priority_10 {"), source);
      assertFalse(source.contains("arn:aws:elasticloadbalancing"), source);
      Importer.Result again = Importer.importFiles(inputs);
      Compiler.Result built = Compiler.compile(Compiler.Options.of(src));
      int compared = 0;
      for (Resource r : again.model().resources()) {
        Resource rebuilt = built.model().find(r.kind(), r.cluster(), r.name());
        assertTrue(rebuilt != null, r.address() + " is not in the build of:\n" + source);
        assertEquals(r.primary().body(), rebuilt.primary().body(), r.address());
        compared++;
      }
      assertEquals(4, compared, again.model().resources().toString());
      JsonNode listenerRequest = built.model().find(ResourceKind.LISTENER, null, "public:80").primary().body();
      assertEquals("${load-balancer:public}", listenerRequest.path("LoadBalancerArn").asText());
      assertEquals("${target-group:web-blue}", listenerRequest.at("/DefaultActions/0/TargetGroupArn").asText());
      assertEquals("/health", built.model().find(ResourceKind.TARGET_GROUP, null, "web-blue").primary().body()
          .path("HealthCheckPath").asText());
    }
  }
}
