package io.ecsl.lower;

import static io.ecsl.diag.LanguageCode.ACCOUNT_ID_NEEDED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.eval.Declaration;
import io.ecsl.eval.Kind;
import io.ecsl.eval.Value;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.ArnPlaceholder;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code daemon log-agent in apps { container agent { … }, capacity_providers = [web-mi], … }}: an
 * ECS Managed Daemon. One declaration is two resources, as a task and a service are: its daemon
 * task definition ({@code RegisterDaemonTaskDefinition}, from the containers, roles, size and
 * namespace modes) and the daemon ({@code CreateDaemon}, from the cluster, capacity providers,
 * deployment and tag settings). {@code CreateDaemon} takes ARNs only; the cluster's and the
 * capacity providers' are known from the project's account and region, the daemon task
 * definition's revision only once it is registered, so it is the placeholder
 * {@code ${daemon-task-definition:FAMILY}} that apply and deploy.sh replace.
 */
final class Daemons {
  static final String REGISTER = "RegisterDaemonTaskDefinitionRequest";
  static final String CREATE = "CreateDaemonRequest";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Attributes of the daemon itself; everything else describes its daemon task definition. */
  static final Set<String> DAEMON_ATTRIBUTES = Set.of("daemon_name", "cluster", "cluster_arn", "capacity_providers",
      "capacity_provider_arns", "deployment", "deployment_configuration", "propagate_tags", "enable_ecs_managed_tags",
      "enable_execute_command", "client_token");
  /** Tags go to both: the daemon's are what {@code propagate_tags = DAEMON} copies to its tasks. */
  private static final Set<String> BOTH = Set.of("tags", "tag");

  private record Named(String name, io.ecsl.source.Span span) {}

  private final ModelBuilder builder;
  private final ProjectSettings project;

  Daemons(ModelBuilder builder, ProjectSettings project) {
    this.builder = builder;
    this.project = project;
  }

  /** The short names a daemon takes, beside every request member's own snake_case name. */
  static void register(Sugars sugars) {
    sugars.alias(REGISTER, "execution_role", "executionRoleArn");
    sugars.alias(REGISTER, "task_role", "taskRoleArn");
    sugars.alias(REGISTER, "pid", "pidMode");
    sugars.alias(REGISTER, "ipc", "ipcMode");
    sugars.alias(CREATE, "deployment", "deploymentConfiguration");
    sugars.alias(CREATE, "capacity_providers", "capacityProviderArns");
    sugars.alias("DaemonDeploymentConfiguration", "bake", "bakeTimeInMinutes");
    sugars.alias("DaemonDeploymentConfiguration", "bake_time", "bakeTimeInMinutes");
    sugars.alias("DaemonDeploymentConfiguration", "drain", "drainPercent");
    sugars.alias("DaemonContainerDefinition", "health", "healthCheck");
    sugars.alias("DaemonContainerDefinition", "logs", "logConfiguration");
    sugars.alias("DaemonContainerDefinition", "firelens", "firelensConfiguration");
    sugars.alias("DaemonContainerDefinition", "restart", "restartPolicy");
    // `alarms = ["cpu-high"]`: the alarms that roll a deployment back, enabled.
    sugars.sugar("DaemonDeploymentConfiguration", "alarms", Fills.member("alarms"), (s, f) -> alarms(sugars.lower(), s, f));
  }

  private static void alarms(Lower lower, Struct s, Value.Field f) {
    if (!(f.value() instanceof Value.ListV)) {
      s.set("alarms", s.lowerMember("alarms", f.key(), f.value(), f.span()), f.span());
      return;
    }
    Shape config = s.shape.member("alarms");
    Loc loc = s.memberLoc("alarms", f.key(), f.span()).member("alarmNames", f.key(), f.span(), null);
    JsonNode names = lower.value(f.value(), config.member("alarmNames"), loc);
    if (names != null) {
      ObjectNode alarms = JSON.objectNode();
      alarms.set("alarmNames", names);
      alarms.put("enable", true);
      s.set("alarms", alarms, f.span());
    }
  }

  /** The task definition shapes a daemon's shapes are cut from: what a task has that a daemon has not. */
  static final Map<String, String> TASK_SHAPES = Map.of(
      "DaemonContainerDefinition", "ContainerDefinition",
      REGISTER, "RegisterTaskDefinitionRequest",
      "DaemonVolume", "Volume",
      "DaemonLinuxParameters", "LinuxParameters");

  /**
   * For an attribute a daemon's shape lacks but the task definition's has ({@code port}, {@code
   * network}): what it is not a setting of, e.g. "a daemon's container"; null otherwise.
   */
  static String taskOnly(Sugars sugars, Shape shape, String written) {
    String taskShape = TASK_SHAPES.get(shape.name());
    if (taskShape == null) {
      return null;
    }
    Shape task = ServiceModel.get(ServiceModel.ECS).shape(taskShape);
    if (task == null || (sugars.memberFor(task, written) == null && !sugars.handles(task, written))) {
      return null;
    }
    return switch (taskShape) {
      case "ContainerDefinition" -> "a daemon's container";
      case "RegisterTaskDefinitionRequest" -> "a daemon task definition";
      case "Volume" -> "a daemon's volume";
      default -> "a daemon's Linux parameters";
    };
  }

  /** What to do about such an attribute: ECS's daemon shape has no such member, so the request cannot carry it. */
  static String taskOnlyHint(Sugars sugars, Shape shape, String written) {
    Shape task = ServiceModel.get(ServiceModel.ECS).shape(TASK_SHAPES.get(shape.name()));
    String member = sugars.memberFor(task, written);
    String name = shape.name().replace("Request", "");
    return "remove it: ECS's " + name + " has no `" + (member != null ? member : written) + "`"
        + (name.equals("DaemonContainerDefinition") ? " (daemon containers have no ports, links, hostname, DNS,"
        + " Docker labels, GPUs or volumes_from)" : "");
  }

  List<Resource> lower(Declaration d) {
    Value.Obj body = d.body(builder.interpreter());
    List<Value.Field> taskFields = new ArrayList<>();
    List<Value.Field> daemonFields = new ArrayList<>();
    for (Value.Field f : body.fields()) {
      if (BOTH.contains(f.key())) {
        taskFields.add(f);
        daemonFields.add(f);
      } else if (DAEMON_ATTRIBUTES.contains(f.key())) {
        daemonFields.add(f);
      } else {
        taskFields.add(f);
      }
    }
    Resource taskDefinition = taskDefinition(d, new Value.Obj(body.span(), taskFields));
    Resource daemon = daemon(d, new Value.Obj(body.span(), daemonFields), taskDefinition.name());
    return daemon == null ? List.of(taskDefinition) : List.of(taskDefinition, daemon);
  }

  private Resource taskDefinition(Declaration d, Value.Obj body) {
    ModelBuilder.Request req = builder.request(d, ServiceModel.ECS, "RegisterDaemonTaskDefinition",
        "daemon `" + d.label() + "`");
    Struct s = builder.lower().structure(body, req.shape, req.loc);
    builder.defaultName(s, "family", d);
    project.applyTags(s, "tags", d.span());
    s.checkRequired(d.span());
    ObjectNode json = s.build();
    String family = json.path("family").asText(d.label());
    return new Resource(ResourceKind.DAEMON_TASK_DEFINITION, family, null, d.span(),
        List.of(req.finish(json, "daemon-task-definitions/" + family + ".json")), Map.of());
  }

  private Resource daemon(Declaration d, Value.Obj body, String family) {
    ModelBuilder.Request req = builder.request(d, ServiceModel.ECS, "CreateDaemon", "daemon `" + d.label() + "`");
    Sugars sugars = builder.lower().sugars();
    String label = d.label();
    String cluster = "default";
    Value in = d.in(builder.interpreter());
    List<Value.Field> fields = new ArrayList<>();
    Value providers = null;
    Value.Field providersField = null;
    for (Value.Field f : body.fields()) {
      switch (f.key()) {
        case "cluster" -> in = f.value();
        case "capacity_providers" -> {
          providers = f.value();
          providersField = f;
        }
        default -> fields.add(f);
      }
    }
    Struct s = builder.lower().structure(new Value.Obj(body.span(), fields), req.shape, req.loc);
    if (in != null) {
      String name = sugars.reference(in, Kind.CLUSTER, req.loc.member("clusterArn", "in", in.span(), null)
          .named(() -> "`in` of daemon `" + label + "`"));
      if (name != null) {
        cluster = name;
      }
    }
    List<Named> providerNames = new ArrayList<>();
    if (providersField != null) {
      Loc loc = s.memberLoc("capacityProviderArns", providersField.key(), providersField.span());
      if (providers instanceof Value.ListV list) {
        for (Value item : list.items()) {
          String name = sugars.providerName(item, loc.element(providerNames.size(), item.span()));
          if (name != null) {
            providerNames.add(new Named(name, item.span()));
          }
        }
      } else {
        builder.lower().mismatch(providers, "a list of Managed Instances capacity providers", loc);
      }
    }
    builder.defaultName(s, "daemonName", d);
    project.applyTags(s, "tags", d.span());
    String account = project.accountId();
    String region = project.region();
    boolean arnsGiven = cluster.startsWith("arn:") && providerNames.stream().allMatch(p -> p.name().startsWith("arn:"));
    if (account == null && !arnsGiven) {
      builder.interpreter().report(Diagnostic.error(ACCOUNT_ID_NEEDED, d.span(), "daemon `" + label
          + "` needs the AWS account id: CreateDaemon takes the cluster and capacity provider ARNs")
          .withHint("pass --account-id 123456789012, or set project { account_id = \"123456789012\" }"));
      return null;
    }
    s.set("clusterArn", JSON.textNode(Arns.cluster(region, account, cluster)), in != null ? in.span() : d.labelSpan());
    if (providersField != null) {
      // Each ARN is located where its provider was named.
      Loc loc = s.memberLoc("capacityProviderArns", providersField.key(), providersField.span());
      ArrayNode arns = JSON.arrayNode();
      builder.lower().spans().list(arns, loc);
      for (Named p : providerNames) {
        builder.lower().spans().put(loc.element(arns.size(), p.span()), p.span());
        arns.add(Arns.capacityProvider(region, account, p.name()));
      }
      s.set("capacityProviderArns", arns, providersField.span());
    }
    s.set("daemonTaskDefinitionArn", JSON.textNode(ArnPlaceholder.of(ResourceKind.DAEMON_TASK_DEFINITION, family)),
        d.labelSpan());
    s.checkRequired(d.span());
    ObjectNode json = s.build();
    String name = json.path("daemonName").asText(label);
    // A cluster given by ARN is named by its last segment, as plans and the build directory name it.
    if (cluster.startsWith("arn:") && cluster.contains("cluster/")) {
      cluster = cluster.substring(cluster.lastIndexOf("cluster/") + "cluster/".length());
    }
    ApiRequest create = req.finish(json, "daemons/" + cluster + "/" + name + ".json");
    return new Resource(ResourceKind.DAEMON, name, cluster, d.span(), List.of(create), Map.of());
  }
}
