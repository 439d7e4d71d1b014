package io.ecsl.lower;

import static io.ecsl.diag.LanguageCode.LABELS;
import static io.ecsl.diag.LanguageCode.SET_TWICE;
import static io.ecsl.diag.LanguageCode.TYPE;
import static io.ecsl.diag.LanguageCode.WRONG_KIND;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.eval.Kind;
import io.ecsl.eval.Value;
import io.ecsl.facts.capacity.FargateProviders;
import io.ecsl.schema.Shape;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first-class syntax on top of the generic model mapping: short names ({@code network},
 * {@code desired}, {@code health}), labelled blocks that add list elements ({@code container app},
 * {@code port http = 8080/tcp}, {@code secret DB from "arn…"}), and typed references
 * ({@code task = web}, {@code container = app.http}). Everything not listed here is reached by
 * its model name.
 */
final class Sugars {
  /** The field holding the {@code = value} of {@code key label = value { … }} when a block refines it. */
  static final String PRIMARY = io.ecsl.eval.Interpreter.PRIMARY;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @FunctionalInterface
  interface Sugar {
    void apply(Struct s, Value.Field f);
  }

  /** A labelled block or attribute that appends one element to a list member. */
  private record Repeat(String listMember, String labelMember, String valueMember) {}

  private final Lower lower;
  private final Map<String, Map<String, String>> aliases = new HashMap<>();
  private final Map<String, Map<String, Repeat>> repeats = new HashMap<>();
  private final Map<String, Map<String, Sugar>> sugars = new HashMap<>();
  private final Map<String, Map<String, Fills>> fills = new HashMap<>();

  Sugars(Lower lower) {
    this.lower = lower;
    registerAliases();
    registerRepeats();
    registerSugars();
  }

  // ------------------------------------------------------------------------------- tables

  private void registerAliases() {
    alias("RegisterTaskDefinitionRequest", "network", "networkMode");
    alias("RegisterTaskDefinitionRequest", "compatibilities", "requiresCompatibilities");
    alias("RegisterTaskDefinitionRequest", "execution_role", "executionRoleArn");
    alias("RegisterTaskDefinitionRequest", "task_role", "taskRoleArn");
    alias("RegisterTaskDefinitionRequest", "platform", "runtimePlatform");
    alias("RegisterTaskDefinitionRequest", "proxy", "proxyConfiguration");
    alias("RuntimePlatform", "os", "operatingSystemFamily");
    alias("RuntimePlatform", "arch", "cpuArchitecture");
    alias("ContainerDefinition", "health", "healthCheck");
    alias("ContainerDefinition", "logs", "logConfiguration");
    alias("ContainerDefinition", "labels", "dockerLabels");
    alias("ContainerDefinition", "firelens", "firelensConfiguration");
    alias("ContainerDefinition", "restart", "restartPolicy");
    alias("ContainerRestartPolicy", "attempt_period", "restartAttemptPeriod");
    alias("LogConfiguration", "driver", "logDriver");
    alias("Ulimit", "soft", "softLimit");
    alias("Ulimit", "hard", "hardLimit");
    alias("MountPoint", "path", "containerPath");
    alias("MountPoint", "volume", "sourceVolume");
    alias("VolumeFrom", "container", "sourceContainer");
    alias("PortMapping", "host", "hostPort");
    alias("PortMapping", "port", "containerPort");
    alias("PortMapping", "range", "containerPortRange");
    alias("Volume", "efs", "efsVolumeConfiguration");
    alias("Volume", "docker", "dockerVolumeConfiguration");
    alias("Volume", "fsx", "fsxWindowsFileServerVolumeConfiguration");
    alias("CreateServiceRequest", "desired", "desiredCount");
    alias("CreateServiceRequest", "deployment", "deploymentConfiguration");
    alias("CreateServiceRequest", "strategy", "capacityProviderStrategy");
    alias("CreateServiceRequest", "grace_period", "healthCheckGracePeriodSeconds");
    alias("CreateServiceRequest", "placement_strategies", "placementStrategy");
    alias("CreateServiceRequest", "registry", "serviceRegistries");
    alias("DeploymentConfiguration", "min_healthy", "minimumHealthyPercent");
    alias("DeploymentConfiguration", "min_healthy_percent", "minimumHealthyPercent");
    alias("DeploymentConfiguration", "max", "maximumPercent");
    alias("DeploymentConfiguration", "max_percent", "maximumPercent");
    alias("DeploymentConfiguration", "circuit_breaker", "deploymentCircuitBreaker");
    alias("LoadBalancer", "port", "containerPort");
    alias("CreateClusterRequest", "default_strategy", "defaultCapacityProviderStrategy");
    alias("CreateClusterRequest", "strategy", "defaultCapacityProviderStrategy");
    alias("ServiceConnectClientAlias", "dns", "dnsName");
  }

  private void registerRepeats() {
    repeat("RegisterTaskDefinitionRequest", "container", new Repeat("containerDefinitions", "name", null));
    repeat("RegisterTaskDefinitionRequest", "volume", new Repeat("volumes", "name", null));
    repeat("RegisterTaskDefinitionRequest", "tag", new Repeat("tags", "key", "value"));
    repeat(Daemons.REGISTER, "container", new Repeat("containerDefinitions", "name", null));
    repeat(Daemons.REGISTER, "volume", new Repeat("volumes", "name", null));
    repeat(Daemons.REGISTER, "tag", new Repeat("tags", "key", "value"));
    repeat(Daemons.CREATE, "tag", new Repeat("tags", "key", "value"));
    repeat("DaemonContainerDefinition", "secret", new Repeat("secrets", "name", "valueFrom"));
    repeat("DaemonContainerDefinition", "mount", new Repeat("mountPoints", "sourceVolume", "containerPath"));
    repeat("DaemonContainerDefinition", "system_control", new Repeat("systemControls", "namespace", "value"));
    repeat("DaemonContainerDefinition", "environment_file", new Repeat("environmentFiles", null, "value"));
    repeat("ContainerDefinition", "secret", new Repeat("secrets", "name", "valueFrom"));
    repeat("ContainerDefinition", "mount", new Repeat("mountPoints", "sourceVolume", "containerPath"));
    repeat("ContainerDefinition", "volumes_from", new Repeat("volumesFrom", "sourceContainer", null));
    repeat("ContainerDefinition", "extra_host", new Repeat("extraHosts", "hostname", "ipAddress"));
    repeat("ContainerDefinition", "system_control", new Repeat("systemControls", "namespace", "value"));
    repeat("ContainerDefinition", "environment_file", new Repeat("environmentFiles", null, "value"));
    repeat("LogConfiguration", "secret_option", new Repeat("secretOptions", "name", "valueFrom"));
    repeat("ServiceConnectConfiguration", "service", new Repeat("services", "portName", null));
    repeat("CreateServiceRequest", "tag", new Repeat("tags", "key", "value"));
    repeat("CreateClusterRequest", "tag", new Repeat("tags", "key", "value"));
  }

  private void registerSugars() {
    Container.register(this);
    Service.register(this);
    Elb.register(this);
    DiscoveryServices.register(this);
    ExpressServices.register(this);
    Daemons.register(this);
    ManagedInstances.register(this);
    sugar("RegisterTaskDefinitionRequest", "cpu", Fills.member("cpu"), (s, f) -> s.set("cpu", quantityOrString(s, "cpu", f), f.span()));
    sugar("RegisterTaskDefinitionRequest", "memory", Fills.member("memory"), (s, f) -> s.set("memory", quantityOrString(s, "memory", f), f.span()));
    sugar("RegisterTaskDefinitionRequest", "ephemeral_storage", Fills.member("ephemeralStorage"), (s, f) -> {
      if (f.value() instanceof Value.Obj) {
        s.set("ephemeralStorage", s.lowerMember("ephemeralStorage", f.key(), f.value(), f.span()), f.span());
        return;
      }
      ObjectNode storage = JSON.objectNode();
      Shape shape = s.shape.member("ephemeralStorage");
      JsonNode size = lower.value(f.value(), shape.member("sizeInGiB"),
          s.memberLoc("ephemeralStorage", f.key(), f.span()).member("sizeInGiB", f.key(), f.span(), Hint.GIB));
      if (size != null) {
        storage.set("sizeInGiB", size);
        s.set("ephemeralStorage", storage, f.span());
      }
    });
    // `host = "/path"` on a task's volume or a daemon's (DaemonVolume): the host path it binds.
    for (String volume : List.of("Volume", "DaemonVolume")) {
      sugar(volume, "host", Fills.member("host"), (s, f) -> {
        if (f.value() instanceof Value.Str path) {
          ObjectNode host = JSON.objectNode();
          host.put("sourcePath", path.value());
          s.set("host", host, f.span());
        } else {
          s.set("host", s.lowerMember("host", f.key(), f.value(), f.span()), f.span());
        }
      });
    }
    sugar("CreateClusterRequest", "capacity_providers",
        Fills.reference("capacityProviders", Kind.CAPACITY_PROVIDER).words(FargateProviders.ALL), (s, f) ->
        s.set("capacityProviders", providerNames(f.value(), s.memberLoc("capacityProviders", f.key(), f.span())), f.span()));
    sugar("CreateClusterRequest", "container_insights", Fills.member("settings").words("enabled", "enhanced", "disabled"), (s, f) -> {
      ArrayNode settings = s.list("settings", f.span());
      ObjectNode setting = JSON.objectNode();
      setting.put("name", "containerInsights");
      String value = f.value() instanceof Value.Bool b ? (b.value() ? "enabled" : "disabled") : word(f.value());
      if (value == null) {
        lower.mismatch(f.value(), "`enabled`, `enhanced` or `disabled`", s.memberLoc("settings", f.key(), f.span()));
        return;
      }
      setting.put("value", value);
      lower.spans().put(s.at("settings").element(settings.size(), f.span()), f.span());
      settings.add(setting);
    });
    sugar("CreateClusterRequest", "service_connect_namespace",
        Fills.reference("serviceConnectDefaults.namespace", Kind.NAMESPACE), (s, f) -> {
      ObjectNode defaults = JSON.objectNode();
      String ns = reference(f.value(), Kind.NAMESPACE, s.memberLoc("serviceConnectDefaults", f.key(), f.span()));
      if (ns != null) {
        defaults.put("namespace", ns);
        s.set("serviceConnectDefaults", defaults, f.span());
      }
    });
    sugar("ClusterServiceConnectDefaultsRequest", "namespace", Fills.reference("namespace", Kind.NAMESPACE), (s, f) ->
        s.set("namespace", JSON.textNode(orEmpty(reference(f.value(), Kind.NAMESPACE, s.memberLoc("namespace", f.key(), f.span())))), f.span()));
    sugar("CapacityProviderStrategyItem", "capacity_provider",
        Fills.reference("capacityProvider", Kind.CAPACITY_PROVIDER).words(FargateProviders.ALL), (s, f) -> {
      s.written("capacityProvider");  // a provider that is not found is reported once, not again as missing
      String name = providerName(f.value(), s.memberLoc("capacityProvider", f.key(), f.span()));
      if (name != null) {
        s.set("capacityProvider", JSON.textNode(name), f.span());
      }
    });
    sugar("CreateCapacityProviderRequest", "auto_scaling_group", Fills.member("autoScalingGroupProvider.autoScalingGroupArn"), (s, f) -> asgMember(s, f, "autoScalingGroupArn"));
    sugar("CreateCapacityProviderRequest", "managed_scaling", Fills.member("autoScalingGroupProvider.managedScaling"), (s, f) -> asgMember(s, f, "managedScaling"));
    sugar("CreateCapacityProviderRequest", "managed_termination_protection",
        Fills.member("autoScalingGroupProvider.managedTerminationProtection"), (s, f) -> asgMember(s, f, "managedTerminationProtection"));
    sugar("CreateCapacityProviderRequest", "managed_draining", Fills.member("autoScalingGroupProvider.managedDraining"), (s, f) -> asgMember(s, f, "managedDraining"));
  }

  /** Writing the Auto Scaling group's settings directly in the capacity provider block. */
  private void asgMember(Struct s, Value.Field f, String member) {
    ObjectNode provider = (ObjectNode) s.get("autoScalingGroupProvider");
    if (provider == null) {
      provider = JSON.objectNode();
      s.set("autoScalingGroupProvider", provider, f.span());
    }
    Shape shape = s.shape.member("autoScalingGroupProvider");
    Loc loc = s.memberLoc("autoScalingGroupProvider", "auto_scaling_group", f.span())
        .member(member, f.key(), f.span(), Hint.of(shape.name(), member));
    JsonNode value = lower.value(f.value(), shape.member(member), loc);
    if (value != null) {
      if (provider.has(member)) {
        lower.report(Diagnostic.error(SET_TWICE, f.keySpan(), "`" + f.key() + "` is set twice").withHint("keep one"));
        return;
      }
      provider.set(member, value);
      // keep the model's member order inside the provider
      ObjectNode ordered = JSON.objectNode();
      for (String m : shape.members().keySet()) {
        if (provider.has(m)) {
          ordered.set(m, provider.get(m));
        }
      }
      provider.removeAll();
      provider.setAll(ordered);
    }
  }

  void alias(String shape, String written, String member) {
    aliases.computeIfAbsent(shape, k -> new HashMap<>()).put(Shape.normalize(written), member);
    shortNames.computeIfAbsent(shape, k -> new HashMap<>()).putIfAbsent(member, written);
    spelled(shape, written);
  }

  /** The first short name of each member that has one, per shape: what a hint tells users to write. */
  private final Map<String, Map<String, String>> shortNames = new HashMap<>();

  /** How the docs spell a member in hints: its short name if it has one, else the member in snake case. */
  String spelling(Shape shape, String member) {
    String written = shortNames.getOrDefault(shape.name(), Map.of()).get(member);
    return written != null ? written : Shape.snake(member);
  }

  /** A labelled form declared outside this class: {@code written LABEL = VALUE} adds an element to {@code list}. */
  void repeat(String shape, String written, String list, String labelMember, String valueMember) {
    repeat(shape, written, new Repeat(list, labelMember, valueMember));
  }

  private void repeat(String shape, String written, Repeat r) {
    repeats.computeIfAbsent(shape, k -> new LinkedHashMap<>()).put(Shape.normalize(written), r);
    spelled(shape, written);
  }

  void sugar(String shape, String written, Fills what, Sugar sugar) {
    sugars.computeIfAbsent(shape, k -> new LinkedHashMap<>()).put(Shape.normalize(written), sugar);
    fills.computeIfAbsent(shape, k -> new LinkedHashMap<>()).put(Shape.normalize(written), what);
    spelled(shape, written);
  }

  /** The names as the docs spell them (`grace_period`), for hints; the maps above are keyed for matching. */
  private final Map<String, Set<String>> spellings = new HashMap<>();

  private void spelled(String shape, String written) {
    spellings.computeIfAbsent(shape, k -> new LinkedHashSet<>()).add(written);
  }

  Lower lower() {
    return lower;
  }

  // ------------------------------------------------------------------------------- dispatch

  /** What a written name means in a shape: its sugar, its labelled form, the member it names. */
  private record Meaning(Sugar sugar, Repeat repeat, String member) {}

  /**
   * Meanings resolved so far, per shape and name as written. A large project asks about the same
   * few hundred names millions of times; each answer took a dozen hash lookups. A Sugars belongs to
   * one Lower, which belongs to one thread, so plain maps do.
   */
  private final Map<Shape, Map<String, Meaning>> meanings = new HashMap<>();

  private Meaning meaning(Shape shape, String written) {
    Map<String, Meaning> byName = meanings.computeIfAbsent(shape, k -> new HashMap<>());
    Meaning m = byName.get(written);
    if (m == null) {
      String key = Shape.normalize(written);
      m = new Meaning(sugars.getOrDefault(shape.name(), Map.of()).get(key),
          repeats.getOrDefault(shape.name(), Map.of()).get(key), resolveMember(shape, written));
      byName.put(written, m);
    }
    return m;
  }

  /** Applies the sugar for this field if there is one; true when it handled the field. */
  boolean apply(Struct s, Value.Field f) {
    Meaning meaning = meaning(s.shape, f.key());
    Sugar sugar = meaning.sugar();
    if (sugar != null) {
      sugar.apply(s, f);
      return true;
    }
    Repeat r = meaning.repeat();
    if (r != null && (!f.labels().isEmpty() || f.block() || r.labelMember() == null)) {
      repeated(s, f, r);
      return true;
    }
    return false;
  }

  /** True when a sugar or labelled form exists for this name in this shape. */
  boolean handles(Shape shape, String written) {
    Meaning m = meaning(shape, written);
    return m.sugar() != null || m.repeat() != null;
  }

  /** The member an attribute name means here: an alias, the member itself, or the plural of it. */
  String memberFor(Shape shape, String written) {
    return meaning(shape, written).member();
  }

  private String resolveMember(Shape shape, String written) {
    String alias = aliases.getOrDefault(shape.name(), Map.of()).get(Shape.normalize(written));
    if (alias != null) {
      return alias;
    }
    String member = shape.memberFor(written);
    if (member != null) {
      return member;
    }
    for (String plural : new String[] {written + "s", written + "es", written.replaceAll("y$", "ies")}) {
      member = shape.memberFor(plural);
      if (member != null && shape.member(member).isList()) {
        return member;
      }
    }
    return null;
  }

  /** What a name written in a shape means, described for editors (see {@link Vocabulary}). */
  record Described(String written, Fills fills, String repeatList, String repeatLabel, String repeatValue, String member) {}

  /** The description of a name in a shape, or null when it means nothing there. */
  Described describe(Shape shape, String written) {
    String key = Shape.normalize(written);
    Fills f = fills.getOrDefault(shape.name(), Map.of()).get(key);
    Repeat r = repeats.getOrDefault(shape.name(), Map.of()).get(key);
    String member = resolveMember(shape, written);
    if (f == null && r == null && member == null) {
      return null;
    }
    return new Described(written, f, r == null ? null : r.listMember(), r == null ? null : r.labelMember(),
        r == null ? null : r.valueMember(), member);
  }

  /** Every shorthand name valid in a shape, for "did you mean". */
  List<String> writtenNames(Shape shape) {
    return new ArrayList<>(spellings.getOrDefault(shape.name(), Set.of()));
  }

  private void repeated(Struct s, Value.Field f, Repeat r) {
    if (f.labels().size() > 1) {
      lower.report(Diagnostic.error(LABELS, f.keySpan(), "`" + f.key() + "` takes one name").withHint(null));
      return;
    }
    Shape element = s.shape.member(r.listMember()).element();
    ArrayNode list = s.list(r.listMember(), f.keySpan());
    // The description captures a string and a place, not the value or the structure.
    String written = "`" + f.key() + (f.label() != null ? " " + f.label() : "") + "`";
    Loc owner = s.loc;
    Loc loc = s.memberLoc(r.listMember(), f.key(), f.span()).element(list.size(), f.span())
        .named(() -> written + Loc.in(owner));
    Value.Obj body = f.value() instanceof Value.Obj o ? o : new Value.Obj(f.valueSpan(), List.of());
    Value primary = f.value() instanceof Value.Obj o ? o.get(PRIMARY) : f.value();
    if (f.label() == null && r.labelMember() != null && !(f.value() instanceof Value.Obj)) {
      lower.report(Diagnostic.error(LABELS, f.keySpan(), "`" + f.key() + "` needs a name here")
          .withHint("write `" + f.key() + " NAME = …`"));
      return;
    }
    Struct e = lower.structure(body, element, loc);
    if (f.label() != null && r.labelMember() != null && !e.has(r.labelMember())) {
      e.set(r.labelMember(), JSON.textNode(f.label()), f.keySpan());
    }
    if (primary != null && r.valueMember() != null) {
      Loc valueLoc = loc.member(r.valueMember(), f.key(), f.valueSpan(), Hint.of(element.name(), r.valueMember()));
      JsonNode v = lower.value(primary, element.member(r.valueMember()), element.member(r.valueMember()).isString()
          && !element.member(r.valueMember()).isEnum() ? valueLoc.stringifying() : valueLoc);
      e.set(r.valueMember(), v, f.valueSpan());
    } else if (primary != null) {
      lower.report(Diagnostic.error(TYPE, f.valueSpan(), "`" + f.key() + "` takes a block, not a value")
          .withHint("write `" + f.key() + " " + (f.label() == null ? "" : f.label() + " ") + "{ … }`"));
    }
    e.checkRequired(f.span());
    list.add(e.build());
  }

  // ------------------------------------------------------------------------------- references

  /**
   * The AWS name behind a typed reference: {@code web} for a task definition, {@code prod} for a
   * cluster. A string is taken as the name of something managed elsewhere.
   */
  String reference(Value v, Kind expected, Loc loc) {
    return switch (v) {
      case Value.Ref r when r.of(expected) != null -> r.of(expected).awsName(lower.interpreter());
      case Value.Ref r -> {
        lower.report(Diagnostic.error(WRONG_KIND, loc.span(), loc.where() + " needs a " + expected.word() + ", but `"
            + r.target().label() + "` is a " + r.describe().replaceFirst(" `.*", ""))
            .withLabel(r.target().labelSpan(), "`" + r.target().label() + "` is declared here")
            .withHint("name a " + expected.word() + " declared with `" + expected.keyword() + " NAME { … }`, or give its name as a string"));
        yield null;
      }
      case Value.Str s -> s.value();
      case Value.Error e -> null;
      case Value.Symbol s -> throw lower.interpreter().unknownName(s,
          expected == Kind.CAPACITY_PROVIDER ? FargateProviders.ALL : List.of(), undeclared(s.name(), expected, loc));
      default -> {
        lower.mismatch(v, "a " + expected.word(), loc);
        yield null;
      }
    };
  }

  /**
   * The ARN behind a reference to a declared Elastic Load Balancing resource: the placeholder
   * {@code ${target-group:web}} that apply and deploy.sh replace with the ARN AWS gives it
   * ({@link io.ecsl.model.ArnPlaceholder}). A string is an ARN of something managed elsewhere.
   */
  String arnReference(Value v, Kind expected, io.ecsl.model.ResourceKind kind, Loc loc) {
    if (v instanceof Value.Ref r && r.of(expected) != null) {
      return io.ecsl.model.ArnPlaceholder.of(kind, r.of(expected).awsName(lower.interpreter()));
    }
    return reference(v, expected, loc);
  }


  /**
   * What to do about a reference to something not declared: declare it, or give its name as a
   * string for one that exists outside the project (`in "prod"`, `task = "web:7"`).
   */
  private static String undeclared(String name, Kind expected, Loc loc) {
    String written = loc.written();
    String asString = written == null ? "\"" + name + "\"" : written.equals("in") ? "in \"" + name + "\""
        : written + " = \"" + name + "\"";
    String declaration = expected.keyword() + " " + name + (expected == Kind.TASK ? " { container … }" : " {}");
    String elsewhere = switch (expected) {
      case CLUSTER -> "a cluster created elsewhere";
      case TASK -> "a task definition registered elsewhere (`\"" + name + ":7\"` pins a revision)";
      default -> "a " + expected.word() + " created elsewhere";
    };
    return "declare `" + declaration + "`, or write `" + asString + "` for " + elsewhere;
  }

  /** A capacity provider: a declared one, the built-in FARGATE / FARGATE_SPOT, or a name. */
  String providerName(Value v, Loc loc) {
    if (v instanceof Value.Symbol s && FargateProviders.ALL.contains(s.name())) {
      return s.name();
    }
    return reference(v, Kind.CAPACITY_PROVIDER, loc);
  }

  private JsonNode providerNames(Value v, Loc loc) {
    if (!(v instanceof Value.ListV list)) {
      return lower.mismatch(v, "a list of capacity providers", loc);
    }
    ArrayNode out = JSON.arrayNode();
    lower.spans().list(out, loc);
    for (Value item : list.items()) {
      String name = providerName(item, loc.element(out.size(), item.span()));
      if (name != null) {
        lower.spans().put(loc.element(out.size(), item.span()), item.span());
        out.add(name);
      }
    }
    return out;
  }

  /** {@code cpu = 0.5 vcpu} or {@code "512"} on a task: the API's string form. */
  private JsonNode quantityOrString(Struct s, String member, Value.Field f) {
    return s.lowerMember(member, f.key(), f.value(), f.span());
  }

  /** A bare word or string, e.g. {@code enabled}; null for anything else. */
  static String word(Value v) {
    return v instanceof Value.Symbol s ? s.name() : v instanceof Value.Str s ? s.value() : null;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  // ------------------------------------------------------------------------------- key/value lists

  /**
   * A list element written in short form: `FARGATE_SPOT` in a strategy list is an item with no
   * base or weight. Other values are returned unchanged.
   */
  static Value shorthandElement(Value item, Shape element) {
    if (element.name().equals("CapacityProviderStrategyItem")
        && (item instanceof Value.Symbol || item instanceof Value.Ref || item instanceof Value.Str)) {
      return new Value.Obj(item.span(), List.of(new Value.Field("capacity_provider", List.of(), item, item.span(),
          item.span(), null, false, false)));
    }
    return item;
  }

  /** True for {name, value}-like element shapes, which a {@code { K = v }} block can fill. */
  static boolean isKeyValue(Shape element) {
    return element.isStructure() && keyValueMembers(element) != null;
  }

  /** The key and value members of a key/value element shape, or null. */
  static String[] keyValueMembers(Shape element) {
    return element.keyValueMembers();
  }

  static Span spanOf(Value.Field f) {
    return f.span();
  }
}
