package io.ecsl.emit.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.schema.Shape;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns an API request body into CloudFormation resource properties. CloudFormation's property
 * names are, almost everywhere, the API member names with a capital first letter; this class
 * walks the body along its API shape so that only structure members are renamed (map keys such
 * as {@code dockerLabels} or log driver options stay as written) and applies the few places
 * where CloudFormation differs. The table is checked against the resource schemas cfn-lint
 * ships (see {@code CfnPropertyNamesTest}): a new API member that CloudFormation lacks fails that
 * test until it is listed here.
 */
final class CfnProperties {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** {@code service:Shape.member} → the CloudFormation property, where it is not just capitalised. */
  private static final Map<String, String> RENAMED = Map.ofEntries(
      Map.entry("ecs:CreateClusterRequest.settings", "ClusterSettings"),
      Map.entry("ecs:CreateCapacityProviderRequest.cluster", "ClusterName"),
      Map.entry("ecs:CreateServiceRequest.placementStrategy", "PlacementStrategies"),
      Map.entry("ecs:Volume.efsVolumeConfiguration", "EFSVolumeConfiguration"),
      Map.entry("ecs:Volume.s3filesVolumeConfiguration", "S3FilesVolumeConfiguration"),
      Map.entry("ecs:Volume.fsxWindowsFileServerVolumeConfiguration", "FSxWindowsFileServerVolumeConfiguration"),
      Map.entry("ecs:EFSVolumeConfiguration.fileSystemId", "FilesystemId"),
      Map.entry("ecs:EFSAuthorizationConfig.iam", "IAM"),
      Map.entry("ecs:ProxyConfiguration.properties", "ProxyConfigurationProperties"),
      Map.entry("events:NetworkConfiguration.awsvpcConfiguration", "AwsVpcConfiguration"),
      Map.entry("events:EcsParameters.PlacementStrategy", "PlacementStrategies"),
      Map.entry("events:EcsParameters.Tags", "TagList"));

  /**
   * API members CloudFormation has no property for. They are left out of the template and the
   * build says so (a template that silently differs from the declaration would be worse).
   */
  private static final Set<String> UNSUPPORTED = Set.of(
      "ecs:CreateServiceRequest.monitoring",
      "ecs:RegisterDaemonTaskDefinitionRequest.pidMode",
      "ecs:RegisterDaemonTaskDefinitionRequest.ipcMode",
      "ecs:CreateExpressGatewayServiceRequest.taskDefinitionArn",
      "ecs:DeploymentCircuitBreaker.resetOnHealthyTask",
      "ecs:DeploymentCircuitBreaker.thresholdConfiguration",
      "ecs:DeploymentLifecycleHook.targetType",
      "ecs:DeploymentLifecycleHook.timeoutConfiguration",
      "application-autoscaling:RegisterScalableTargetRequest.Tags",
      "elbv2:CreateListenerInput.Tags",
      "elbv2:CreateLoadBalancerInput.CustomerOwnedIpv4Pool",
      "elbv2:CreateLoadBalancerInput.IpamPools",
      "elbv2:Certificate.IsDefault",
      "elbv2:MutualAuthenticationAttributes.TrustStoreAssociationStatus",
      "elbv2:CreateRuleInput.Tags",
      "scheduler:CreateScheduleInput.ActionAfterCompletion");

  /** Idempotency tokens: CloudFormation makes its own, so dropping them changes nothing. */
  private static final Set<String> IGNORED = Set.of(
      "ecs:CreateServiceRequest.clientToken",
      "ecs:CreateDaemonRequest.clientToken",
      "scheduler:CreateScheduleInput.ClientToken",
      "servicediscovery:CreateHttpNamespaceRequest.CreatorRequestId",
      "servicediscovery:CreatePrivateDnsNamespaceRequest.CreatorRequestId",
      "servicediscovery:CreatePublicDnsNamespaceRequest.CreatorRequestId",
      "servicediscovery:CreateServiceRequest.CreatorRequestId");

  private CfnProperties() {}

  /** The CloudFormation name of an API member, or null if CloudFormation has none. */
  static String propertyName(Shape owner, String member) {
    String key = owner.model().name() + ":" + owner.name() + "." + member;
    if (IGNORED.contains(key) || UNSUPPORTED.contains(key)) {
      return null;
    }
    String renamed = RENAMED.get(key);
    return renamed != null ? renamed : Character.toUpperCase(member.charAt(0)) + member.substring(1);
  }

  /** True when CloudFormation lacks the member and dropping it changes the result (so say so). */
  static boolean isUnsupported(Shape owner, String member) {
    return UNSUPPORTED.contains(owner.model().name() + ":" + owner.name() + "." + member);
  }

  /**
   * Converts {@code body} (of API shape {@code shape}); each API member left out is reported to
   * {@code omitted} as a dotted path of API names ({@code deploymentConfiguration.deploymentCircuitBreaker.resetOnHealthyTask}).
   */
  static JsonNode convert(JsonNode body, Shape shape, Consumer<String> omitted) {
    return convert(body, shape, "", omitted);
  }

  private static JsonNode convert(JsonNode node, Shape shape, String path, Consumer<String> omitted) {
    if (shape == null || node == null) {
      return node == null ? null : node.deepCopy();
    }
    if (shape.isStructure() && node instanceof ObjectNode obj) {
      ObjectNode out = JSON.objectNode();
      for (Map.Entry<String, JsonNode> e : List.copyOf(obj.properties())) {
        String member = e.getKey();
        String childPath = path.isEmpty() ? member : path + "." + member;
        Shape memberShape = shape.member(member);
        if (memberShape == null) {
          // Not in the API model (cannot come out of the compiler); keep it rather than lose data.
          out.set(member, e.getValue().deepCopy());
          continue;
        }
        String property = propertyName(shape, member);
        if (property == null) {
          if (isUnsupported(shape, member)) {
            omitted.accept(childPath);
          }
          continue;
        }
        out.set(property, convert(e.getValue(), memberShape, childPath, omitted));
      }
      return out;
    }
    if (shape.isList() && node instanceof ArrayNode list) {
      ArrayNode out = JSON.arrayNode();
      for (int i = 0; i < list.size(); i++) {
        out.add(convert(list.get(i), shape.element(), path + "[" + i + "]", omitted));
      }
      return out;
    }
    if (shape.isMap() && node instanceof ObjectNode map) {
      // Map keys are data (label names, driver options): never renamed.
      ObjectNode out = JSON.objectNode();
      map.properties().forEach(e -> out.set(e.getKey(),
          convert(e.getValue(), shape.value(), path + "." + e.getKey(), omitted)));
      return out;
    }
    // Scalars and documents are copied as they are.
    return node.deepCopy();
  }
}
