package io.ecsl.lower;

import static io.ecsl.diag.LanguageCode.MISSING_REQUIRED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ecsl.diag.Diagnostic;
import io.ecsl.eval.Value;
import io.ecsl.schema.Shape;
import java.util.List;

/** First-class container syntax: ports, environment, ulimits, dependencies and health checks. */
final class Container {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Container() {}

  static void register(Sugars sugars) {
    Lower lower = sugars.lower();
    sugars.sugar("ContainerDefinition", "port", Fills.member("portMappings").withName(), (s, f) -> port(lower, s, f));
    // A daemon's containers (DaemonContainerDefinition) read like a task's, without ports.
    for (String shape : List.of("ContainerDefinition", "DaemonContainerDefinition")) {
      sugars.sugar(shape, "env", Fills.member("environment").withName(), (s, f) -> env(lower, s, f));
      sugars.sugar(shape, "ulimit", Fills.member("ulimits").withName(), (s, f) -> ulimit(lower, s, f));
      sugars.sugar(shape, "depends_on", Fills.member("dependsOn").as(Fills.Form.CONTAINER_CONDITIONS), (s, f) -> dependsOn(lower, s, f));
    }
    sugars.sugar("HealthCheck", "command", Fills.member("command"), (s, f) -> healthCommand(lower, s, f));
  }

  /**
   * {@code port http = 8080/tcp}, {@code port = 8080}, {@code port 8000-8010/udp},
   * {@code port http = 8080/tcp { host = 0, app_protocol = http }}.
   */
  private static void port(Lower lower, Struct s, Value.Field f) {
    if (f.label() == null && f.value() instanceof Value.ListV ports) {
      // `port = [8080/tcp, 8443/tcp]`: several unnamed ports at once.
      for (Value p : ports.items()) {
        port(lower, s, new Value.Field(f.key(), java.util.List.of(), p, f.keySpan(), p.span(), null, false, false));
      }
      return;
    }
    ArrayNode list = s.list("portMappings", f.keySpan());
    Shape mapping = s.shape.member("portMappings").element();
    // Descriptions capture strings and places, not values or structures: the Loc outlives lowering.
    String label = f.label();
    Loc owner = s.loc;
    Loc loc = s.memberLoc("portMappings", "port", f.span()).element(list.size(), f.span())
        .named(() -> "port" + (label != null ? " `" + label + "`" : "") + Loc.in(owner));
    Value.Obj body = f.value() instanceof Value.Obj o ? o : new Value.Obj(f.valueSpan(), List.of());
    Value primary = f.value() instanceof Value.Obj o ? o.get(Sugars.PRIMARY) : f.value();
    Struct e = lower.structure(body, mapping, loc);
    if (f.label() != null) {
      e.set("name", JSON.textNode(f.label()), f.keySpan());
    }
    switch (primary) {
      case null -> {}
      case Value.Port p when p.isRange() -> {
        e.set("containerPortRange", JSON.textNode(p.from() + "-" + p.to()), p.span());
        if (p.protocol() != null) {
          e.set("protocol", JSON.textNode(p.protocol()), p.span());
        }
      }
      case Value.Port p -> {
        e.set("containerPort", JSON.numberNode(p.from()), p.span());
        if (p.protocol() != null) {
          e.set("protocol", JSON.textNode(p.protocol()), p.span());
        }
      }
      case Value.Int i -> e.set("containerPort", JSON.numberNode(i.value()), f.valueSpan());
      default -> lower.mismatch(primary, "a port such as `8080/tcp`", loc);
    }
    if (!e.has("containerPort") && !e.has("containerPortRange")) {
      lower.report(Diagnostic.error(MISSING_REQUIRED, f.span(), "port" + (f.label() != null ? " `" + f.label() + "`" : "")
          + s.where() + " needs a container port").withHint("write `port " + (f.label() != null ? f.label() + " " : "")
          + "= 8080/tcp`"));
      return;
    }
    list.add(e.build());
  }

  /** {@code env { K = "v" }} (all at once) or {@code env K = "v"} (one variable). */
  private static void env(Lower lower, Struct s, Value.Field f) {
    if (f.label() == null) {
      JsonNode value = s.lowerMember("environment", f.key(), f.value(), f.span());
      if (value instanceof ArrayNode entries) {
        ArrayNode list = s.list("environment", f.keySpan());
        int base = list.size();
        for (int i = 0; i < entries.size(); i++) {
          list.add(entries.get(i));
          lower.spans().put(s.at("environment").element(base + i, f.span()), f.span());
        }
      }
      return;
    }
    ArrayNode list = s.list("environment", f.keySpan());
    Shape kv = s.shape.member("environment").element();
    Loc loc = s.memberLoc("environment", f.key(), f.span()).element(list.size(), f.span());
    String name = f.label();
    Loc owner = s.loc;
    JsonNode value = lower.value(f.value(), kv.member("value"), loc.member("value", f.label(), f.valueSpan(), null).stringifying()
        .named(() -> "environment variable `" + name + "`" + Loc.in(owner)));
    if (value != null) {
      var entry = JSON.objectNode();
      entry.put("name", f.label());
      entry.set("value", value);
      lower.spans().putChild(loc, "name", -1, f.keySpan());
      list.add(entry);
    }
  }

  /** {@code ulimit nofile = 65536} (soft = hard) or {@code ulimit nofile { soft = 1024, hard = 4096 }}. */
  private static void ulimit(Lower lower, Struct s, Value.Field f) {
    if (f.label() == null) {
      s.set("ulimits", s.lowerMember("ulimits", f.key(), f.value(), f.span()), f.span());
      return;
    }
    ArrayNode list = s.list("ulimits", f.keySpan());
    Shape ulimit = s.shape.member("ulimits").element();
    String limitName = f.label();
    Loc owner = s.loc;
    Loc loc = s.memberLoc("ulimits", f.key(), f.span()).element(list.size(), f.span())
        .named(() -> "ulimit `" + limitName + "`" + Loc.in(owner));
    Struct e;
    if (f.value() instanceof Value.Obj o) {
      e = lower.structure(o, ulimit, loc);
    } else {
      e = lower.structure(new Value.Obj(f.valueSpan(), List.of()), ulimit, loc);
      JsonNode n = lower.value(f.value(), ulimit.member("softLimit"), loc.member("softLimit", f.label(), f.valueSpan(), null));
      e.set("softLimit", n, f.valueSpan());
      e.set("hardLimit", n == null ? null : n.deepCopy(), f.valueSpan());
    }
    JsonNode name = lower.value(new Value.Str(f.keySpan(), f.label()), ulimit.member("name"),
        loc.member("name", f.label(), f.keySpan(), null).named(() -> "ulimit name"));
    e.set("name", name, f.keySpan());
    e.checkRequired(f.span());
    list.add(e.build());
  }

  /** {@code depends_on { envoy = HEALTHY, init = SUCCESS }}: container name to condition. */
  private static void dependsOn(Lower lower, Struct s, Value.Field f) {
    if (!(f.value() instanceof Value.Obj o) || f.value() instanceof Value.Obj obj && obj.get(Sugars.PRIMARY) != null) {
      s.set("dependsOn", s.lowerMember("dependsOn", f.key(), f.value(), f.span()), f.span());
      return;
    }
    ArrayNode list = s.list("dependsOn", f.keySpan());
    Shape dependency = s.shape.member("dependsOn").element();
    for (Value.Field d : o.fields()) {
      Loc loc = s.memberLoc("dependsOn", f.key(), d.span()).element(list.size(), d.span());
      var entry = JSON.objectNode();
      entry.put("containerName", d.key());
      lower.spans().putChild(loc, "containerName", -1, d.keySpan());
      String name = d.key();
      Loc owner = s.loc;
      JsonNode condition = lower.value(d.value(), dependency.member("condition"),
          loc.member("condition", d.key(), d.valueSpan(), null).named(() -> "the condition on `" + name + "`" + Loc.in(owner)));
      if (condition != null) {
        entry.set("condition", condition);
        list.add(entry);
      }
    }
  }

  /** A string is a shell command (CMD-SHELL); a list is exec form (CMD) unless it says otherwise. */
  private static void healthCommand(Lower lower, Struct s, Value.Field f) {
    ArrayNode command = JSON.arrayNode();
    switch (f.value()) {
      case Value.Str str -> {
        command.add("CMD-SHELL");
        command.add(str.value());
      }
      case Value.ListV list -> {
        JsonNode items = s.lowerMember("command", f.key(), list, f.span());
        if (!(items instanceof ArrayNode a)) {
          return;
        }
        String first = a.isEmpty() ? "" : a.get(0).asText();
        if (!first.equals("CMD") && !first.equals("CMD-SHELL") && !first.equals("NONE")) {
          command.add("CMD");
        }
        command.addAll(a);
      }
      default -> {
        lower.mismatch(f.value(), "a shell command string or a list", s.memberLoc("command", f.key(), f.span()));
        return;
      }
    }
    s.set("command", command, f.span());
  }
}
