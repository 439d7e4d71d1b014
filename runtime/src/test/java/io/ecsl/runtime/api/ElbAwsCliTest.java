package io.ecsl.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.testing.AwsCli;
import io.ecsl.testing.NeedsAwsCli;
import io.ecsl.testing.Processes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real aws CLI (v1, botocore's Query protocol parser) against the runtime's ELBv2 API, signing
 * with the key {@code ecsl runtime env} prints: what it sends is understood, what it gets back
 * parses into the fields it documents, and errors come out under AWS's codes.
 */
@NeedsAwsCli
class ElbAwsCliTest {
  private TestRuntimes runtime;

  @BeforeEach
  void start() {
    runtime = TestRuntimes.inMemory();
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  @Test
  void theAwsCliCreatesDescribesAndDeletesLoadBalancers() throws Exception {
    Map<String, String> env = runtime.awsEnvironment();
    JsonNode lb = AwsCli.json(env, "elbv2", "create-load-balancer", "--name", "cli-alb", "--subnets", "subnet-a",
        "subnet-b", "--tags", "Key=team,Value=web");
    String lbArn = lb.at("/LoadBalancers/0/LoadBalancerArn").asText();
    assertEquals("application", lb.at("/LoadBalancers/0/Type").asText());
    assertEquals("active", lb.at("/LoadBalancers/0/State/Code").asText());
    JsonNode tg = AwsCli.json(env, "elbv2", "create-target-group", "--name", "cli-tg", "--protocol", "HTTP",
        "--port", "8080", "--target-type", "ip", "--health-check-path", "/health", "--health-check-interval-seconds",
        "5", "--health-check-timeout-seconds", "2", "--healthy-threshold-count", "2", "--matcher", "HttpCode=200-299");
    String tgArn = tg.at("/TargetGroups/0/TargetGroupArn").asText();
    assertEquals(5, tg.at("/TargetGroups/0/HealthCheckIntervalSeconds").asInt());
    assertEquals("200-299", tg.at("/TargetGroups/0/Matcher/HttpCode").asText());
    JsonNode listener = AwsCli.json(env, "elbv2", "create-listener", "--load-balancer-arn", lbArn, "--protocol",
        "HTTP", "--port", "18181", "--default-actions", "Type=forward,TargetGroupArn=" + tgArn);
    assertEquals(tgArn, listener.at("/Listeners/0/DefaultActions/0/ForwardConfig/TargetGroups/0/TargetGroupArn")
        .asText());
    AwsCli.ok(env, "elbv2", "register-targets", "--target-group-arn", tgArn, "--targets", "Id=10.0.0.7,Port=8080");
    AwsCli.ok(env, "elbv2", "modify-target-group-attributes", "--target-group-arn", tgArn, "--attributes",
        "Key=deregistration_delay.timeout_seconds,Value=10");
    JsonNode health = AwsCli.json(env, "elbv2", "describe-target-health", "--target-group-arn", tgArn);
    assertEquals("10.0.0.7", health.at("/TargetHealthDescriptions/0/Target/Id").asText());
    assertTrue(health.at("/TargetHealthDescriptions/0/TargetHealth/State").asText().matches("initial|unhealthy"),
        health.toString());
    JsonNode described = AwsCli.json(env, "elbv2", "describe-load-balancers", "--names", "cli-alb");
    assertEquals(lbArn, described.at("/LoadBalancers/0/LoadBalancerArn").asText());
    assertTrue(described.at("/LoadBalancers/0/CreatedTime").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*"),
        described.toString());
    JsonNode tags = AwsCli.json(env, "elbv2", "describe-tags", "--resource-arns", lbArn);
    assertEquals("web", tags.at("/TagDescriptions/0/Tags/0/Value").asText());

    Processes.Result missing = AwsCli.run(env, "elbv2", "describe-load-balancers", "--names", "nowhere");
    assertNotEquals(0, missing.exitCode());
    assertTrue(missing.stderr().contains("(LoadBalancerNotFound)"), missing.stderr());

    AwsCli.ok(env, "elbv2", "delete-load-balancer", "--load-balancer-arn", lbArn);
    assertEquals(0, AwsCli.json(env, "elbv2", "describe-load-balancers").at("/LoadBalancers").size());
  }

  @Test
  void aWrongSecretIsRefusedInTheQueryProtocolsWords() throws Exception {
    Map<String, String> wrong = new LinkedHashMap<>(runtime.awsEnvironment());
    wrong.put("AWS_SECRET_ACCESS_KEY", "not-the-secret");
    Processes.Result refused = AwsCli.run(wrong, "elbv2", "describe-load-balancers");
    assertNotEquals(0, refused.exitCode());
    assertTrue(refused.stderr().contains("(SignatureDoesNotMatch)"), refused.stderr());
  }
}
