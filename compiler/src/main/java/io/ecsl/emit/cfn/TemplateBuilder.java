package io.ecsl.emit.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.ArnPlaceholder;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the template of one model: allocates a logical id for every resource first (so any
 * resource can refer to any other), then writes each resource in the model's dependency order.
 */
final class TemplateBuilder {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** CloudFormation's limit for the template description. */
  private static final int MAX_DESCRIPTION = 1024;

  private final EcsModel model;
  private final LogicalIds ids = new LogicalIds();
  /** Identity: two resources may be equal as values (never in practice, but ids must not merge). */
  private final Map<Resource, String> idOf = new IdentityHashMap<>();
  private final Map<String, String> clusterIds = new HashMap<>();
  private final Map<String, String> associationIds = new HashMap<>();
  private final Map<String, String> providerIds = new HashMap<>();
  private final Map<String, String> familyIds = new HashMap<>();
  private final Map<String, String> namespaceIds = new HashMap<>();
  private final Map<String, String> serviceIds = new HashMap<>();
  /** {@code ${target-group:web}} → the logical id whose Ref is that ARN (target groups, load balancers, listeners). */
  private final Map<String, String> arnIds = new HashMap<>();
  /**
   * {@code ${discovery-service:api}} → the logical id whose {@code Arn} attribute is that ARN: the Ref
   * of an AWS::ServiceDiscovery::Service is its id, and an ECS service's registry takes the ARN.
   */
  private final Map<String, String> arnAttributeIds = new HashMap<>();
  /** A target group's placeholder → the listeners forwarding to it (ECS needs the group attached first). */
  private final Map<String, List<String>> listenersOf = new HashMap<>();
  private final ObjectNode resources = JSON.objectNode();
  private final List<String> notes = new ArrayList<>();
  private final List<String> omitted = new ArrayList<>();
  private final ObjectNode ownedElsewhere = JSON.objectNode();

  TemplateBuilder(EcsModel model) {
    this.model = model;
  }

  CloudFormation.Template build() {
    allocateIds();
    List<String> accountSettings = new ArrayList<>();
    for (Resource r : model.resources()) {
      switch (r.kind()) {
        case ACCOUNT_SETTING -> accountSettings.add(r.name() + "=" + r.primary().body().path("value").asText()
            + (r.primary().body().has("principalArn") ? " (for " + r.primary().body().path("principalArn").asText() + ")" : ""));
        case NAMESPACE -> namespace(r);
        case DISCOVERY_SERVICE -> put(idOf.get(r), "AWS::ServiceDiscovery::Service", withArns(properties(r, r.primary())),
            List.of());
        case CAPACITY_PROVIDER -> capacityProvider(r);
        case CLUSTER -> cluster(r);
        case TASK_DEFINITION -> put(idOf.get(r), "AWS::ECS::TaskDefinition", properties(r, r.primary()), List.of());
        case SERVICE -> service(r);
        case SCALING -> scaling(r);
        case SCHEDULE -> schedule(r);
        case TARGET_GROUP -> put(idOf.get(r), "AWS::ElasticLoadBalancingV2::TargetGroup",
            withAttributes(r, withArns(properties(r, r.primary())), "TargetGroupAttributes"), List.of());
        case LOAD_BALANCER -> put(idOf.get(r), "AWS::ElasticLoadBalancingV2::LoadBalancer",
            withAttributes(r, withArns(properties(r, r.primary())), "LoadBalancerAttributes"), List.of());
        // A listener's or rule's actions that ECS re-weights (owned elsewhere) stay in the template: the
        // property is required, and CloudFormation sets it only when the template's value changes.
        case LISTENER -> put(idOf.get(r), "AWS::ElasticLoadBalancingV2::Listener", withArns(convert(r, r.primary(),
            r.primary().body())), List.of());
        case LISTENER_RULE -> put(idOf.get(r), "AWS::ElasticLoadBalancingV2::ListenerRule", withArns(convert(r, r.primary(),
            r.primary().body())), List.of());
        case EXPRESS_SERVICE -> expressService(r);
        case DAEMON_TASK_DEFINITION -> put(idOf.get(r), "AWS::ECS::DaemonTaskDefinition", properties(r, r.primary()), List.of());
        case DAEMON -> daemon(r);
      }
    }
    ObjectNode template = JSON.objectNode();
    template.put("AWSTemplateFormatVersion", "2010-09-09");
    template.put("Description", description(accountSettings));
    ObjectNode ecsl = template.putObject("Metadata").putObject("ecsl");
    ecsl.put("project", model.project());
    ecsl.put("region", model.region());
    ecsl.put("generatedBy", "ecsl build");
    if (!accountSettings.isEmpty()) {
      ArrayNode list = ecsl.putArray("accountSettingsNotInTemplate");
      accountSettings.forEach(list::add);
      notes.add(0, CloudFormation.FILE + ": CloudFormation has no resource for ECS account settings, so "
          + String.join(", ", accountSettings) + (accountSettings.size() == 1 ? " is" : " are")
          + " not in the template; deploy.sh applies them (aws ecs put-account-setting-default / put-account-setting)");
    }
    if (!omitted.isEmpty()) {
      ArrayNode list = ecsl.putArray("omittedFields");
      omitted.forEach(list::add);
    }
    if (!ownedElsewhere.isEmpty()) {
      ecsl.set("ownedElsewhere", ownedElsewhere);
    }
    if (resources.isEmpty()) {
      // CloudFormation rejects a template without resources (cfn-lint does not notice); a wait
      // condition handle is the customary resource that creates nothing.
      resources.putObject("NothingDeclared").put("Type", "AWS::CloudFormation::WaitConditionHandle");
    }
    template.set("Resources", resources);
    return new CloudFormation.Template(template, notes);
  }

  // ------------------------------------------------------------------------------ ids

  private void allocateIds() {
    for (Resource r : model.resources()) {
      switch (r.kind()) {
        case ACCOUNT_SETTING -> {}
        case NAMESPACE -> {
          String id = id(r, ids.allocate("Namespace", r.name()));
          namespaceIds.put(r.name(), id);
          // A discovery service's NamespaceId: the Ref of a namespace is its id.
          arnIds.put(ArnPlaceholder.of(r.kind(), r.name()), id);
        }
        case DISCOVERY_SERVICE -> arnAttributeIds.put(ArnPlaceholder.of(r.kind(), r.name()),
            id(r, ids.allocate("DiscoveryService", r.name())));
        case CAPACITY_PROVIDER -> providerIds.put(r.name(), id(r, ids.allocate("CapacityProvider", r.name())));
        case CLUSTER -> {
          clusterIds.put(r.name(), id(r, ids.allocate("Cluster", r.name())));
          JsonNode body = r.primary().body();
          if (body.has("capacityProviders") || body.has("defaultCapacityProviderStrategy")) {
            associationIds.put(r.name(), ids.allocate("Cluster", r.name(), "CapacityProviders"));
          }
        }
        case TASK_DEFINITION -> familyIds.put(r.name(), id(r, ids.allocate("TaskDefinition", r.name())));
        case SERVICE -> serviceIds.put(r.cluster() + "/" + r.name(), id(r, ids.allocate("Service", r.cluster(), r.name())));
        case SCALING -> id(r, ids.allocate("ScalableTarget", r.cluster(), r.name()));
        case SCHEDULE -> id(r, ids.allocate("Schedule", r.name()));
        case EXPRESS_SERVICE -> id(r, ids.allocate("ExpressService", r.cluster(), r.name()));
        case DAEMON_TASK_DEFINITION -> arnIds.put(ArnPlaceholder.of(r.kind(), r.name()),
            id(r, ids.allocate("DaemonTaskDefinition", r.name())));
        case DAEMON -> id(r, ids.allocate("Daemon", r.cluster(), r.name()));
        case TARGET_GROUP -> arnIds.put(ArnPlaceholder.of(r.kind(), r.name()), id(r, ids.allocate("TargetGroup", r.name())));
        case LOAD_BALANCER -> arnIds.put(ArnPlaceholder.of(r.kind(), r.name()), id(r, ids.allocate("LoadBalancer", r.name())));
        case LISTENER, LISTENER_RULE -> {
          String id = id(r, ids.allocate(r.kind() == ResourceKind.LISTENER ? "Listener" : "ListenerRule", r.name().split(":")));
          arnIds.put(ArnPlaceholder.of(r.kind(), r.name()), id);
          for (ArnPlaceholder p : ArnPlaceholder.distinct(r.primary().body())) {
            if (p.kind() == ResourceKind.TARGET_GROUP) {
              listenersOf.computeIfAbsent(p.text(), k -> new ArrayList<>()).add(id);
            }
          }
        }
      }
    }
  }

  private String id(Resource r, String id) {
    idOf.put(r, id);
    return id;
  }

  // ------------------------------------------------------------------------------ resources

  private void namespace(Resource r) {
    String type = switch (r.primary().operation()) {
      case "CreatePrivateDnsNamespace" -> "AWS::ServiceDiscovery::PrivateDnsNamespace";
      case "CreatePublicDnsNamespace" -> "AWS::ServiceDiscovery::PublicDnsNamespace";
      default -> "AWS::ServiceDiscovery::HttpNamespace";
    };
    put(idOf.get(r), type, properties(r, r.primary()), List.of());
  }

  private void capacityProvider(Resource r) {
    ObjectNode props = properties(r, r.primary());
    // A managed-instances provider belongs to a cluster; if that cluster is ours, wait for it.
    refer(props, "ClusterName", clusterRef(props.path("ClusterName").asText(null)));
    put(idOf.get(r), "AWS::ECS::CapacityProvider", props, List.of());
  }

  private void cluster(Resource r) {
    ObjectNode body = r.primary().body().deepCopy();
    JsonNode providers = body.remove("capacityProviders");
    JsonNode strategy = body.remove("defaultCapacityProviderStrategy");
    ObjectNode props = convert(r, r.primary(), body);
    if (props.get("ServiceConnectDefaults") instanceof ObjectNode defaults) {
      refer(defaults, "Namespace", namespaceRef(defaults.path("Namespace").asText(null)));
    }
    String id = idOf.get(r);
    put(id, "AWS::ECS::Cluster", props, List.of());
    String association = associationIds.get(r.name());
    if (association == null) {
      return;
    }
    // Capacity providers are attached by their own resource: it can wait for providers declared
    // here and lets services wait for the attachment instead of for every provider.
    ObjectNode assoc = JSON.objectNode();
    assoc.set("Cluster", Fn.ref(id));
    if (providers instanceof ArrayNode list) {
      ArrayNode out = assoc.putArray("CapacityProviders");
      list.forEach(p -> out.add(providerRef(p.asText())));
    }
    assoc.set("DefaultCapacityProviderStrategy", strategy(strategy instanceof ArrayNode s ? s : JSON.arrayNode()));
    put(association, "AWS::ECS::ClusterCapacityProviderAssociations", assoc, List.of());
  }

  private void service(Resource r) {
    ObjectNode props = convert(r, r.primary(), lifecycleHooksForCfn(r, withoutOwnedElsewhere(r, r.primary().body())));
    String cluster = props.path("Cluster").asText(null);
    refer(props, "Cluster", clusterRef(cluster));
    List<String> dependsOn = new ArrayList<>();
    String taskDefinition = props.path("TaskDefinition").asText(null);
    if (taskDefinition != null && familyIds.containsKey(taskDefinition)) {
      props.set("TaskDefinition", Fn.ref(familyIds.get(taskDefinition)));
    } else if (taskDefinition != null && taskDefinition.matches(".+:[0-9]+")) {
      // A pinned revision (`web:3`) of a family declared here stays pinned, but is registered first.
      String family = nameFromArn(taskDefinition, ":task-definition/").replaceFirst(":[0-9]+$", "");
      if (familyIds.containsKey(family)) {
        dependsOn.add(familyIds.get(family));
      }
    }
    if (props.get("CapacityProviderStrategy") instanceof ArrayNode s) {
      props.set("CapacityProviderStrategy", strategyRefs(s));
    }
    if (props.get("ServiceConnectConfiguration") instanceof ObjectNode sc) {
      refer(sc, "Namespace", namespaceRef(sc.path("Namespace").asText(null)));
    }
    // ECS refuses a target group no load balancer forwards to: the listeners come first.
    for (ArnPlaceholder p : ArnPlaceholder.distinct(props)) {
      for (String listener : listenersOf.getOrDefault(p.text(), List.of())) {
        if (!dependsOn.contains(listener)) {
          dependsOn.add(listener);
        }
      }
    }
    withArns(props);
    // Tasks placed through the cluster's capacity providers need them attached first, and
    // nothing in the service's properties refers to the association.
    String association = cluster == null ? null : associationIds.get(nameFromArn(cluster, ":cluster/"));
    if (association != null) {
      dependsOn.add(association);
    }
    put(idOf.get(r), "AWS::ECS::Service", props, dependsOn);
  }

  /** An Express service: ECS makes its load balancer and scaling, so the template holds only the service. */
  private void expressService(Resource r) {
    JsonNode body = r.primary().body();
    if (!body.has("primaryContainer") || !body.has("executionRoleArn")) {
      // AWS::ECS::ExpressGatewayService requires both (the API does not) and has no task definition ARN.
      notes.add(CloudFormation.FILE + ": " + r.address() + " is not in the template: CloudFormation's"
          + " AWS::ECS::ExpressGatewayService requires a primary container and an execution role"
          + (body.has("taskDefinitionArn") ? " and cannot take a task definition of its own" : "")
          + "; deploy.sh creates it (aws ecs create-express-gateway-service)");
      return;
    }
    ObjectNode props = properties(r, r.primary());
    String cluster = props.path("Cluster").asText(null);
    refer(props, "Cluster", clusterRef(cluster));
    List<String> dependsOn = new ArrayList<>();
    String association = cluster == null ? null : associationIds.get(nameFromArn(cluster, ":cluster/"));
    if (association != null) {
      dependsOn.add(association);
    }
    put(idOf.get(r), "AWS::ECS::ExpressGatewayService", props, dependsOn);
  }

  /**
   * A Managed Daemon: its daemon task definition by Ref (which gives the revision's ARN) and its
   * cluster by ARN; CloudFormation's capacity provider has no ARN attribute, so a declared provider's
   * ARN stays as written and the daemon depends on the provider instead.
   */
  private void daemon(Resource r) {
    ObjectNode props = withArns(properties(r, r.primary()));
    refer(props, "ClusterArn", clusterAttArn(props.path("ClusterArn").asText(null)));
    List<String> dependsOn = new ArrayList<>();
    for (JsonNode arn : r.primary().body().path("capacityProviderArns")) {
      String id = providerIds.get(nameFromArn(arn.asText(), ":capacity-provider/"));
      if (id != null) {
        dependsOn.add(id);
      }
    }
    put(idOf.get(r), "AWS::ECS::Daemon", props, dependsOn);
  }

  private void scaling(Resource r) {
    String targetId = idOf.get(r);
    String serviceId = serviceIds.get(r.cluster() + "/" + r.name());
    for (ApiRequest req : r.requests()) {
      ObjectNode props = properties(r, req);
      if (req.operation().equals("RegisterScalableTarget")) {
        if (serviceId != null) {
          // service/<cluster>/<service>, built from the service itself so the target waits for it.
          JsonNode clusterPart = clusterIds.containsKey(r.cluster()) ? Fn.ref(clusterIds.get(r.cluster())) : JSON.textNode(r.cluster());
          props.set("ResourceId", Fn.join("/", JSON.textNode("service"), clusterPart, Fn.getAtt(serviceId, "Name")));
        }
        put(targetId, "AWS::ApplicationAutoScaling::ScalableTarget", props, List.of());
      } else {
        // CloudFormation takes either the target's id or the ResourceId triple, not both.
        ObjectNode policy = JSON.objectNode();
        policy.set("PolicyName", props.remove("PolicyName"));
        if (props.has("PolicyType")) {
          policy.set("PolicyType", props.remove("PolicyType"));
        }
        policy.set("ScalingTargetId", Fn.ref(targetId));
        props.remove(List.of("ServiceNamespace", "ResourceId", "ScalableDimension"));
        policy.setAll(withArns(props));
        String policyName = policy.path("PolicyName").asText("Policy");
        put(ids.allocate("ScalingPolicy", r.cluster(), r.name(), policyName.startsWith(r.name()) ? policyName.substring(r.name().length()) : policyName),
            "AWS::ApplicationAutoScaling::ScalingPolicy", policy, List.of());
      }
    }
  }

  private void schedule(Resource r) {
    if (r.primary().operation().equals("CreateSchedule")) {
      schedulerSchedule(r);
      return;
    }
    ObjectNode props = null;
    ArrayNode targets = JSON.arrayNode();
    Shape targetShape = ServiceModel.get(ServiceModel.EVENTS).shape("Target");
    for (ApiRequest req : r.requests()) {
      if (req.operation().equals("PutRule")) {
        props = properties(r, req);
      } else if (req.operation().equals("PutTargets")) {
        for (JsonNode t : req.body().path("Targets")) {
          ObjectNode target = (ObjectNode) CfnProperties.convert(t, targetShape, f -> omit(r, "Targets." + f));
          referToDeclared(target);
          targets.add(target);
        }
      }
    }
    if (props == null) {
      return;
    }
    props.set("Targets", targets);
    put(idOf.get(r), "AWS::Events::Rule", props, List.of());
  }

  /** An EventBridge Scheduler schedule: its target refers to the cluster and task definition declared beside it. */
  private void schedulerSchedule(Resource r) {
    ObjectNode props = properties(r, r.primary());
    if (props.get("Target") instanceof ObjectNode target) {
      referToDeclared(target);
    }
    put(idOf.get(r), "AWS::Scheduler::Schedule", props, List.of());
  }

  /** An ECS target (a rule's or a schedule's) refers to the cluster, task definition and providers declared beside it. */
  private void referToDeclared(ObjectNode target) {
    refer(target, "Arn", clusterAttArn(target.path("Arn").asText(null)));
    if (target.get("EcsParameters") instanceof ObjectNode ecs) {
      String family = nameFromArn(ecs.path("TaskDefinitionArn").asText(""), ":task-definition/");
      if (familyIds.containsKey(family)) {
        ecs.set("TaskDefinitionArn", Fn.ref(familyIds.get(family)));
      }
      if (ecs.get("CapacityProviderStrategy") instanceof ArrayNode s) {
        ecs.set("CapacityProviderStrategy", strategyRefs(s));
      }
    }
  }

  // ------------------------------------------------------------------------------ helpers

  /**
   * The resource's properties with its ELBv2 attributes (its Modify…Attributes request) as the
   * property CloudFormation takes them in: {@code TargetGroupAttributes}, {@code LoadBalancerAttributes}.
   */
  private static ObjectNode withAttributes(Resource r, ObjectNode properties, String member) {
    for (ApiRequest req : r.requests()) {
      if (req != r.primary() && req.body().has("Attributes")) {
        properties.set(member, req.body().get("Attributes").deepCopy());
      }
    }
    return properties;
  }

  /**
   * Replaces each ARN placeholder of a resource declared here by its Ref (which is its ARN), and
   * each resource label by the join of its load balancer's and target group's full names.
   */
  private ObjectNode withArns(ObjectNode props) {
    return (ObjectNode) refs(props);
  }

  private JsonNode refs(JsonNode node) {
    if (node instanceof ObjectNode obj) {
      obj.properties().forEach(e -> e.setValue(refs(e.getValue())));
      return obj;
    }
    if (node instanceof ArrayNode list) {
      for (int i = 0; i < list.size(); i++) {
        list.set(i, refs(list.get(i)));
      }
      return list;
    }
    if (node != null && node.isTextual() && arnIds.containsKey(node.textValue())) {
      return Fn.ref(arnIds.get(node.textValue()));
    }
    if (node != null && node.isTextual() && arnAttributeIds.containsKey(node.textValue())) {
      return Fn.getAtt(arnAttributeIds.get(node.textValue()), "Arn");
    }
    io.ecsl.model.ResourceLabelPlaceholder label = node != null && node.isTextual()
        ? io.ecsl.model.ResourceLabelPlaceholder.parse(node.textValue()) : null;
    if (label != null) {
      // app/LB/ID/targetgroup/TG/ID: the two "full name" attributes are exactly the ARNs' tails.
      String lb = arnIds.get(label.parts().get(0).text());
      String tg = arnIds.get(label.parts().get(1).text());
      if (lb != null && tg != null) {
        return Fn.join("/", Fn.getAtt(lb, "LoadBalancerFullName"), Fn.getAtt(tg, "TargetGroupFullName"));
      }
    }
    return node;
  }

  private ObjectNode properties(Resource r, ApiRequest req) {
    return convert(r, req, withoutOwnedElsewhere(r, req.body()));
  }

  private ObjectNode convert(Resource r, ApiRequest req, JsonNode body) {
    Shape shape = ServiceModel.get(req.service()).input(req.operation());
    return (ObjectNode) CfnProperties.convert(body, shape, field -> omit(r, field));
  }

  /**
   * AWS::ECS::Service's lifecycle hooks have no target type: every hook is a Lambda function. A
   * PAUSE hook cannot be expressed, so it is left out (and said so); the explicit default
   * {@code AWS_LAMBDA} is dropped without a word.
   */
  // The resource schemas cfn-lint ships for most Regions list the API's stages but this one.
  private static final java.util.Set<String> CFN_LACKS_STAGES = java.util.Set.of("PRE_PRODUCTION_TRAFFIC_SHIFT");

  private ObjectNode lifecycleHooksForCfn(Resource r, ObjectNode body) {
    JsonNode hooks = body.path("deploymentConfiguration").path("lifecycleHooks");
    if (!(hooks instanceof ArrayNode list) || list.isEmpty()) {
      return body;
    }
    ObjectNode copy = body.deepCopy();
    ObjectNode config = (ObjectNode) copy.get("deploymentConfiguration");
    ArrayNode kept = JSON.arrayNode();
    for (int i = 0; i < list.size(); i++) {
      ObjectNode hook = (ObjectNode) list.get(i).deepCopy();
      String type = hook.path("targetType").asText("AWS_LAMBDA");
      if (type.equals("PAUSE")) {
        String line = r.address() + ": deploymentConfiguration.lifecycleHooks[" + i + "]";
        if (!omitted.contains(line)) {
          omitted.add(line);
          notes.add(CloudFormation.FILE + ": " + r.address() + ": CloudFormation has no PAUSE lifecycle hooks; the PAUSE hook at "
              + String.join(", ", hook.path("lifecycleStages").valueStream().map(JsonNode::asText).toList())
              + " is left out of the template (deploy.sh and the JSON files keep it)");
        }
        continue;
      }
      if (type.equals("AWS_LAMBDA")) {
        hook.remove("targetType");
      }
      ArrayNode stages = JSON.arrayNode();
      for (JsonNode stage : hook.path("lifecycleStages")) {
        if (CFN_LACKS_STAGES.contains(stage.asText())) {
          String line = r.address() + ": deploymentConfiguration.lifecycleHooks[" + i + "] at " + stage.asText();
          if (!omitted.contains(line)) {
            omitted.add(line);
            notes.add(CloudFormation.FILE + ": " + r.address() + ": CloudFormation's AWS::ECS::Service does not take the stage "
                + stage.asText() + "; the hook is left out of the template there (deploy.sh and the JSON files keep it)");
          }
        } else {
          stages.add(stage);
        }
      }
      if (stages.isEmpty()) {
        continue;
      }
      hook.set("lifecycleStages", stages);
      kept.add(hook);
    }
    if (kept.isEmpty()) {
      config.remove("lifecycleHooks");
    } else {
      config.set("lifecycleHooks", kept);
    }
    return copy;
  }

  private void omit(Resource r, String field) {
    String line = r.address() + ": " + field;
    if (!omitted.contains(line)) {
      omitted.add(line);
      notes.add(CloudFormation.FILE + ": " + r.address() + ": CloudFormation has no property for `" + field
          + "`; it is left out of the template (deploy.sh and the JSON files keep it)");
    }
  }

  /**
   * Fields another system manages (a service's desired count under autoscaling) are left out:
   * a stack update would otherwise reset them to the declared value.
   */
  private ObjectNode withoutOwnedElsewhere(Resource r, ObjectNode body) {
    if (r.ownedElsewhere().isEmpty()) {
      return body;
    }
    ObjectNode copy = body.deepCopy();
    ArrayNode removed = JSON.arrayNode();
    r.ownedElsewhere().keySet().stream().sorted().forEach(pointer -> {
      int slash = pointer.lastIndexOf('/');
      JsonNode parent = slash <= 0 ? copy : copy.at(pointer.substring(0, slash));
      String key = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
      if (parent instanceof ObjectNode obj && obj.remove(key) != null) {
        removed.add(pointer);
      }
    });
    if (!removed.isEmpty() && idOf.containsKey(r)) {
      ownedElsewhere.set(idOf.get(r), removed);
    }
    return copy;
  }

  private void put(String id, String type, ObjectNode properties, List<String> dependsOn) {
    ObjectNode resource = resources.putObject(id);
    resource.put("Type", type);
    if (dependsOn.size() == 1) {
      resource.put("DependsOn", dependsOn.get(0));
    } else if (dependsOn.size() > 1) {
      ArrayNode list = resource.putArray("DependsOn");
      dependsOn.forEach(list::add);
    }
    resource.set("Properties", properties);
  }

  /** Replaces {@code props[key]} with a reference when there is one. */
  private static void refer(ObjectNode props, String key, JsonNode reference) {
    if (reference != null && props.has(key)) {
      props.set(key, reference);
    }
  }

  private JsonNode clusterRef(String value) {
    String id = value == null ? null : clusterIds.get(nameFromArn(value, ":cluster/"));
    return id == null ? null : Fn.ref(id);
  }

  private JsonNode clusterAttArn(String value) {
    String id = value == null ? null : clusterIds.get(nameFromArn(value, ":cluster/"));
    return id == null ? null : Fn.getAtt(id, "Arn");
  }

  private JsonNode namespaceRef(String value) {
    // ECS takes a namespace's name or ARN; the ARN ties the cluster or service to the namespace.
    String id = value == null ? null : namespaceIds.get(value);
    return id == null ? null : Fn.getAtt(id, "Arn");
  }

  private JsonNode providerRef(String name) {
    String id = providerIds.get(nameFromArn(name, ":capacity-provider/"));
    return id == null ? JSON.textNode(name) : Fn.ref(id);
  }

  private ArrayNode strategy(ArrayNode apiStrategy) {
    Shape item = ServiceModel.get(ServiceModel.ECS).shape("CapacityProviderStrategyItem");
    ArrayNode out = JSON.arrayNode();
    apiStrategy.forEach(s -> out.add(CfnProperties.convert(s, item, f -> {})));
    return strategyRefs(out);
  }

  private ArrayNode strategyRefs(ArrayNode strategy) {
    for (JsonNode s : strategy) {
      if (s instanceof ObjectNode o && o.has("CapacityProvider")) {
        o.set("CapacityProvider", providerRef(o.path("CapacityProvider").asText()));
      }
    }
    return strategy;
  }

  /** {@code arn:aws:ecs:…:cluster/prod} → {@code prod}; a plain name stays as it is. */
  private static String nameFromArn(String value, String marker) {
    if (value.startsWith("arn:")) {
      int at = value.indexOf(marker);
      return at < 0 ? value : value.substring(at + marker.length());
    }
    return value;
  }

  private String description(List<String> accountSettings) {
    Set<String> kinds = new LinkedHashSet<>();
    model.resources().stream().filter(r -> r.kind() != ResourceKind.ACCOUNT_SETTING).forEach(r -> kinds.add(r.kind().word()));
    StringBuilder sb = new StringBuilder("ECS resources of ecsl project '" + model.project() + "'");
    sb.append(kinds.isEmpty() ? " (none declared)." : ": " + String.join(", ", kinds) + ".");
    if (!accountSettings.isEmpty()) {
      String suffix = " are not in this template: CloudFormation has no resource for ECS account settings;"
          + " deploy.sh applies them.";
      StringBuilder list = new StringBuilder(" The account settings ");
      for (int i = 0; i < accountSettings.size(); i++) {
        String next = (i == 0 ? "" : ", ") + accountSettings.get(i);
        if (sb.length() + list.length() + next.length() + suffix.length() + 10 > MAX_DESCRIPTION) {
          list.append(", ...");
          break;
        }
        list.append(next);
      }
      sb.append(list).append(suffix);
    }
    return sb.length() > MAX_DESCRIPTION ? sb.substring(0, MAX_DESCRIPTION) : sb.toString();
  }
}
