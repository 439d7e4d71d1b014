package io.ecsl.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.client.RuntimeClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every ELBv2 operation the runtime serves, over signed HTTP in the Query protocol, each XML
 * response checked element by element against the ELBv2 model (the compact botocore copy the
 * compiler ships), and the errors AWS names for bad requests.
 */
class ElbApiConformanceTest {
  private static TestRuntimes runtime;
  private static RuntimeClient client;
  private static ModelShapes model;
  private final List<String> problems = new ArrayList<>();

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.inMemory();
    client = runtime.client();
    model = ModelShapes.of("elbv2");
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  private String elb(String action, String... pairs) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      parameters.put(pairs[i], pairs[i + 1]);
    }
    String xml = client.elb(action, parameters);
    problems.addAll(model.checkXml(action, xml));
    return xml;
  }

  private static String text(String xml, String element) {
    return RuntimeClient.xmlElement(xml, element);
  }

  @Test
  void everyOperationAnswersInTheModelsShape() {
    String lb = text(elb("CreateLoadBalancer", "Name", "conf-alb", "Subnets.member.1", "subnet-a",
        "Subnets.member.2", "subnet-b", "SecurityGroups.member.1", "sg-1", "Tags.member.1.Key", "team",
        "Tags.member.1.Value", "web"), "LoadBalancerArn");
    assertTrue(lb.startsWith("arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/conf-alb/"), lb);
    String tg = text(elb("CreateTargetGroup", "Name", "conf-tg", "Protocol", "HTTP", "Port", "8080",
        "TargetType", "ip", "HealthCheckPath", "/health", "HealthCheckIntervalSeconds", "5",
        "HealthCheckTimeoutSeconds", "2", "HealthyThresholdCount", "2", "Matcher.HttpCode", "200-299"),
        "TargetGroupArn");
    String tg2 = text(elb("CreateTargetGroup", "Name", "conf-tg2", "Protocol", "HTTP", "Port", "8081",
        "TargetType", "ip"), "TargetGroupArn");
    String listener = text(elb("CreateListener", "LoadBalancerArn", lb, "Protocol", "HTTP", "Port", "18080",
        "DefaultActions.member.1.Type", "forward",
        "DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn", tg,
        "DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.Weight", "3",
        "DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.TargetGroupArn", tg2,
        "DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.Weight", "1"), "ListenerArn");
    String rule = text(elb("CreateRule", "ListenerArn", listener, "Priority", "10",
        "Conditions.member.1.Field", "path-pattern", "Conditions.member.1.Values.member.1", "/api/*",
        "Actions.member.1.Type", "fixed-response", "Actions.member.1.FixedResponseConfig.StatusCode", "418",
        "Actions.member.1.FixedResponseConfig.ContentType", "text/plain",
        "Actions.member.1.FixedResponseConfig.MessageBody", "teapot"), "RuleArn");
    elb("CreateRule", "ListenerArn", listener, "Priority", "20",
        "Conditions.member.1.Field", "host-header", "Conditions.member.1.HostHeaderConfig.Values.member.1", "*.local",
        "Actions.member.1.Type", "redirect", "Actions.member.1.RedirectConfig.StatusCode", "HTTP_302",
        "Actions.member.1.RedirectConfig.Path", "/elsewhere");
    String loadBalancers = elb("DescribeLoadBalancers", "Names.member.1", "conf-alb");
    assertEquals("active", text(loadBalancers, "Code"));
    assertTrue(text(loadBalancers, "DNSName").startsWith("127.0.0.1"), loadBalancers);
    elb("DescribeLoadBalancers");
    elb("DescribeLoadBalancerAttributes", "LoadBalancerArn", lb);
    elb("ModifyLoadBalancerAttributes", "LoadBalancerArn", lb, "Attributes.member.1.Key",
        "idle_timeout.timeout_seconds", "Attributes.member.1.Value", "30");
    String groups = elb("DescribeTargetGroups", "LoadBalancerArn", lb);
    assertTrue(groups.contains("<LoadBalancerArns><member>" + lb + "</member></LoadBalancerArns>"), groups);
    elb("DescribeTargetGroups", "Names.member.1", "conf-tg");
    elb("ModifyTargetGroup", "TargetGroupArn", tg, "HealthCheckPath", "/ready");
    String attributes = elb("ModifyTargetGroupAttributes", "TargetGroupArn", tg, "Attributes.member.1.Key",
        "deregistration_delay.timeout_seconds", "Attributes.member.1.Value", "5");
    assertTrue(attributes.contains("<Key>deregistration_delay.timeout_seconds</Key><Value>5</Value>"), attributes);
    elb("DescribeTargetGroupAttributes", "TargetGroupArn", tg);
    String listeners = elb("DescribeListeners", "LoadBalancerArn", lb);
    assertTrue(listeners.contains("<Weight>3</Weight>"), listeners);
    elb("ModifyListener", "ListenerArn", listener, "Port", "18081");
    String rules = elb("DescribeRules", "ListenerArn", listener);
    assertTrue(rules.contains("<Priority>default</Priority>") && rules.contains("<IsDefault>true</IsDefault>"),
        rules);
    assertTrue(rules.contains("<PathPatternConfig><Values><member>/api/*</member></Values></PathPatternConfig>"),
        rules);
    elb("ModifyRule", "RuleArn", rule, "Conditions.member.1.Field", "path-pattern",
        "Conditions.member.1.Values.member.1", "/v2/*");
    elb("SetRulePriorities", "RulePriorities.member.1.RuleArn", rule, "RulePriorities.member.1.Priority", "5");
    elb("RegisterTargets", "TargetGroupArn", tg, "Targets.member.1.Id", "10.0.0.1", "Targets.member.2.Id",
        "10.0.0.2", "Targets.member.2.Port", "9090");
    String health = elb("DescribeTargetHealth", "TargetGroupArn", tg);
    assertTrue(health.contains("<Id>10.0.0.2</Id><Port>9090</Port>"), health);
    String unknown = elb("DescribeTargetHealth", "TargetGroupArn", tg, "Targets.member.1.Id", "10.9.9.9");
    assertEquals("Target.NotRegistered", text(unknown, "Reason"));
    elb("DeregisterTargets", "TargetGroupArn", tg, "Targets.member.1.Id", "10.0.0.1");
    elb("AddTags", "ResourceArns.member.1", tg, "Tags.member.1.Key", "env", "Tags.member.1.Value", "dev");
    String tags = elb("DescribeTags", "ResourceArns.member.1", lb, "ResourceArns.member.2", tg);
    assertTrue(tags.contains("<Key>team</Key><Value>web</Value>") && tags.contains("<Key>env</Key>"), tags);
    elb("RemoveTags", "ResourceArns.member.1", tg, "TagKeys.member.1", "env");
    elb("DeleteRule", "RuleArn", rule);
    elb("DeleteListener", "ListenerArn", listener);
    elb("DeleteTargetGroup", "TargetGroupArn", tg2);
    elb("DeleteLoadBalancer", "LoadBalancerArn", lb);
    assertEquals(List.of(), problems);
  }

  /** An NLB and a TCP target group answer AWS's own defaults, the ones a plan resets a removed attribute to. */
  @Test
  void defaultAttributesAreThoseOfTheKind() {
    String nlb = text(elb("CreateLoadBalancer", "Name", "conf-nlb", "Type", "network", "Subnets.member.1", "subnet-a"),
        "LoadBalancerArn");
    String tcp = text(elb("CreateTargetGroup", "Name", "conf-tcp", "Protocol", "TCP", "Port", "5432", "TargetType", "ip"),
        "TargetGroupArn");
    String http = text(elb("CreateTargetGroup", "Name", "conf-http", "Protocol", "HTTP", "Port", "80", "TargetType", "ip"),
        "TargetGroupArn");
    assertTrue(elb("DescribeLoadBalancerAttributes", "LoadBalancerArn", nlb)
        .contains("<Key>load_balancing.cross_zone.enabled</Key><Value>false</Value>"));
    assertTrue(elb("DescribeTargetGroupAttributes", "TargetGroupArn", tcp).contains("<Key>stickiness.type</Key><Value>source_ip</Value>"));
    assertTrue(elb("DescribeTargetGroupAttributes", "TargetGroupArn", http).contains("<Key>stickiness.type</Key><Value>lb_cookie</Value>"));
    elb("DeleteTargetGroup", "TargetGroupArn", tcp);
    elb("DeleteTargetGroup", "TargetGroupArn", http);
    elb("DeleteLoadBalancer", "LoadBalancerArn", nlb);
    assertEquals(List.of(), problems);
  }

  @Test
  void badRequestsGetTheErrorsAwsNames() {
    assertEquals("LoadBalancerNotFound", error("DescribeLoadBalancers", "Names.member.1", "nowhere"));
    assertEquals("ValidationError", error("CreateLoadBalancer", "Name", "-bad-", "Subnets.member.1", "a",
        "Subnets.member.2", "b"));
    assertEquals("ValidationError", error("CreateLoadBalancer", "Name", "one-subnet", "Subnets.member.1", "a"));
    assertEquals("ValidationError", error("CreateTargetGroup", "Name", "slow", "Protocol", "HTTP", "Port", "80",
        "HealthCheckIntervalSeconds", "5", "HealthCheckTimeoutSeconds", "6"));
    assertEquals("ValidationError", error("CreateTargetGroup", "Name", "unchecked", "Protocol", "HTTP", "Port", "80",
        "HealthCheckEnabled", "false"));
    assertEquals("TargetGroupNotFound", error("RegisterTargets", "TargetGroupArn",
        "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/none/0123456789abcdef",
        "Targets.member.1.Id", "10.0.0.1"));
    assertEquals("InvalidAction", error("DescribeSSLPolicies"));
    String lb = text(client.elb("CreateLoadBalancer", Map.of("Name", "errs", "Subnets.member.1", "a",
        "Subnets.member.2", "b")), "LoadBalancerArn");
    String tg = text(client.elb("CreateTargetGroup", Map.of("Name", "errs", "Protocol", "HTTP", "Port", "80")),
        "TargetGroupArn");
    assertEquals("DuplicateTargetGroupName", error("CreateTargetGroup", "Name", "errs", "Protocol", "HTTP", "Port",
        "81"));
    assertEquals("InvalidTarget", error("RegisterTargets", "TargetGroupArn", tg, "Targets.member.1.Id", "10.0.0.1"),
        "an instance target group takes instance ids");
    Map<String, String> forward = Map.of("LoadBalancerArn", lb, "Protocol", "HTTP", "Port", "18090",
        "DefaultActions.member.1.Type", "forward", "DefaultActions.member.1.TargetGroupArn", tg);
    String listener = text(client.elb("CreateListener", forward), "ListenerArn");
    Map<String, String> other = new LinkedHashMap<>(forward);
    other.put("Protocol", "HTTPS");
    other.put("Certificates.member.1.CertificateArn", "arn:aws:acm:us-east-1:000000000000:certificate/x");
    assertEquals("DuplicateListener", error("CreateListener", other));
    assertEquals("ResourceInUse", error("DeleteTargetGroup", "TargetGroupArn", tg));
    Map<String, String> rule = Map.of("ListenerArn", listener, "Priority", "7", "Conditions.member.1.Field",
        "path-pattern", "Conditions.member.1.Values.member.1", "/a", "Actions.member.1.Type", "forward",
        "Actions.member.1.TargetGroupArn", tg);
    client.elb("CreateRule", rule);
    assertEquals("PriorityInUse", error("CreateRule", rule));
    assertEquals("ValidationError", error("ModifyTargetGroupAttributes", "TargetGroupArn", tg,
        "Attributes.member.1.Key", "deregistration_delay.timeout_seconds", "Attributes.member.1.Value", "4000"));
    assertEquals("ValidationError", error("ModifyTargetGroupAttributes", "TargetGroupArn", tg,
        "Attributes.member.1.Key", "no.such.key", "Attributes.member.1.Value", "1"));
  }

  private static String error(String action, String... pairs) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      parameters.put(pairs[i], pairs[i + 1]);
    }
    return error(action, parameters);
  }

  private static String error(String action, Map<String, String> parameters) {
    return assertThrows(RuntimeClient.ApiError.class, () -> client.elb(action, parameters)).type();
  }
}
