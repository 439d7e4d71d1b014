package io.ecsl.emit.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.emit.Json;
import io.ecsl.emit.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cloud Map discovery services in the template: each an AWS::ServiceDiscovery::Service whose
 * NamespaceId is its namespace's Ref (a namespace's Ref is its id), and an ECS service's registry
 * the discovery service's Arn attribute (its Ref is its id, which ECS does not take). CfnLintTest
 * lints the golden case.
 */
class DiscoveryServiceCloudFormationTest {
  @TempDir static Path dir;
  private static JsonNode resources;

  @BeforeAll
  static void build() throws Exception {
    String source = Files.readString(Path.of("src/test/resources/golden/build/cloud-map/input/main.ecs"));
    resources = CloudFormation.of(TestProjects.compile(dir.resolve("cloud-map"), source)).json().path("Resources");
  }

  private static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text);
  }

  @Test
  void aDiscoveryServiceIsItsResourceTypeInItsNamespace() throws Exception {
    assertEquals("AWS::ServiceDiscovery::Service", resources.at("/DiscoveryServiceApi/Type").asText(), resources.toString());
    JsonNode api = resources.at("/DiscoveryServiceApi/Properties");
    assertEquals(json("{\"Ref\":\"NamespaceShopLocal\"}"), json(api.path("NamespaceId").toString()));
    assertEquals(json("{\"RoutingPolicy\":\"MULTIVALUE\",\"DnsRecords\":[{\"Type\":\"A\",\"TTL\":10}]}"),
        json(api.path("DnsConfig").toString()));
    assertEquals(json("{}"), json(api.path("HealthCheckCustomConfig").toString()));
    // A namespace managed elsewhere stays its id.
    assertEquals("ns-0123456789abcdef", resources.at("/DiscoveryServiceLegacy/Properties/NamespaceId").asText());
    assertEquals(json("{\"Type\":\"HTTP\",\"ResourcePath\":\"/health\",\"FailureThreshold\":3}"),
        json(resources.at("/DiscoveryServiceWww/Properties/HealthCheckConfig").toString()));
  }

  @Test
  void anEcsServiceRegistersInItsArn() throws Exception {
    assertEquals(json("{\"Fn::GetAtt\":[\"DiscoveryServiceApi\",\"Arn\"]}"),
        json(resources.at("/ServiceShopApi/Properties/ServiceRegistries/0/RegistryArn").toString()));
    JsonNode jobs = resources.at("/ServiceShopJobs/Properties/ServiceRegistries/0");
    assertEquals(json("{\"Fn::GetAtt\":[\"DiscoveryServiceJobs\",\"Arn\"]}"), json(jobs.path("RegistryArn").toString()));
    assertEquals("runner", jobs.path("ContainerName").asText());
    assertFalse(resources.toString().contains("${"), "no placeholder is left in the template");
  }
}
