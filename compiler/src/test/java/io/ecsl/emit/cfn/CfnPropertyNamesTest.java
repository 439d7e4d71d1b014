package io.ecsl.emit.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.emit.Json;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import io.ecsl.testing.NeedsCfnLint;
import io.ecsl.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@link CfnProperties} against the CloudFormation resource schemas that cfn-lint ships:
 * every member of every API request the template is built from, at any depth, must either map to
 * a property the schema has, or be listed as unsupported — and an "unsupported" member that
 * CloudFormation has since gained fails too. When the AWS models are updated, this names every
 * member that needs an entry.
 */
@NeedsCfnLint
class CfnPropertyNamesTest {
  private static Path schemas;

  @BeforeAll
  static void findSchemas() throws Exception {
    Processes.Result where = Processes.run(List.of("python3", "-c", "import cfnlint,os;print(os.path.dirname(cfnlint.__file__))"), Map.of(), 60);
    assertEquals(0, where.exitCode(), "cfn-lint's Python package is needed: " + where.stdout() + where.stderr());
    schemas = Path.of(where.stdout().trim(), "data", "schemas");
    assertTrue(Files.isDirectory(schemas), schemas + " is missing");
  }

  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of("ecs", "CreateCapacityProviderRequest", "AWS::ECS::CapacityProvider", null),
        Arguments.of("ecs", "CreateClusterRequest", "AWS::ECS::Cluster", null),
        Arguments.of("ecs", "CapacityProviderStrategyItem", "AWS::ECS::ClusterCapacityProviderAssociations", "CapacityProviderStrategy"),
        Arguments.of("ecs", "RegisterTaskDefinitionRequest", "AWS::ECS::TaskDefinition", null),
        Arguments.of("ecs", "CreateServiceRequest", "AWS::ECS::Service", null),
        Arguments.of("ecs", "CreateExpressGatewayServiceRequest", "AWS::ECS::ExpressGatewayService", null),
        Arguments.of("ecs", "RegisterDaemonTaskDefinitionRequest", "AWS::ECS::DaemonTaskDefinition", null),
        Arguments.of("ecs", "CreateDaemonRequest", "AWS::ECS::Daemon", null),
        Arguments.of("application-autoscaling", "RegisterScalableTargetRequest", "AWS::ApplicationAutoScaling::ScalableTarget", null),
        Arguments.of("application-autoscaling", "PutScalingPolicyRequest", "AWS::ApplicationAutoScaling::ScalingPolicy", null),
        Arguments.of("events", "PutRuleRequest", "AWS::Events::Rule", null),
        Arguments.of("events", "Target", "AWS::Events::Rule", "Target"),
        Arguments.of("scheduler", "CreateScheduleInput", "AWS::Scheduler::Schedule", null),
        Arguments.of("servicediscovery", "CreateHttpNamespaceRequest", "AWS::ServiceDiscovery::HttpNamespace", null),
        Arguments.of("servicediscovery", "CreatePrivateDnsNamespaceRequest", "AWS::ServiceDiscovery::PrivateDnsNamespace", null),
        Arguments.of("servicediscovery", "CreatePublicDnsNamespaceRequest", "AWS::ServiceDiscovery::PublicDnsNamespace", null),
        Arguments.of("elbv2", "CreateTargetGroupInput", "AWS::ElasticLoadBalancingV2::TargetGroup", null),
        Arguments.of("elbv2", "CreateLoadBalancerInput", "AWS::ElasticLoadBalancingV2::LoadBalancer", null),
        Arguments.of("elbv2", "CreateListenerInput", "AWS::ElasticLoadBalancingV2::Listener", null),
        Arguments.of("elbv2", "CreateRuleInput", "AWS::ElasticLoadBalancingV2::ListenerRule", null));
  }

  @ParameterizedTest(name = "{0} {1} → {2}")
  @MethodSource("pairs")
  void everyApiMemberHasItsCloudFormationProperty(String service, String shapeName, String type, String definition)
      throws IOException {
    JsonNode schema = Json.mapper().readTree(schemaFile(type).toFile());
    JsonNode root = definition == null ? schema : schema.path("definitions").path(definition);
    Shape shape = ServiceModel.get(service).shape(shapeName);
    List<String> problems = new ArrayList<>();
    walk(schema, shape, root, type, problems, 0);
    assertTrue(problems.isEmpty(), "CfnProperties disagrees with the CloudFormation schema of " + type
        + " (add a rename or an unsupported entry in CfnProperties):\n  " + String.join("\n  ", problems));
  }

  @Test
  void theCheckNoticesAWrongName() throws IOException {
    // The walker itself must see a property CloudFormation lacks: `Properties` is the API name,
    // CloudFormation's is `ProxyConfigurationProperties`.
    JsonNode schema = Json.mapper().readTree(schemaFile("AWS::ECS::TaskDefinition").toFile());
    JsonNode proxy = resolve(schema, schema.path("properties").path("ProxyConfiguration"));
    assertTrue(proxy.path("properties").has("ProxyConfigurationProperties"));
    assertTrue(!proxy.path("properties").has("Properties"));
    Shape owner = ServiceModel.get("ecs").shape("ProxyConfiguration");
    assertEquals("ProxyConfigurationProperties", CfnProperties.propertyName(owner, "properties"));
  }

  private static void walk(JsonNode schema, Shape shape, JsonNode node, String path, List<String> problems, int depth) {
    node = resolve(schema, node);
    if (depth > 25 || shape == null) {
      return;
    }
    if (shape.isStructure()) {
      JsonNode props = node.path("properties");
      if (!props.isObject()) {
        if (!shape.members().isEmpty() && !types(node).contains("object")) {
          problems.add(path + ": the API has a structure (" + shape.name() + "), CloudFormation " + types(node));
        }
        return;
      }
      for (String member : shape.members().keySet()) {
        String name = CfnProperties.propertyName(shape, member);
        String pascal = Character.toUpperCase(member.charAt(0)) + member.substring(1);
        if (name == null) {
          if (props.has(pascal)) {
            problems.add(path + "." + pascal + ": listed as unsupported (" + shape.name() + "." + member
                + ") but CloudFormation has it now");
          }
          continue;
        }
        if (!props.has(name)) {
          problems.add(path + "." + name + ": no such property (API " + shape.name() + "." + member + ")");
          continue;
        }
        walk(schema, shape.member(member), props.get(name), path + "." + name, problems, depth + 1);
      }
    } else if (shape.isList()) {
      if (!types(node).contains("array")) {
        problems.add(path + ": the API has a list, CloudFormation " + types(node));
        return;
      }
      walk(schema, shape.element(), node.path("items"), path + "[]", problems, depth + 1);
    } else if (shape.isMap() && !types(node).contains("object")) {
      problems.add(path + ": the API has a map, CloudFormation " + types(node));
    }
  }

  private static JsonNode resolve(JsonNode schema, JsonNode node) {
    for (int i = 0; i < 10 && node.has("$ref"); i++) {
      String ref = node.get("$ref").asText();
      node = schema.at(ref.substring(1));
    }
    return node;
  }

  private static List<String> types(JsonNode node) {
    List<String> out = new ArrayList<>();
    JsonNode t = node.path("type");
    if (t.isArray()) {
      t.forEach(x -> out.add(x.asText()));
    } else if (t.isTextual()) {
      out.add(t.asText());
    } else if (node.has("properties") || node.has("patternProperties")) {
      out.add("object");
    }
    return out;
  }

  /**
   * The schema file of a resource type. cfn-lint has kept them in two layouts: one file per type
   * under {@code providers/us_east_1/}, or content-addressed files under {@code resources/} with
   * the index in {@code providers/us_east_1.py}.
   */
  private static Path schemaFile(String type) throws IOException {
    Path direct = schemas.resolve("providers/us_east_1").resolve(type.toLowerCase().replace("::", "-") + ".json");
    if (Files.isRegularFile(direct)) {
      return direct;
    }
    String index = Files.readString(schemas.resolve("providers/us_east_1.py"));
    Matcher m = Pattern.compile("\"" + Pattern.quote(type) + "\":\\s*\"([0-9a-f]+)\"").matcher(index);
    assertTrue(m.find(), type + " is not in cfn-lint's schema index");
    return schemas.resolve("resources").resolve(m.group(1) + ".json");
  }
}
