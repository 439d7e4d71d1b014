package io.ecsl.emit.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.emit.Json;
import io.ecsl.emit.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Elastic Load Balancing in the template: each declaration its AWS::ElasticLoadBalancingV2 type,
 * ARNs as Refs (a Ref of a target group, load balancer or listener is its ARN), and a service
 * waiting for the listeners that forward to its target group. (CfnLintTest lints the valid E19xx
 * rule cases, which are ELB projects.)
 */
class ElbCloudFormationTest {
  @TempDir static Path dir;
  private static CloudFormation.Template template;
  private static JsonNode resources;

  @BeforeAll
  static void build() throws Exception {
    String source = Files.readString(Path.of("src/test/resources/golden/build/elb/input/main.ecs"));
    template = CloudFormation.of(TestProjects.compile(dir.resolve("elb"), source));
    resources = template.json().path("Resources");
  }

  private static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text);
  }

  @Test
  void attributesAreAPropertyOfTheirResource() throws Exception {
    // attributes, the second request of the resource, are a property of it in CloudFormation
    assertEquals(json("{\"Key\":\"deregistration_delay.timeout_seconds\",\"Value\":\"30\"}"),
        json(resources.at("/TargetGroupWeb/Properties/TargetGroupAttributes/0").toString()));
    assertEquals(json("{\"Key\":\"idle_timeout.timeout_seconds\",\"Value\":\"120\"}"),
        json(resources.at("/LoadBalancerPublic/Properties/LoadBalancerAttributes/0").toString()));
  }

  @Test
  void eachDeclarationIsItsResourceType() {
    assertEquals("AWS::ElasticLoadBalancingV2::TargetGroup", resources.at("/TargetGroupWeb/Type").asText());
    assertEquals("AWS::ElasticLoadBalancingV2::LoadBalancer", resources.at("/LoadBalancerPublic/Type").asText());
    assertEquals("AWS::ElasticLoadBalancingV2::Listener", resources.at("/ListenerPublic80/Type").asText(), resources.toString());
    assertEquals("/", resources.at("/TargetGroupWeb/Properties/HealthCheckPath").asText());
    assertEquals(15, resources.at("/TargetGroupWeb/Properties/HealthCheckIntervalSeconds").asInt());
  }

  @Test
  void arnsAreRefs() throws Exception {
    JsonNode listener = resources.at("/ListenerPublic80/Properties");
    assertEquals(json("{\"Ref\":\"LoadBalancerPublic\"}"), json(listener.path("LoadBalancerArn").toString()));
    assertEquals(json("{\"Ref\":\"TargetGroupWebGreen\"}"),
        json(listener.at("/DefaultActions/0/ForwardConfig/TargetGroups/1/TargetGroupArn").toString()));
    assertEquals(json("{\"Ref\":\"TargetGroupWeb\"}"),
        json(resources.at("/ServiceProdWeb/Properties/LoadBalancers/0/TargetGroupArn").toString()));
    assertFalse(template.json().toString().contains("${"), "no placeholder is left in the template");
  }

  @Test
  void aDerivedResourceLabelJoinsTheFullNamesOfTheLoadBalancerAndTargetGroup() throws Exception {
    JsonNode metric = resources.at("/ScalingPolicyProdWebAlbRequests/Properties/TargetTrackingScalingPolicyConfiguration"
        + "/PredefinedMetricSpecification");
    assertEquals(json("""
        {"PredefinedMetricType": "ALBRequestCountPerTarget", "ResourceLabel": {"Fn::Join": ["/", [
          {"Fn::GetAtt": ["LoadBalancerPublic", "LoadBalancerFullName"]},
          {"Fn::GetAtt": ["TargetGroupWeb", "TargetGroupFullName"]}]]}}"""), json(metric.toString()), resources.toString());
  }

  @Test
  void theServiceWaitsForTheListenersOfItsTargetGroup() {
    JsonNode dependsOn = resources.at("/ServiceProdWeb/DependsOn");
    assertTrue(dependsOn.toString().contains("ListenerPublic80") && dependsOn.toString().contains("ListenerPublic8081"),
        dependsOn.toString());
  }
}
