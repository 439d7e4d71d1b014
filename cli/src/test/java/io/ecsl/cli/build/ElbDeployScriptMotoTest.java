package io.ecsl.cli.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.elb.ResourceLabel;
import io.ecsl.testing.AwsCli;
import io.ecsl.testing.NeedsAwsCli;
import io.ecsl.testing.NeedsMoto;
import io.ecsl.testing.Processes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy.sh with Elastic Load Balancing, run twice by bash against moto_server with the real AWS
 * CLI: target groups and the load balancer are created before the listeners, which forward to the
 * target groups' ARNs, and the service gets its target group's ARN; the second run finds each
 * of them and creates nothing again.
 */
@NeedsMoto
@NeedsAwsCli
class ElbDeployScriptMotoTest {
  @TempDir static Path work;

  private static DeployScriptOnMoto moto;
  private static Map<String, String> env;
  private static Processes.Result firstRun;
  private static Processes.Result secondRun;

  @BeforeAll
  static void buildAndDeployTwice() throws Exception {
    moto = new DeployScriptOnMoto();
    env = moto.env;
    String vpc = aws("ec2", "create-vpc", "--cidr-block", "10.0.0.0/16", "--query", "Vpc.VpcId", "--output", "text").trim();
    String a = aws("ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", "10.0.1.0/24", "--availability-zone", "us-east-1a",
        "--query", "Subnet.SubnetId", "--output", "text").trim();
    String b = aws("ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", "10.0.2.0/24", "--availability-zone", "us-east-1b",
        "--query", "Subnet.SubnetId", "--output", "text").trim();
    String sg = aws("ec2", "create-security-group", "--group-name", "web", "--description", "web", "--vpc-id", vpc,
        "--query", "GroupId", "--output", "text").trim();
    String source = """
        project { name = "shop", account_id = "123456789012", region = "us-east-1" }
        cluster prod {}
        target_group web {
          protocol = HTTP; port = 8080; target_type = ip; vpc_id = "@VPC@"
          health_check { path = "/", interval = 10s, timeout = 5s }
          deregistration_delay = 15s
        }
        target_group web_green { name = "web-green", protocol = HTTP, port = 8080, target_type = ip, vpc_id = "@VPC@" }
        load_balancer public { type = application, subnets = ["@A@", "@B@"], security_groups = ["@SG@"] }
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
          network { subnets = ["@A@", "@B@"], security_groups = ["@SG@"] }
          load_balancer { target_group = web, container = app.http }
          autoscaling { min = 2, max = 4, alb_requests = 500 }
        }
        """.replace("@VPC@", vpc).replace("@A@", a).replace("@B@", b).replace("@SG@", sg);
    DeployScriptOnMoto.Runs runs = moto.buildAndDeployTwice(work, source);
    firstRun = runs.first();
    secondRun = runs.second();
  }

  @AfterAll
  static void stopMoto() {
    if (moto != null) {
      moto.close();
    }
  }

  private static String aws(String... args) throws Exception {
    return AwsCli.ok(env, args);
  }

  private static String targetGroupArn(String name) throws Exception {
    return AwsCli.json(env, "elbv2", "describe-target-groups", "--names", name).at("/TargetGroups/0/TargetGroupArn").asText();
  }

  @Test
  void theListenerForwardsToTheTargetGroupsItNames() throws Exception {
    assertEquals(0, firstRun.exitCode(), firstRun.stdout() + firstRun.stderr());
    String lb = AwsCli.json(env, "elbv2", "describe-load-balancers", "--names", "public").at("/LoadBalancers/0/LoadBalancerArn").asText();
    JsonNode listeners = AwsCli.json(env, "elbv2", "describe-listeners", "--load-balancer-arn", lb).path("Listeners");
    assertEquals(1, listeners.size(), listeners.toString());
    assertEquals(80, listeners.at("/0/Port").asInt());
    JsonNode groups = listeners.at("/0/DefaultActions/0/ForwardConfig/TargetGroups");
    assertEquals(targetGroupArn("web"), groups.at("/0/TargetGroupArn").asText(), groups.toString());
    assertEquals(targetGroupArn("web-green"), groups.at("/1/TargetGroupArn").asText(), groups.toString());
    assertEquals(90, groups.at("/0/Weight").asInt());
    JsonNode rules = AwsCli.json(env, "elbv2", "describe-rules", "--listener-arn", listeners.at("/0/ListenerArn").asText())
        .path("Rules");
    JsonNode api = null;
    for (JsonNode r : rules) {
      api = r.path("Priority").asText().equals("10") ? r : api;
    }
    assertTrue(api != null, rules.toString());
    assertEquals("/api/*", api.at("/Conditions/0/PathPatternConfig/Values/0").asText(api.at("/Conditions/0/Values/0").asText()),
        api.toString());
    assertEquals(targetGroupArn("web-green"), api.at("/Actions/0/TargetGroupArn").asText(), api.toString());
  }

  @Test
  void theServiceIsRegisteredWithItsTargetGroupsArn() throws Exception {
    JsonNode service = AwsCli.json(env, "ecs", "describe-services", "--cluster", "prod", "--services", "web").at("/services/0");
    assertEquals(targetGroupArn("web"), service.at("/loadBalancers/0/targetGroupArn").asText(), service.toString());
    assertEquals(8080, service.at("/loadBalancers/0/containerPort").asInt());
    JsonNode attributes = AwsCli.json(env, "elbv2", "describe-target-group-attributes", "--target-group-arn",
        targetGroupArn("web")).path("Attributes");
    assertTrue(attributes.toString().contains("{\"Key\":\"deregistration_delay.timeout_seconds\",\"Value\":\"15\"}"),
        attributes.toString());
  }

  @Test
  void albRequestScalingGetsTheResourceLabelOfTheCreatedLoadBalancerAndTargetGroup() throws Exception {
    String lb = AwsCli.json(env, "elbv2", "describe-load-balancers", "--names", "public").at("/LoadBalancers/0/LoadBalancerArn").asText();
    JsonNode policies = AwsCli.json(env, "application-autoscaling", "describe-scaling-policies", "--service-namespace", "ecs");
    JsonNode metric = policies.at("/ScalingPolicies/0/TargetTrackingScalingPolicyConfiguration/PredefinedMetricSpecification");
    assertEquals(1, policies.path("ScalingPolicies").size(), policies.toString());
    assertEquals(ResourceLabel.of(lb, targetGroupArn("web")), metric.path("ResourceLabel").asText(), policies.toString());
  }

  @Test
  void theSecondRunFindsEachResourceAndCreatesNothingAgain() throws Exception {
    assertEquals(0, secondRun.exitCode(), secondRun.stdout() + secondRun.stderr());
    for (String step : List.of("target group web", "target group web-green", "load balancer public", "listener public:80",
        "listener rule public:80:10")) {
      int at = secondRun.stdout().indexOf(step);
      assertTrue(at >= 0 && secondRun.stdout().indexOf("exists: left as it is", at) > at, step + ":\n" + secondRun.stdout());
    }
    assertEquals(2, AwsCli.json(env, "elbv2", "describe-target-groups").path("TargetGroups").size());
    assertEquals(1, AwsCli.json(env, "elbv2", "describe-load-balancers").path("LoadBalancers").size());
  }
}
