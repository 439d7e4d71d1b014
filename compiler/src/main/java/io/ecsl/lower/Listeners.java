package io.ecsl.lower;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.eval.Declaration;
import io.ecsl.eval.Interpreter;
import io.ecsl.eval.Kind;
import io.ecsl.eval.Value;
import io.ecsl.model.ArnPlaceholder;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.schema.ServiceModel;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code listener http in web { port = 80, protocol = HTTP, forward = app }}: a CreateListener
 * request on the load balancer it is {@code in}, which it names by an ARN placeholder. A listener is
 * named {@code LOAD_BALANCER:PORT} (AWS gives it no name; the port is unique on its load balancer).
 */
final class Listeners {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ModelBuilder builder;
  private final ProjectSettings project;

  Listeners(ModelBuilder builder, ProjectSettings project) {
    this.builder = builder;
    this.project = project;
  }

  List<Resource> lower(Declaration d) {
    ModelBuilder.Request req = builder.request(d, ServiceModel.ELBV2, "CreateListener", "listener `" + d.label() + "`");
    Value.Obj body = d.body(builder.interpreter());
    Struct s = builder.lower().structure(ModelBuilder.without(body, "owned_elsewhere", "rule"), req.shape, req.loc);
    Value in = d.in(builder.interpreter());
    String loadBalancer = null;
    if (in != null) {
      String label = d.label();
      String arn = builder.lower().sugars().arnReference(in, Kind.LOAD_BALANCER, ResourceKind.LOAD_BALANCER,
          req.loc.member("LoadBalancerArn", "in", in.span(), null).named(() -> "`in` of listener `" + label + "`"));
      if (arn != null) {
        s.set("LoadBalancerArn", JSON.textNode(arn), in.span());
        loadBalancer = in instanceof Value.Ref r && r.of(Kind.LOAD_BALANCER) != null
            ? r.of(Kind.LOAD_BALANCER).awsName(builder.interpreter()) : arn;
      } else {
        s.set("LoadBalancerArn", JSON.textNode(""), in.span()); // the wrong `in` is reported; not "missing" too
      }
    }
    project.applyTags(s, "Tags", d.span());
    s.checkRequired(d.span());
    ObjectNode json = s.build();
    String name = (loadBalancer == null ? "?" : loadBalancer) + ":" + json.path("Port").asText(d.label());
    List<Resource> out = new ArrayList<>();
    out.add(new Resource(ResourceKind.LISTENER, name, null, d.span(),
        List.of(req.finish(json, "listeners/" + fileName(name) + ".json")),
        OwnedElsewhere.read(builder, d, json, ResourceKind.LISTENER, req.shape)));
    for (Value.Field f : body.fields()) {
      if (f.key().equals("rule")) {
        Resource rule = rule(d, f, name);
        if (rule != null) {
          out.add(rule);
        }
      }
    }
    return out;
  }

  /**
   * {@code rule api { priority = 10, path = "/api/*", forward = api }}: a CreateRule request on
   * this listener, named {@code LOAD_BALANCER:PORT:PRIORITY} (a priority is unique on a listener).
   */
  private Resource rule(Declaration d, Value.Field f, String listener) {
    String label = f.labels().isEmpty() ? "rule" : f.labels().get(0);
    if (!(f.value() instanceof Value.Obj ruleBody)) {
      builder.lower().mismatch(f.value(), "a block `rule NAME { priority = 10, path = \"/api/*\", forward = api }`",
          Loc.root("rule `" + label + "` of listener `" + d.label() + "`", f.span()));
      return null;
    }
    ModelBuilder.Request req = builder.request(f.span(), ServiceModel.ELBV2, "CreateRule",
        "rule `" + label + "` of listener `" + d.label() + "`");
    Struct s = builder.lower().structure(ruleBody, req.shape, req.loc);
    s.set("ListenerArn", JSON.textNode(ArnPlaceholder.of(ResourceKind.LISTENER, listener)), f.span());
    project.applyTags(s, "Tags", f.span());
    s.checkRequired(f.span());
    ObjectNode json = s.build();
    String name = listener + ":" + json.path("Priority").asText(label);
    return new Resource(ResourceKind.LISTENER_RULE, name, null, f.span(),
        List.of(req.finish(json, "listener-rules/" + fileName(name) + ".json")), java.util.Map.of());
  }

  /**
   * The name of listener {@code d} as its resource has it ({@code LOAD_BALANCER:PORT}), for a
   * reference to it ({@code production_listener = http}) before it is lowered; null when its
   * {@code in} names no load balancer (reported where the listener is lowered).
   */
  static String listenerName(Interpreter interpreter, Declaration d) {
    Value in = d.in(interpreter);
    String loadBalancer = in instanceof Value.Ref r && r.of(Kind.LOAD_BALANCER) != null
        ? r.of(Kind.LOAD_BALANCER).awsName(interpreter) : in instanceof Value.Str s ? s.value() : null;
    if (loadBalancer == null) {
      return null;
    }
    return loadBalancer + ":" + (d.body(interpreter).get("port") instanceof Value.Int port ? Long.toString(port.value()) : d.label());
  }

  /**
   * The name of rule {@code rule} of listener {@code d} as its resource has it
   * ({@code LOAD_BALANCER:PORT:PRIORITY}), for {@code production_listener_rule = http.canary}.
   */
  static String ruleName(Interpreter interpreter, Declaration d, String rule) {
    String listener = listenerName(interpreter, d);
    if (listener == null) {
      return null;
    }
    for (Value.Field f : d.body(interpreter).all("rule")) {
      if (rule.equals(f.label())) {
        Value priority = f.value() instanceof Value.Obj body ? body.get("priority") : null;
        return listener + ":" + (priority instanceof Value.Int p ? Long.toString(p.value()) : rule);
      }
    }
    return null;
  }

  private static String fileName(String name) {
    return name.replace(':', '-').replace('/', '_');
  }
}
