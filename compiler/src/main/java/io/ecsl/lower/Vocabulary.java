package io.ecsl.lower;

import io.ecsl.diag.Diagnostics;
import io.ecsl.eval.Interpreter;
import io.ecsl.eval.Kind;
import io.ecsl.eval.Unit;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What may be written where, for editors: the attributes valid in each block, with the API member
 * each one sets, its type, the unit the API counts it in, the kind of declaration it names and
 * its values. Read from the same tables lowering uses (the API models, {@link Sugars}, the blocks
 * of {@link Scaling}, {@link Schedules} and the rest), so completion offers exactly what compiles.
 */
public final class Vocabulary {
  private static final Vocabulary INSTANCE = new Vocabulary();

  /** The registry of first-class syntax; its Lower only exists to build it and never lowers here. */
  private final Sugars sugars = new Lower(new Interpreter(new Diagnostics()), new Diagnostics()).sugars();
  private final ServiceModel ecs = ServiceModel.get(ServiceModel.ECS);

  private Vocabulary() {}

  /** Elastic Load Balancing's model, read only when an editor asks about a load-balancing block. */
  private static ServiceModel elbv2() {
    return ServiceModel.get(ServiceModel.ELBV2);
  }

  public static Vocabulary get() {
    return INSTANCE;
  }

  /** A place where attributes are written. */
  public sealed interface Block permits Structure, Pairs, Own {}

  /**
   * A structure of an API model ({@code container app { … }} is a {@code ContainerDefinition}),
   * with ecsl's own additions at a declaration's top level ({@code autoscaling}, {@code owned_elsewhere}).
   */
  public record Structure(Shape shape, Own extras) implements Block {}

  /**
   * {@code NAME = value} entries: {@code env { … }}, {@code tags { … }}, a map such as the log
   * driver's {@code options}, or {@code depends_on { … }} (whose names are containers).
   *
   * @param value what every entry's value is
   * @param keys the kind of declaration or {@code "container"} the names refer to, or null
   */
  public record Pairs(Attribute value, String keys) implements Block {}

  /** One of ecsl's own blocks ({@code autoscaling}, {@code placement}, {@code project}, a schedule). */
  public record Own(String name, List<Attribute> attributes, Map<String, Block> children) implements Block {}

  /**
   * An attribute.
   *
   * @param name as written
   * @param owner the structure whose member it sets, or null for ecsl's own settings
   * @param member the member of {@code owner} it sets, or null
   * @param shape the shape of its value, or null when it is not a member's
   * @param unit the unit the API counts it in (a quantity is converted to it), or null
   * @param reference what a name there refers to: a declaration keyword ({@code task}, {@code cluster}, …)
   *     or {@code container}; null when it takes no reference
   * @param values enum values and bare words it takes
   * @param labelled whether it is written with a name ({@code container app}, {@code port http})
   * @param shorthand whether it is first-class syntax rather than the member's own name
   * @param summary what it is, for a reader: its type, unit and what it sets
   */
  public record Attribute(String name, Shape owner, String member, Shape shape, Unit unit, String reference,
      List<String> values, boolean labelled, boolean shorthand, String summary) {

    /** {@code ecs:ContainerDefinition.memory}: the key of the member's documentation, or null. */
    public String docKey() {
      return owner == null || member == null ? null : owner.model().name() + ":" + owner.name() + "." + member;
    }
  }

  // ------------------------------------------------------------------------------- declarations

  /** The block of a declaration of this kind. */
  public Block declaration(Kind kind) {
    return switch (kind) {
      case TASK -> new Structure(ecs.input("RegisterTaskDefinition"), own("task", ownedElsewhere()));
      case SERVICE -> new Structure(ecs.input("CreateService"), own("service", autoscaling(), ownedElsewhere()));
      case CLUSTER -> new Structure(ecs.input("CreateCluster"), own("cluster", ownedElsewhere()));
      case CAPACITY_PROVIDER -> new Structure(ecs.input("CreateCapacityProvider"), own("capacity_provider", ownedElsewhere()));
      case NAMESPACE -> namespace();
      case DISCOVERY_SERVICE -> new Structure(ServiceModel.get(ServiceModel.CLOUD_MAP).input("CreateService"),
          own("discovery_service", ownedElsewhere()));
      case TARGET_GROUP -> new Structure(elbv2().input("CreateTargetGroup"), own("target_group", ownedElsewhere()));
      case LOAD_BALANCER -> new Structure(elbv2().input("CreateLoadBalancer"), own("load_balancer", ownedElsewhere()));
      case LISTENER -> new Structure(elbv2().input("CreateListener"), own("listener", ownedElsewhere()));
      case SCHEDULE -> schedule();
      case EXPRESS_SERVICE -> new Structure(ecs.input("CreateExpressGatewayService"), own("express_service"));
      // The daemon task definition's members; the daemon's own (capacity_providers, deployment, …) beside them.
      case DAEMON -> new Structure(ecs.input("RegisterDaemonTaskDefinition"), own("daemon", daemonAttributes()));
      case ACCOUNT_SETTINGS -> accountSettings();
      case PROJECT -> project();
    };
  }

  private record Named(Attribute attribute, Block block) {}

  private static Own own(String name, Named... entries) {
    List<Attribute> attributes = new ArrayList<>();
    Map<String, Block> children = new LinkedHashMap<>();
    for (Named n : entries) {
      attributes.add(n.attribute());
      if (n.block() != null) {
        children.put(n.attribute().name(), n.block());
      }
    }
    return new Own(name, attributes, children);
  }

  private static Attribute setting(String name, String summary, String... values) {
    return new Attribute(name, null, null, null, null, null, List.of(values), false, true, summary);
  }

  /** A daemon's own attributes: the members of CreateDaemon it sets, beside its daemon task definition's. */
  private Named[] daemonAttributes() {
    Shape create = ecs.input("CreateDaemon");
    Shape deployment = create.member("deploymentConfiguration");
    Attribute providers = new Attribute("capacity_providers", create, "capacityProviderArns", create.member("capacityProviderArns"),
        null, "capacity_provider", List.of(), false, true,
        "list of Managed Instances capacity providers; sets `capacityProviderArns`; the daemon runs one task on each of their instances");
    return new Named[] {
        new Named(providers, null),
        new Named(renamed("deployment", create, "deploymentConfiguration",
            "how an update rolls: `drain_percent`, `bake`, `alarms`"), new Structure(deployment, own("deployment"))),
        new Named(renamed("daemon_name", create, "daemonName", "the daemon's name (default: its label)"), null),
        new Named(renamed("propagate_tags", create, "propagateTags", "copy the daemon's tags to its tasks"), null),
        new Named(renamed("enable_ecs_managed_tags", create, "enableECSManagedTags", "ECS-managed tags on its tasks"), null),
        new Named(renamed("enable_execute_command", create, "enableExecuteCommand", "ECS Exec into its tasks"), null),
    };
  }

  private Named ownedElsewhere() {
    Attribute owner = setting("owner", "who manages the field, e.g. \"autoscaling\" or \"CI pipeline\"");
    return new Named(setting("owned_elsewhere",
        "fields another system manages (`path = \"owner\"`); plans show them as ignored, never as changes"),
        new Pairs(owner, null));
  }

  private Named autoscaling() {
    ServiceModel model = ServiceModel.get(ServiceModel.AUTOSCALING);
    Shape target = model.input("RegisterScalableTarget");
    Shape policy = model.input("PutScalingPolicy");
    Shape tracking = policy.member("TargetTrackingScalingPolicyConfiguration");
    Map<String, Named> byName = new LinkedHashMap<>();
    for (String s : Scaling.SETTINGS) {
      Named n = switch (s) {
        case "min" -> new Named(renamed(s, target, "MinCapacity", "the fewest tasks scaling keeps"), null);
        case "max" -> new Named(renamed(s, target, "MaxCapacity", "the most tasks scaling starts"), null);
        case "role" -> new Named(renamed(s, target, "RoleARN", "the role Application Auto Scaling uses"), null);
        case "suspended" -> new Named(renamed(s, target, "SuspendedState", "suspend scaling in, out or on schedule"),
            blockFor(target.member("SuspendedState")));
        case "tags" -> new Named(renamed(s, target, "Tags", "tags of the scalable target"), blockFor(target.member("Tags")));
        case "policy" -> new Named(new Attribute(s, policy, null, policy, null, null, List.of(), true, true,
            "another scaling policy in the API's own terms: `policy NAME { policy_type = StepScaling, … }`"),
            new Structure(policy, null));
        default -> {
          if (Scaling.METRICS.containsKey(s)) {
            yield new Named(new Attribute(s, tracking, "TargetValue", tracking.member("TargetValue"), Unit.PERCENT, null,
                List.of(), false, true, "target tracking: keep " + Scaling.METRICS.get(s) + " at this value"
                + (s.equals("alb_requests") ? " of requests per target (of the service's declared target group behind"
                    + " its ALB, or `{ resource_label = \"…\" }` for one made elsewhere)" : " (percent)")), null);
          }
          String member = tracking.memberFor(s);
          yield new Named(renamed(s, tracking, member, "for every tracked metric"), null);
        }
      };
      byName.put(s, n);
    }
    Own block = own("autoscaling", byName.values().toArray(new Named[0]));
    return new Named(setting("autoscaling",
        "Application Auto Scaling of the desired count: `autoscaling { min = 2, max = 10, cpu = 60% }`"), block);
  }

  private Attribute renamed(String name, Shape owner, String member, String what) {
    Shape shape = owner.member(member);
    Unit unit = unitOf(owner, member);
    return new Attribute(name, owner, member, shape, unit, null, values(shape), false, true,
        typeOf(shape, unit, owner, member) + "; sets `" + member + "`; " + what);
  }

  private Block namespace() {
    ServiceModel cloudMap = ServiceModel.get(ServiceModel.CLOUD_MAP);
    Shape privateDns = cloudMap.input("CreatePrivateDnsNamespace");
    Named type = new Named(setting("type", "the kind of Cloud Map namespace (default `http`, all Service Connect needs)",
        Namespaces.TYPES.toArray(new String[0])), null);
    Named vpc = new Named(renamed("vpc", privateDns, "Vpc", "for `type = private_dns`"), null);
    Named properties = new Named(renamed("properties", privateDns, "Properties", "DNS properties of a DNS namespace"),
        blockFor(privateDns.member("Properties")));
    return new Structure(cloudMap.input("CreateHttpNamespace"), own("namespace", type, vpc, properties, ownedElsewhere()));
  }

  private Block schedule() {
    ServiceModel events = ServiceModel.get(ServiceModel.EVENTS);
    Shape rule = events.input("PutRule");
    Shape target = events.input("PutTargets").member("Targets").element();
    Shape parameters = target.member("EcsParameters");
    List<Named> entries = new ArrayList<>();
    for (String s : Schedules.RULE) {
      switch (s) {
        case "expression", "schedule_expression" -> entries.add(new Named(renamed(s, rule, "ScheduleExpression",
            "when it runs: `cron(\"0 3 * * ? *\")` or `rate(1h)`"), null));
        case "enabled" -> entries.add(new Named(new Attribute(s, rule, "State", rule.member("State"), null, null,
            List.of("true", "false"), false, true, "bool; sets `State` to ENABLED or DISABLED"), null));
        default -> {
          String member = rule.memberFor(s);
          entries.add(new Named(renamed(s, rule, member, "of the EventBridge rule"), blockFor(rule.member(member))));
        }
      }
    }
    for (String s : Schedules.TARGET) {
      switch (s) {
        case "cluster" -> entries.add(new Named(reference(s, Kind.CLUSTER, "the cluster the task runs in"), null));
        case "task" -> entries.add(new Named(reference(s, Kind.TASK, "the task definition to run"), null));
        case "via" -> entries.add(new Named(new Attribute(s, null, null, null, null, null, List.of("events", "scheduler"),
            false, true, "symbol; `scheduler` makes it an EventBridge Scheduler schedule (CreateSchedule), `events`"
            + " (the default) an EventBridge rule"), null));
        case "role", "role_arn" -> entries.add(new Named(renamed(s, target, "RoleArn", "the role EventBridge runs the task with"), null));
        case "retry", "retry_policy" -> entries.add(new Named(renamed(s, target, "RetryPolicy", "retries of a failed run"),
            blockFor(target.member("RetryPolicy"))));
        case "dead_letter" -> entries.add(new Named(new Attribute(s, target.member("DeadLetterConfig"), "Arn",
            target.member("DeadLetterConfig").member("Arn"), null, null, List.of(), false, true,
            "string; the SQS queue ARN for events that could not be delivered"), null));
        case "overrides" -> {
          Shape overrides = ecs.shape("TaskOverride");
          entries.add(new Named(new Attribute(s, null, null, overrides, null, null, List.of(), false, true,
              "block; RunTask overrides (`container_overrides`, `cpu`, …), sent as the target's input"),
              new Structure(overrides, null)));
        }
        default -> {
          String member = target.memberFor(s);
          entries.add(new Named(renamed(s, target, member, "of the EventBridge target"), null));
        }
      }
    }
    // EventBridge Scheduler's own settings (with `via = scheduler`).
    Shape createSchedule = ServiceModel.get(ServiceModel.SCHEDULER).input("CreateSchedule");
    for (String s : new java.util.TreeSet<>(Schedules.SCHEDULER_ONLY)) {
      if (s.equals("flexible_window")) {
        entries.add(new Named(new Attribute(s, createSchedule, "FlexibleTimeWindow", createSchedule.member("FlexibleTimeWindow"),
            null, null, List.of("off"), false, true, "duration or `off`; sets `FlexibleTimeWindow` (FLEXIBLE with"
            + " `MaximumWindowInMinutes`); EventBridge Scheduler (`via = scheduler`)"), null));
      } else {
        entries.add(new Named(renamed(s, createSchedule, SchedulerSchedules.SCHEDULE.get(s),
            "EventBridge Scheduler (`via = scheduler`)"), null));
      }
    }
    Structure task = new Structure(parameters, null);
    for (Attribute a : attributes(task)) {
      if (a.member() == null || !a.member().equals("TaskDefinitionArn")) {
        entries.add(new Named(a, child(task, a.name())));
      }
    }
    return own("schedule", entries.toArray(new Named[0]));
  }

  private Attribute reference(String name, Kind kind, String what) {
    return new Attribute(name, null, null, null, null, kind.keyword(), List.of(), false, true,
        "a " + kind.word() + " (its name, or a string for one outside the project); " + what);
  }

  private Block accountSettings() {
    Shape setting = ecs.input("PutAccountSettingDefault");
    List<Named> entries = new ArrayList<>();
    for (String name : setting.member("name").enumValues()) {
      entries.add(new Named(new Attribute(Shape.snake(name), setting, "value", setting.member("value"), null, null,
          List.of("enabled", "disabled"), false, false, "the account setting `" + name + "`: usually `enabled` or `disabled`"),
          null));
    }
    entries.add(new Named(renamed("principal_arn", ecs.input("PutAccountSetting"), "principalArn",
        "apply the settings to this IAM principal only (PutAccountSetting)"), null));
    return own("account_settings", entries.toArray(new Named[0]));
  }

  private Block project() {
    List<Named> entries = new ArrayList<>();
    for (String s : ProjectSettings.SETTINGS) {
      entries.add(switch (s) {
        case "name" -> new Named(setting(s, "string; the project name that tags everything `ecsl apply` creates"
            + " (default: the directory's name)"), null);
        case "region" -> new Named(setting(s, "string; the AWS region ARNs are built for (`--region` wins)"), null);
        case "account_id" -> new Named(setting(s, "string; the 12-digit AWS account ARNs are built for"), null);
        default -> new Named(setting(s, "block of `key = \"value\"`; tags added to every resource that takes tags"),
            new Pairs(setting("value", "string"), null));
      });
    }
    return own("project", entries.toArray(new Named[0]));
  }

  // ------------------------------------------------------------------------------- blocks

  /** Every attribute valid in a block, first-class syntax first, then the API members. */
  public List<Attribute> attributes(Block block) {
    return switch (block) {
      case Own own -> own.attributes();
      case Pairs pairs -> List.of();
      case Structure s -> {
        Map<String, Attribute> out = new LinkedHashMap<>();
        if (s.extras() != null) {
          s.extras().attributes().forEach(a -> out.put(a.name(), a));
        }
        for (String written : sugars.writtenNames(s.shape())) {
          Attribute a = attribute(s.shape(), written);
          if (a != null) {
            out.putIfAbsent(written, a);
          }
        }
        for (String member : s.shape().members().keySet()) {
          String written = Shape.snake(member);
          if (!out.containsKey(written)) {
            Attribute a = attribute(s.shape(), written);
            if (a != null) {
              out.put(written, a);
            }
          }
        }
        yield new ArrayList<>(out.values());
      }
    };
  }

  /** The attribute a name written in a block means, or null when it means nothing there. */
  public Attribute attribute(Block block, String written) {
    return switch (block) {
      case Own own -> own.attributes().stream().filter(a -> a.name().equals(written)).findFirst().orElse(null);
      case Pairs pairs -> null;
      case Structure s -> {
        if (s.extras() != null) {
          Attribute extra = attribute(s.extras(), written);
          if (extra != null) {
            yield extra;
          }
        }
        yield attribute(s.shape(), written);
      }
    };
  }

  /** The block that {@code written { … }} (or {@code written NAME { … }}) opens inside a block, or null. */
  public Block child(Block block, String written) {
    return switch (block) {
      case Own own -> own.children().get(written);
      case Pairs pairs -> null;
      case Structure s -> {
        if (s.extras() != null && s.extras().children().containsKey(written)) {
          yield s.extras().children().get(written);
        }
        yield childOf(s.shape(), written);
      }
    };
  }

  private Attribute attribute(Shape shape, String written) {
    Sugars.Described d = sugars.describe(shape, written);
    if (d == null) {
      return null;
    }
    if (d.fills() != null) {
      Fills f = d.fills();
      Shape owner = ownerOf(shape, f.member());
      String member = owner == null ? null : owner.memberFor(last(f.member()));
      Shape target = member == null ? null : owner.member(member);
      Unit unit = member == null ? null : unitOf(owner, member);
      List<String> values = new ArrayList<>(f.words());
      values.addAll(values(target));
      String reference = f.reference() != null ? f.reference().keyword()
          : f.form() == Fills.Form.CONTAINER_PORT ? "container" : null;
      String type = f.reference() != null ? "a " + f.reference().word() + " (its name, or a string for one outside the project)"
          : f.form() == Fills.Form.CONTAINER_PORT ? "a container port of the service's task definition, e.g. `app.http`"
          : f.form() == Fills.Form.PLACEMENT ? "block of placement rules: " + String.join(", ", Service.PLACEMENT_RULES)
          : f.form() == Fills.Form.CONTAINER_CONDITIONS ? "block of `container = condition` (START, COMPLETE, SUCCESS, HEALTHY)"
          : typeOf(target, unit, owner, member);
      return new Attribute(written, owner, member, target, unit, reference, values, f.labelled(), true,
          type + (member == null ? "" : "; sets `" + f.member() + "`"));
    }
    if (d.repeatList() != null) {
      Shape list = shape.member(d.repeatList());
      Shape element = list.element();
      String summary = (d.repeatLabel() != null ? "`" + written + " NAME " : "`" + written + " ")
          + (d.repeatValue() != null ? (d.repeatLabel() != null && d.repeatValue().equals("valueFrom") ? "from …`" : "= …`") : "{ … }`")
          + ": adds one to `" + d.repeatList() + "`" + (d.repeatLabel() != null ? " (the name sets `" + d.repeatLabel() + "`)" : "");
      Shape valueShape = d.repeatValue() != null ? element.member(d.repeatValue()) : element;
      Unit unit = d.repeatValue() != null ? unitOf(element, d.repeatValue()) : null;
      return new Attribute(written, d.repeatValue() != null ? element : shape, d.repeatValue() != null ? d.repeatValue()
          : d.repeatList(), valueShape, unit, null, values(valueShape), d.repeatLabel() != null, true, summary);
    }
    Shape target = shape.member(d.member());
    Unit unit = unitOf(shape, d.member());
    boolean alias = !Shape.normalize(written).equals(Shape.normalize(d.member()));
    return new Attribute(written, shape, d.member(), target, unit, null, values(target), false, alias,
        typeOf(target, unit, shape, d.member()) + (alias ? "; sets `" + d.member() + "`" : ""));
  }

  private Block childOf(Shape shape, String written) {
    Sugars.Described d = sugars.describe(shape, written);
    if (d == null) {
      return null;
    }
    if (d.fills() != null) {
      Fills f = d.fills();
      if (f.form() == Fills.Form.PLACEMENT) {
        return placement();
      }
      if (f.form() == Fills.Form.CONTAINER_CONDITIONS) {
        Shape dependency = shape.member(shape.memberFor(f.member())).element();
        return new Pairs(attribute(dependency, "condition"), "container");
      }
      Shape owner = ownerOf(shape, f.member());
      String member = owner == null ? null : owner.memberFor(last(f.member()));
      return member == null ? null : blockFor(owner.member(member));
    }
    if (d.repeatList() != null) {
      return new Structure(shape.member(d.repeatList()).element(), null);
    }
    return blockFor(shape.member(d.member()));
  }

  private Own placement() {
    List<Named> rules = new ArrayList<>();
    for (String rule : Service.PLACEMENT_RULES) {
      rules.add(new Named(switch (rule) {
        case "spread" -> setting(rule, "spread tasks evenly over a field: `az`, `instance` or `\"attribute:…\"`",
            "az", "instance");
        case "binpack" -> setting(rule, "place tasks on as few instances as possible by `memory` or `cpu`", "memory", "cpu");
        case "random" -> setting(rule, "place tasks randomly (`random = true`)", "true");
        case "member_of" -> setting(rule, "a constraint in the cluster query language, e.g. "
            + "\"attribute:ecs.instance-type =~ c6i.*\"");
        default -> setting(rule, "each task on a different instance (`distinct_instance = true`)", "true");
      }, null));
    }
    return own("placement", rules.toArray(new Named[0]));
  }

  /** The block a value of this shape is written as, or null for a scalar. */
  private Block blockFor(Shape shape) {
    if (shape == null) {
      return null;
    }
    if (shape.isStructure()) {
      return new Structure(shape, null);
    }
    if (shape.isMap()) {
      return new Pairs(new Attribute("value", null, null, shape.value(), null, null, values(shape.value()), false, false,
          typeOf(shape.value(), null, null, null)), null);
    }
    if (shape.isList() && shape.element().isStructure()) {
      String[] kv = shape.element().keyValueMembers();
      if (kv != null) {
        Shape value = shape.element().member(kv[1]);
        return new Pairs(new Attribute("value", shape.element(), kv[1], value, null, null, values(value), false, false,
            typeOf(value, null, shape.element(), kv[1])), null);
      }
      return new Structure(shape.element(), null);
    }
    return null;
  }

  // ------------------------------------------------------------------------------- descriptions

  private static String last(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  /** The structure that owns the last member of a dotted path. */
  private static Shape ownerOf(Shape shape, String path) {
    Shape owner = shape;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length - 1 && owner != null; i++) {
      String member = owner.memberFor(parts[i]);
      owner = member == null ? null : owner.member(member);
      if (owner != null && owner.isList()) {
        owner = owner.element();
      }
    }
    return owner;
  }

  private static Unit unitOf(Shape owner, String member) {
    Hint hint = owner == null || member == null ? null : Hint.of(owner.name(), member);
    return hint == null ? null : hint.unit;
  }

  private static List<String> values(Shape shape) {
    if (shape == null) {
      return List.of();
    }
    if (shape.isEnum()) {
      return shape.enumValues();
    }
    if (shape.isBoolean()) {
      return List.of("true", "false");
    }
    if (shape.isList() && shape.element().isEnum()) {
      return shape.element().enumValues();
    }
    return List.of();
  }

  /** How the docs describe a value's type: {@code memory (MiB)}, {@code list of string}, {@code block}. */
  static String typeOf(Shape shape, Unit unit, Shape owner, String member) {
    if (shape == null) {
      return "value";
    }
    if (unit != null) {
      Hint hint = Hint.of(owner.name(), member);
      String dimension = unit.dimension().word().toLowerCase(Locale.ROOT);
      String in = switch (unit) {
        case CPU_UNITS -> "CPU units, 1 vcpu = 1024";
        case SECONDS -> "seconds";
        case MINUTES -> "minutes";
        case PERCENT -> "percent";
        default -> unit.symbol();
      };
      return dimension + " (the API counts " + in + (hint != null && hint.asString ? ", as a string" : "") + ")";
    }
    return switch (shape.type()) {
      case "string" -> shape.isEnum() ? "one of " + String.join(", ", shape.enumValues()) : "string";
      case "integer", "long" -> "int";
      case "double", "float" -> "number";
      case "boolean" -> "bool";
      case "timestamp" -> "timestamp (string)";
      case "map" -> "block of `key = value`";
      case "list" -> {
        Shape e = shape.element();
        if (e.isStructure()) {
          yield e.keyValueMembers() != null ? "block of `NAME = value`" : "block, repeatable (one list element each)";
        }
        yield "list of " + typeOf(e, null, null, null);
      }
      case "structure" -> "block";
      default -> shape.type();
    };
  }
}
