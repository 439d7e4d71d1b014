package io.ecsl.emit.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.emit.Json;
import io.ecsl.emit.TestProjects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the template says, resource by resource, for the project that has one of everything. */
class CloudFormationTest {
  @TempDir static Path dir;
  private static CloudFormation.Template template;
  private static JsonNode resources;

  @BeforeAll
  static void build() {
    template = CloudFormation.of(TestProjects.compile(dir.resolve("everything"), TestProjects.EVERYTHING));
    resources = template.json().path("Resources");
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Compares as JSON text would: 1 is 1 whether it was built as an int or a long. */
  private static void assertJson(JsonNode expected, JsonNode actual) {
    assertEquals(expected, json(actual.toString()));
  }

  @Test
  void everyKindBecomesItsResourceType() {
    assertEquals("2010-09-09", template.json().path("AWSTemplateFormatVersion").asText());
    assertEquals("AWS::ServiceDiscovery::HttpNamespace", resources.at("/NamespaceLocal/Type").asText());
    assertEquals("AWS::ServiceDiscovery::PrivateDnsNamespace", resources.at("/NamespaceInternal/Type").asText());
    assertEquals("AWS::ServiceDiscovery::PublicDnsNamespace", resources.at("/NamespaceExampleCom/Type").asText());
    assertEquals("AWS::ECS::CapacityProvider", resources.at("/CapacityProviderEc2Fleet/Type").asText());
    assertEquals("AWS::ECS::Cluster", resources.at("/ClusterProd/Type").asText());
    assertEquals("AWS::ECS::ClusterCapacityProviderAssociations", resources.at("/ClusterProdCapacityProviders/Type").asText());
    assertEquals("AWS::ECS::TaskDefinition", resources.at("/TaskDefinitionWeb/Type").asText());
    assertEquals("AWS::ECS::Service", resources.at("/ServiceProdWeb/Type").asText());
    assertEquals("AWS::ApplicationAutoScaling::ScalableTarget", resources.at("/ScalableTargetProdWeb/Type").asText());
    assertEquals("AWS::ApplicationAutoScaling::ScalingPolicy", resources.at("/ScalingPolicyProdWebCpu/Type").asText());
    assertEquals("AWS::ApplicationAutoScaling::ScalingPolicy", resources.at("/ScalingPolicyProdWebStepOut/Type").asText());
    assertEquals("AWS::Events::Rule", resources.at("/ScheduleNightly/Type").asText());
    // A cluster without capacity providers gets no association.
    assertFalse(resources.has("ClusterEdgeCapacityProviders"));
  }

  @Test
  void capacityProvidersAreAttachedByTheAssociationResource() {
    JsonNode cluster = resources.at("/ClusterProd/Properties");
    assertFalse(cluster.has("CapacityProviders"));
    assertFalse(cluster.has("DefaultCapacityProviderStrategy"));
    assertJson(json("""
        {"Cluster": {"Ref": "ClusterProd"},
         "CapacityProviders": ["FARGATE", "FARGATE_SPOT", {"Ref": "CapacityProviderEc2Fleet"}],
         "DefaultCapacityProviderStrategy": [{"CapacityProvider": "FARGATE", "Weight": 1, "Base": 1},
                                             {"CapacityProvider": "FARGATE_SPOT", "Weight": 3}]}"""),
        resources.at("/ClusterProdCapacityProviders/Properties"));
    assertJson(json("[{\"Name\": \"containerInsights\", \"Value\": \"enabled\"}]"), cluster.path("ClusterSettings"));
    assertJson(json("{\"Fn::GetAtt\": [\"NamespaceLocal\", \"Arn\"]}"), cluster.at("/ServiceConnectDefaults/Namespace"));
  }

  @Test
  void servicesReferToWhatTheyNeedSoCloudFormationCreatesItFirst() {
    JsonNode web = resources.path("ServiceProdWeb");
    assertJson(json("{\"Ref\": \"ClusterProd\"}"), web.at("/Properties/Cluster"));
    assertJson(json("{\"Ref\": \"TaskDefinitionWeb\"}"), web.at("/Properties/TaskDefinition"));
    assertJson(json("{\"Fn::GetAtt\": [\"NamespaceLocal\", \"Arn\"]}"), web.at("/Properties/ServiceConnectConfiguration/Namespace"));
    assertEquals("ClusterProdCapacityProviders", web.path("DependsOn").asText());
    JsonNode worker = resources.at("/ServiceProdEc2Worker/Properties");
    assertJson(json("[{\"CapacityProvider\": {\"Ref\": \"CapacityProviderEc2Fleet\"}, \"Weight\": 1}]"),
        worker.path("CapacityProviderStrategy"));
    assertJson(json("[{\"Type\": \"spread\", \"Field\": \"attribute:ecs.availability-zone\"}]"), worker.path("PlacementStrategies"));
    assertEquals("subnet-0123456789abcdef0", worker.at("/NetworkConfiguration/AwsvpcConfiguration/Subnets/0").asText());
  }

  @Test
  void aDesiredCountUnderAutoscalingIsLeftToAutoscaling() {
    assertFalse(resources.at("/ServiceProdWeb/Properties").has("DesiredCount"));
    assertEquals(1, resources.at("/ServiceProdEc2Worker/Properties/DesiredCount").asInt());
    assertJson(json("[\"/desiredCount\"]"), template.json().at("/Metadata/ecsl/ownedElsewhere/ServiceProdWeb"));
  }

  @Test
  void scalingIsTiedToTheServiceItScales() {
    JsonNode target = resources.at("/ScalableTargetProdWeb/Properties");
    assertJson(json("""
        {"Fn::Join": ["/", ["service", {"Ref": "ClusterProd"}, {"Fn::GetAtt": ["ServiceProdWeb", "Name"]}]]}"""),
        target.path("ResourceId"));
    assertEquals("ecs", target.path("ServiceNamespace").asText());
    assertEquals("ecs:service:DesiredCount", target.path("ScalableDimension").asText());
    assertEquals(2, target.path("MinCapacity").asInt());
    assertEquals(20, target.path("MaxCapacity").asInt());
    assertFalse(target.has("Tags"), "AWS::ApplicationAutoScaling::ScalableTarget has no Tags");
    JsonNode cpu = resources.at("/ScalingPolicyProdWebCpu/Properties");
    assertJson(json("{\"Ref\": \"ScalableTargetProdWeb\"}"), cpu.path("ScalingTargetId"));
    for (String triple : List.of("ResourceId", "ServiceNamespace", "ScalableDimension")) {
      assertFalse(cpu.has(triple), "a policy takes ScalingTargetId or " + triple + ", not both");
    }
    assertEquals(60.0, cpu.at("/TargetTrackingScalingPolicyConfiguration/TargetValue").asDouble());
    assertEquals("ECSServiceAverageCPUUtilization",
        cpu.at("/TargetTrackingScalingPolicyConfiguration/PredefinedMetricSpecification/PredefinedMetricType").asText());
    JsonNode step = resources.at("/ScalingPolicyProdWebStepOut/Properties");
    assertEquals("StepScaling", step.path("PolicyType").asText());
    assertEquals(2, step.at("/StepScalingPolicyConfiguration/StepAdjustments/0/ScalingAdjustment").asInt());
  }

  @Test
  void theScheduleTargetsTheClusterAndTaskDefinitionOfTheTemplate() {
    JsonNode rule = resources.at("/ScheduleNightly/Properties");
    assertEquals("cron(0 3 * * ? *)", rule.path("ScheduleExpression").asText());
    JsonNode target = rule.at("/Targets/0");
    assertJson(json("{\"Fn::GetAtt\": [\"ClusterProd\", \"Arn\"]}"), target.path("Arn"));
    assertJson(json("{\"Ref\": \"TaskDefinitionBatch\"}"), target.at("/EcsParameters/TaskDefinitionArn"));
    // EventBridge spells it AwsVpcConfiguration where ECS services say AwsvpcConfiguration.
    assertEquals("DISABLED", target.at("/EcsParameters/NetworkConfiguration/AwsVpcConfiguration/AssignPublicIp").asText());
    assertEquals("arn:aws:iam::123456789012:role/ecsEventsRole", target.path("RoleArn").asText());
    assertJson(json("{\"containerOverrides\":[{\"name\":\"job\",\"command\":[\"echo\",\"nightly\"]}]}"),
        json(target.path("Input").asText()));
  }

  @Test
  void cloudFormationNamesAreUsedWhereTheyDifferAndMapKeysAreLeftAlone() {
    JsonNode td = resources.at("/TaskDefinitionWeb/Properties");
    assertJson(json("""
        {"Type": "APPMESH", "ContainerName": "envoy",
         "ProxyConfigurationProperties": [{"Name": "IgnoredUID", "Value": "1337"}, {"Name": "ProxyIngressPort", "Value": "15000"}]}"""),
        td.path("ProxyConfiguration"));
    JsonNode efs = td.at("/Volumes/0/EFSVolumeConfiguration");
    assertEquals("fs-0123456789abcdef0", efs.path("FilesystemId").asText());
    assertEquals("ENABLED", efs.at("/AuthorizationConfig/IAM").asText());
    assertJson(json("{\"com.example.team\": \"web\"}"), td.at("/ContainerDefinitions/0/DockerLabels"));
    assertJson(json("[{\"Key\": \"team\", \"Value\": \"platform\"}]"), td.path("Tags"));
  }

  @Test
  void accountSettingsAreNamedInTheDescriptionAndTheNotes() {
    String description = template.json().path("Description").asText();
    assertTrue(description.contains("containerInsights=enabled"), description);
    assertTrue(description.contains("CloudFormation has no resource for ECS account settings"), description);
    assertTrue(template.notes().stream().anyMatch(n -> n.contains("account settings") && n.contains("containerInsights=enabled")),
        String.join("\n", template.notes()));
    for (JsonNode r : resources) {
      assertFalse(r.path("Type").asText().contains("AccountSetting"));
    }
  }

  @Test
  void fieldsCloudFormationLacksAreLeftOutAndReported(@TempDir Path tmp) {
    CloudFormation.Template t = CloudFormation.of(TestProjects.compile(tmp, """
        task web { container app { image = "nginx:1.27", memory = 128 } }
        service web in "shared" {
          task = web; desired = 1
          deployment_configuration { deployment_circuit_breaker { enable = true, rollback = true, reset_on_healthy_task = true } }
        }
        """));
    JsonNode breaker = t.json().at("/Resources/ServiceSharedWeb/Properties/DeploymentConfiguration/DeploymentCircuitBreaker");
    assertJson(json("{\"Enable\": true, \"Rollback\": true}"), breaker);
    assertEquals(List.of("cloudformation.json: service shared/web: CloudFormation has no property for "
        + "`deploymentConfiguration.deploymentCircuitBreaker.resetOnHealthyTask`; it is left out of the template"
        + " (deploy.sh and the JSON files keep it)"), t.notes());
    // A cluster not declared here stays a name; no DependsOn on anything.
    assertEquals("shared", t.json().at("/Resources/ServiceSharedWeb/Properties/Cluster").asText());
    assertTrue(t.json().at("/Resources/ServiceSharedWeb/DependsOn").isMissingNode());
    assertTrue(t.json().path("Description").asText().startsWith("ECS resources of ecsl project"));
  }

  @Test
  void aPinnedRevisionOfAFamilyDeclaredHereWaitsForIt(@TempDir Path tmp) {
    JsonNode r = CloudFormation.of(TestProjects.compile(tmp, """
        task web { container app { image = "nginx:1.27", memory = 128 } }
        service web in "shared" { task = "web:3", desired = 1 }
        """)).json().at("/Resources/ServiceSharedWeb");
    assertEquals("web:3", r.at("/Properties/TaskDefinition").asText());
    assertEquals("TaskDefinitionWeb", r.path("DependsOn").asText());
  }

  @Test
  void aProjectWithOnlyAccountSettingsStillGivesATemplateCloudFormationAccepts(@TempDir Path tmp) {
    CloudFormation.Template t = CloudFormation.of(TestProjects.compile(tmp, """
        account_settings { awsvpc_trunking = enabled }
        """));
    assertJson(json("{\"NothingDeclared\": {\"Type\": \"AWS::CloudFormation::WaitConditionHandle\"}}"), t.json().path("Resources"));
    assertTrue(t.json().path("Description").asText().contains("awsvpcTrunking=enabled"));
    assertEquals(1, t.notes().size());
  }

  @Test
  void logicalIdsAreAlphanumericAndUnique() {
    LogicalIds ids = new LogicalIds();
    String a = ids.allocate("Service", "prod", "web-api");
    String b = ids.allocate("Service", "prod", "web_api");
    String c = ids.allocate("Service", "prod", "Web.Api");
    assertEquals("ServiceProdWebApi", a);
    assertEquals("ServiceProdWebApi2", b);
    assertEquals("ServiceProdWebApi3", c);
    List<String> all = new ArrayList<>();
    resources.fieldNames().forEachRemaining(all::add);
    for (String id : all) {
      assertTrue(id.matches("[A-Za-z0-9]+"), id);
    }
    assertNotEquals(0, all.size());
  }
}
