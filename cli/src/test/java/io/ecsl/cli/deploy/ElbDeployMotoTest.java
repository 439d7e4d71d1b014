package io.ecsl.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.Main;
import io.ecsl.emit.Json;
import io.ecsl.facts.elb.ResourceLabel;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.NeedsAwsCli;
import io.ecsl.testing.NeedsMoto;
import io.ecsl.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan, apply and destroy of Elastic Load Balancing through the SDK's ELBv2 client against a real
 * moto_server, judged by the AWS CLI: target groups and the load balancer are created before the
 * listener and its rule, which forward to the target groups' ARNs, and before the service, which
 * gets its target group's ARN; a second plan has no changes; a changed health check is one
 * ModifyTargetGroup; destroy removes all of it. Each test has its own region.
 */
@NeedsMoto
@NeedsAwsCli
class ElbDeployMotoTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  private static final String SOURCE = """
      project { name = "shop" }
      cluster prod {}
      target_group web {
        protocol = HTTP; port = 8080; target_type = ip; vpc_id = "vpc-0abc"
        health_check { path = "/", interval = 10s, timeout = 5s }
        deregistration_delay = 15s
        stickiness { type = lb_cookie, duration = 1h }
      }
      target_group web_green { name = "web-green", protocol = HTTP, port = 8080, target_type = ip, vpc_id = "vpc-0abc" }
      load_balancer public {
        type = application, subnets = ["subnet-a", "subnet-b"], security_groups = ["sg-lb"], idle_timeout = 120s
      }
      listener http in public {
        port = 80, protocol = HTTP, forward { web = 90, web_green = 10 }
        rule api { priority = 10, path = "/api/*", forward = web_green }
      }
      task web {
        cpu = 0.25 vcpu; memory = 512 MiB; network = awsvpc; compatibilities = [FARGATE]
        container app { image = "ecsl/busybox:1.35", port http = 8080/tcp }
      }
      service web in prod {
        task = web; desired = 2; launch_type = FARGATE
        network { subnets = ["subnet-a", "subnet-b"], security_groups = ["sg-web"] }
        load_balancer { target_group = web, container = app.http }
        autoscaling { min = 2, max = 4, alb_requests = 500 }
      }
      """;
  private static DeployOnMoto moto;

  @TempDir Path tmp;

  @BeforeAll
  static void startMoto() throws Exception {
    moto = DeployOnMoto.start();
  }

  @AfterAll
  static void stopMoto() {
    moto.close();
  }

  private static String targetGroupArn(String region, String name) throws Exception {
    return moto.aws(region, "elbv2", "describe-target-groups", "--names", name).at("/TargetGroups/0/TargetGroupArn").asText();
  }

  @Test
  void applyCreatesTheLoadBalancerWithItsArnsThenPlansClean() throws Exception {
    String region = "eu-west-1";
    Path project = DeployOnMoto.project(tmp, SOURCE);
    Processes.Result apply = ECSL.run(moto.args("apply", region, project.toString(), "--auto-approve", "--no-wait"));
    assertEquals(0, apply.exitCode(), apply.toString());

    String lb = moto.aws(region, "elbv2", "describe-load-balancers", "--names", "public").at("/LoadBalancers/0/LoadBalancerArn").asText();
    JsonNode listeners = moto.aws(region, "elbv2", "describe-listeners", "--load-balancer-arn", lb).path("Listeners");
    assertEquals(1, listeners.size(), listeners.toString());
    assertEquals(80, listeners.at("/0/Port").asInt());
    JsonNode groups = listeners.at("/0/DefaultActions/0/ForwardConfig/TargetGroups");
    assertEquals(targetGroupArn(region, "web"), groups.at("/0/TargetGroupArn").asText(), groups.toString());
    assertEquals(targetGroupArn(region, "web-green"), groups.at("/1/TargetGroupArn").asText(), groups.toString());
    JsonNode rules = moto.aws(region, "elbv2", "describe-rules", "--listener-arn", listeners.at("/0/ListenerArn").asText()).path("Rules");
    assertEquals(2, rules.size(), rules.toString()); // the rule and the listener's default
    JsonNode tags = moto.aws(region, "elbv2", "describe-tags", "--resource-arns", lb, targetGroupArn(region, "web"));
    tags.path("TagDescriptions").forEach(d -> assertTrue(d.path("Tags").toString().contains("\"ecsl:project\""), d.toString()));
    JsonNode attributes = moto.aws(region, "elbv2", "describe-target-group-attributes", "--target-group-arn",
        targetGroupArn(region, "web")).path("Attributes");
    assertTrue(attributes.toString().contains("{\"Key\":\"deregistration_delay.timeout_seconds\",\"Value\":\"15\"}")
        && attributes.toString().contains("{\"Key\":\"stickiness.lb_cookie.duration_seconds\",\"Value\":\"3600\"}"),
        attributes.toString());
    assertTrue(moto.aws(region, "elbv2", "describe-load-balancer-attributes", "--load-balancer-arn", lb).path("Attributes").toString()
        .contains("{\"Key\":\"idle_timeout.timeout_seconds\",\"Value\":\"120\"}"), "idle timeout");
    JsonNode service = moto.aws(region, "ecs", "describe-services", "--cluster", "prod", "--services", "web").at("/services/0");
    assertEquals(targetGroupArn(region, "web"), service.at("/loadBalancers/0/targetGroupArn").asText(), service.toString());

    // alb_requests without a resource_label: the label of the declared ALB and target group, from their new ARNs
    JsonNode policies = moto.aws(region, "application-autoscaling", "describe-scaling-policies", "--service-namespace", "ecs");
    String label = null;
    for (JsonNode p : policies.path("ScalingPolicies")) {
      if (p.path("PolicyName").asText().equals("web-alb-requests")) {
        label = p.at("/TargetTrackingScalingPolicyConfiguration/PredefinedMetricSpecification/ResourceLabel").asText();
      }
    }
    assertEquals(ResourceLabel.of(lb, targetGroupArn(region, "web")), label, policies.toString());

    Processes.Result plan = ECSL.run(moto.args("plan", region, project.toString(), "--detailed-exitcode"));
    assertEquals(0, plan.exitCode(), "a second plan must have no changes: " + plan);
    assertTrue(plan.stdout().contains("No changes"), plan.toString());
  }

  @Test
  void aChangedHealthCheckIsOneModifyTargetGroupAndDestroyRemovesEverything() throws Exception {
    String region = "us-west-2";
    Path project = DeployOnMoto.project(tmp, SOURCE);
    assertEquals(0, ECSL.run(moto.args("apply", region, project.toString(), "--auto-approve", "--no-wait")).exitCode());
    Files.writeString(project.resolve("main.ecs"), SOURCE.replace("interval = 10s", "interval = 20s"));
    Processes.Result json = ECSL.run(moto.args("plan", region, project.toString(), "--format", "json"));
    assertEquals(0, json.exitCode(), json.toString());
    List<JsonNode> changed = new ArrayList<>();
    Json.mapper().readTree(json.stdout()).path("resources").forEach(r -> {
      if (!r.path("action").asText().equals("no-change")) {
        changed.add(r);
      }
    });
    assertEquals(1, changed.size(), json.stdout());
    assertEquals("target group web", changed.get(0).path("address").asText());
    assertEquals("update", changed.get(0).path("action").asText());
    assertEquals("/HealthCheckIntervalSeconds", changed.get(0).at("/changes/0/pointer").asText(), changed.get(0).toString());
    assertEquals("ModifyTargetGroup", changed.get(0).at("/steps/0/operation").asText(), changed.get(0).toString());

    assertEquals(0, ECSL.run(moto.args("apply", region, project.toString(), "--auto-approve", "--no-wait")).exitCode());
    assertEquals(20, moto.aws(region, "elbv2", "describe-target-groups", "--names", "web").at("/TargetGroups/0/HealthCheckIntervalSeconds")
        .asInt());
    assertEquals(0, ECSL.run(moto.args("plan", region, project.toString(), "--detailed-exitcode")).exitCode());

    // an attribute changed is one ModifyTargetGroupAttributes, and then the plan is clean again
    Files.writeString(project.resolve("main.ecs"), SOURCE.replace("interval = 10s", "interval = 20s")
        .replace("deregistration_delay = 15s", "deregistration_delay = 45s"));
    Processes.Result attributes = ECSL.run(moto.args("plan", region, project.toString(), "--format", "json"));
    assertTrue(attributes.stdout().contains("\"ModifyTargetGroupAttributes\"") && !attributes.stdout().contains("\"ModifyTargetGroup\""),
        attributes.stdout());
    assertEquals(0, ECSL.run(moto.args("apply", region, project.toString(), "--auto-approve", "--no-wait")).exitCode());
    assertEquals(0, ECSL.run(moto.args("plan", region, project.toString(), "--detailed-exitcode")).exitCode());

    Processes.Result destroy = ECSL.run(moto.args("destroy", region, project.toString(), "--auto-approve"));
    assertEquals(0, destroy.exitCode(), destroy.toString());
    assertEquals(0, moto.aws(region, "elbv2", "describe-load-balancers").path("LoadBalancers").size());
    assertEquals(0, moto.aws(region, "elbv2", "describe-target-groups").path("TargetGroups").size());
  }
  @Test
  void aRemovedAttributeIsPutBackToItsDefault() throws Exception {
    String region = "ap-southeast-2";
    Path project = DeployOnMoto.project(tmp, SOURCE);
    assertEquals(0, ECSL.run(moto.args("apply", region, project.toString(), "--auto-approve", "--no-wait")).exitCode());
    Files.writeString(project.resolve("main.ecs"), SOURCE.replace("deregistration_delay = 15s", "")
        .replace(", idle_timeout = 120s", ""));

    Processes.Result json = ECSL.run(moto.args("plan", region, project.toString(), "--format", "json"));
    assertEquals(0, json.exitCode(), json.toString());
    Map<String, JsonNode> changed = new java.util.TreeMap<>();
    Json.mapper().readTree(json.stdout()).path("resources").forEach(r -> {
      if (!r.path("action").asText().equals("no-change")) {
        changed.put(r.path("address").asText(), r);
      }
    });
    assertEquals(List.of("load balancer public", "target group web"), List.copyOf(changed.keySet()), json.stdout());
    JsonNode groupStep = changed.get("target group web").at("/steps/0");
    assertEquals("ModifyTargetGroupAttributes", groupStep.path("operation").asText(), groupStep.toString());
    assertTrue(groupStep.toString().contains("{\"Key\":\"deregistration_delay.timeout_seconds\",\"Value\":\"300\"}"),
        groupStep.toString());
    JsonNode balancerStep = changed.get("load balancer public").at("/steps/0");
    assertEquals("ModifyLoadBalancerAttributes", balancerStep.path("operation").asText(), balancerStep.toString());
    assertTrue(balancerStep.toString().contains("{\"Key\":\"idle_timeout.timeout_seconds\",\"Value\":\"60\"}"),
        balancerStep.toString());
    Processes.Result text = ECSL.run(moto.args("plan", region, project.toString(), "--detailed-exitcode"));
    assertEquals(2, text.exitCode(), text.toString());
    assertTrue(text.stdout().contains("deregistration_delay.timeout_seconds") && text.stdout().contains("300"), text.stdout());

    assertEquals(0, ECSL.run(moto.args("apply", region, project.toString(), "--auto-approve", "--no-wait")).exitCode());
    assertTrue(moto.aws(region, "elbv2", "describe-target-group-attributes", "--target-group-arn", targetGroupArn(region, "web"))
        .path("Attributes").toString().contains("{\"Key\":\"deregistration_delay.timeout_seconds\",\"Value\":\"300\"}"));
    String lb = moto.aws(region, "elbv2", "describe-load-balancers", "--names", "public").at("/LoadBalancers/0/LoadBalancerArn").asText();
    assertTrue(moto.aws(region, "elbv2", "describe-load-balancer-attributes", "--load-balancer-arn", lb).path("Attributes").toString()
        .contains("{\"Key\":\"idle_timeout.timeout_seconds\",\"Value\":\"60\"}"));
    Processes.Result clean = ECSL.run(moto.args("plan", region, project.toString(), "--detailed-exitcode"));
    assertEquals(0, clean.exitCode(), "after the reset the plan is clean: " + clean);
  }
}
