package io.ecsl.lower;

import static io.ecsl.diag.LanguageCode.INVALID_VALUE;
import static io.ecsl.diag.LanguageCode.SET_TWICE;
import static io.ecsl.diag.LanguageCode.WRONG_KIND;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Suggestions;
import io.ecsl.eval.Declaration;
import io.ecsl.eval.Kind;
import io.ecsl.eval.Value;
import io.ecsl.facts.deployment.LifecycleStage;
import io.ecsl.model.ArnPlaceholder;
import io.ecsl.model.ResourceKind;
import io.ecsl.schema.Shape;
import java.util.List;

/**
 * First-class deployment strategies: {@code strategy = canary(10%, bake = 5m)} (the functions
 * return the deployment configuration members they stand for, spread here), {@code bake = 10m},
 * lifecycle hooks by stage ({@code hook post_scale_up = lambda("arn:…", role = "arn:…")},
 * {@code hook post_test_traffic_shift = pause(timeout = 2h)}), and a load balancer's advanced
 * configuration written in the load balancer ({@code alternate_target_group}, {@code
 * production_listener_rule}, {@code test_listener_rule}, {@code role}).
 */
final class Deployments {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Deployments() {}

  static void register(Sugars sugars) {
    Lower lower = sugars.lower();
    sugars.sugar("DeploymentConfiguration", "strategy",
        Fills.member("strategy").words("rolling", "blue_green", "linear", "canary"), (s, f) -> strategy(sugars, s, f));
    sugars.alias("DeploymentConfiguration", "bake", "bakeTimeInMinutes");
    sugars.alias("DeploymentConfiguration", "bake_time", "bakeTimeInMinutes");
    sugars.alias("DeploymentConfiguration", "hooks", "lifecycleHooks");
    sugars.sugar("DeploymentConfiguration", "hook", Fills.member("lifecycleHooks").withName(), (s, f) -> hook(lower, s, f));
    sugars.alias("DeploymentLifecycleHook", "stages", "lifecycleStages");
    sugars.alias("DeploymentLifecycleHook", "function", "hookTargetArn");
    sugars.alias("DeploymentLifecycleHook", "role", "roleArn");
    sugars.alias("DeploymentLifecycleHook", "details", "hookDetails");
    sugars.alias("DeploymentLifecycleHook", "timeout", "timeoutConfiguration");
    sugars.alias("LoadBalancer", "advanced", "advancedConfiguration");
    sugars.sugar("LoadBalancer", "alternate_target_group", Fills.reference("advancedConfiguration.alternateTargetGroupArn", io.ecsl.eval.Kind.TARGET_GROUP),
        (s, f) -> advanced(lower, s, f, "alternateTargetGroupArn"));
    sugars.sugar("LoadBalancer", "production_listener_rule", Fills.reference("advancedConfiguration.productionListenerRule", Kind.LISTENER),
        (s, f) -> advanced(lower, s, f, "productionListenerRule"));
    sugars.sugar("LoadBalancer", "production_listener", Fills.reference("advancedConfiguration.productionListenerRule", Kind.LISTENER),
        (s, f) -> advanced(lower, s, f, "productionListenerRule"));
    sugars.sugar("LoadBalancer", "test_listener_rule", Fills.reference("advancedConfiguration.testListenerRule", Kind.LISTENER),
        (s, f) -> advanced(lower, s, f, "testListenerRule"));
    sugars.sugar("LoadBalancer", "test_listener", Fills.reference("advancedConfiguration.testListenerRule", Kind.LISTENER),
        (s, f) -> advanced(lower, s, f, "testListenerRule"));
    sugars.sugar("LoadBalancer", "role", Fills.member("advancedConfiguration.roleArn"),
        (s, f) -> advanced(lower, s, f, "roleArn"));
  }

  /**
   * {@code strategy = canary(10%, bake = 5m)}: the members the function stands for, each lowered
   * (and located) where its argument was written; {@code strategy = BLUE_GREEN} or a bare
   * {@code canary} is the enum value.
   */
  private static void strategy(Sugars sugars, Struct s, Value.Field f) {
    Value v = f.value();
    if (v instanceof Value.Function fn && fn.callable().name().equals("rolling")) {
      v = fn.callable().call(sugars.lower().interpreter(), f.valueSpan(), List.of(), null);
    }
    if (!(v instanceof Value.Obj o)) {
      s.set("strategy", s.lowerMember("strategy", f.key(), v, f.span()), f.span());
      return;
    }
    for (Value.Field member : o.fields()) {
      String name = sugars.memberFor(s.shape, member.key());
      if (name == null) {
        s.set("strategy", sugars.lower().mismatch(v, "a strategy such as `canary(10%, bake = 5m)` or `BLUE_GREEN`",
            s.memberLoc("strategy", f.key(), f.span())), f.span());
        return;
      }
      s.set(name, s.lowerMember(name, member.key(), member.value(), member.span()), member.span());
    }
  }

  /**
   * {@code hook STAGE… = lambda(…) | pause(…)} or {@code hook STAGE… { … }}: one lifecycle hook,
   * run at the stages its labels name ({@code post_scale_up} is {@code POST_SCALE_UP}).
   */
  private static void hook(Lower lower, Struct s, Value.Field f) {
    Shape element = s.shape.member("lifecycleHooks").element();
    Value v = f.value();
    if (v instanceof Value.Function fn && (fn.callable().name().equals("pause") || fn.callable().name().equals("lambda"))) {
      v = fn.callable().call(lower.interpreter(), f.valueSpan(), List.of(), null);
    }
    ArrayNode list = s.list("lifecycleHooks", f.keySpan());
    Loc loc = s.memberLoc("lifecycleHooks", f.key(), f.span()).element(list.size(), f.span());
    if (!(v instanceof Value.Obj body)) {
      lower.mismatch(v, "a hook target: `lambda(\"arn:…\", role = \"arn:…\")` or `pause(timeout = 1h)`", loc);
      return;
    }
    Struct hook = lower.structure(body, element, loc);
    if (!f.labels().isEmpty()) {
      Shape stage = element.member("lifecycleStages").element();
      Loc stages = hook.at("lifecycleStages");
      ArrayNode names = JSON.arrayNode();
      List<String> words = java.util.Arrays.stream(LifecycleStage.values()).map(LifecycleStage::word).toList();
      for (String label : f.labels()) {
        LifecycleStage known = LifecycleStage.of(label.toUpperCase(java.util.Locale.ROOT));
        String value = known == null ? null : lower.enumValue(known.name(), stage, stages.element(names.size(), f.keySpan()));
        if (known == null) {
          String mean = Suggestions.didYouMean(label, words);
          lower.report(Diagnostic.error(INVALID_VALUE, f.keySpan(), "`" + label + "` is not a deployment lifecycle stage")
              .withHint((mean != null ? mean + " " : "") + "the stages: " + String.join(", ", words)));
        }
        if (value != null) {
          lower.spans().put(stages.element(names.size(), f.keySpan()), f.keySpan());
          names.add(value);
        }
      }
      hook.set("lifecycleStages", names, f.keySpan());
    }
    hook.checkRequired(f.span());
    lower.spans().put(loc, f.span());
    list.add(hook.build());
  }

  /**
   * A member of the load balancer's advanced configuration written in the load balancer itself.
   * The values are ARNs (strings), or for the alternate target group a reference to a declared
   * one (see {@link #elbArn}).
   */
  private static void advanced(Lower lower, Struct s, Value.Field f, String member) {
    Shape shape = s.shape.member("advancedConfiguration");
    ObjectNode config = (ObjectNode) s.get("advancedConfiguration");
    if (config == null) {
      config = JSON.objectNode();
      s.set("advancedConfiguration", config, f.span());
    }
    Loc place = s.at("advancedConfiguration");
    JsonNode value = member.equals("alternateTargetGroupArn") ? targetGroupArn(lower, f.value(), shape.member(member),
        s.memberLoc("advancedConfiguration", f.key(), f.span()).member(member, f.key(), f.span(), null))
        : elbArn(lower, f.value(), shape.member(member),
        s.memberLoc("advancedConfiguration", f.key(), f.span()).member(member, f.key(), f.span(), null));
    if (value == null) {
      return;
    }
    if (config.has(member)) {
      lower.report(Diagnostic.error(SET_TWICE, f.keySpan(), "`" + f.key() + "` is set twice").withHint("keep one"));
      return;
    }
    config.set(member, value);
    lower.spans().putChild(place, member, -1, f.span());
    ObjectNode ordered = JSON.objectNode();
    for (String m : shape.members().keySet()) {
      if (config.has(m)) {
        ordered.set(m, config.get(m));
      }
    }
    config.removeAll();
    config.setAll(ordered);
  }

  /**
   * An Elastic Load Balancing ARN: a reference to a declared target group, load balancer or
   * listener becomes its ARN placeholder (as the load balancer's {@code target_group} does), and
   * {@code http.canary} the placeholder of rule {@code canary} of listener {@code http}; apply,
   * deploy.sh and CloudFormation replace them with the ARN. Which kind each member takes is judged
   * on the model, where the load balancer's type is known (E2000: an ALB shifts traffic on a rule,
   * an NLB on a listener). A string is the ARN of one made elsewhere.
   */
  private static JsonNode targetGroupArn(Lower lower, Value v, Shape shape, Loc loc) {
    if (v instanceof Value.Ref r && r.of(Kind.TARGET_GROUP) != null) {
      return JSON.textNode(ArnPlaceholder.of(ResourceKind.TARGET_GROUP, r.of(Kind.TARGET_GROUP).awsName(lower.interpreter())));
    }
    return lower.value(v, shape, loc);
  }

  static JsonNode elbArn(Lower lower, Value v, Shape shape, Loc loc) {
    if (v instanceof Value.RuleRef rule) {
      String name = Listeners.ruleName(lower.interpreter(), rule.listener(), rule.rule());
      return name == null ? null : JSON.textNode(ArnPlaceholder.of(ResourceKind.LISTENER_RULE, name));
    }
    if (v instanceof Value.Ref r) {
      for (Kind kind : List.of(Kind.TARGET_GROUP, Kind.LISTENER, Kind.LOAD_BALANCER)) {
        Declaration d = r.of(kind);
        if (d == null) {
          continue;
        }
        String name = kind == Kind.LISTENER ? Listeners.listenerName(lower.interpreter(), d) : d.awsName(lower.interpreter());
        ResourceKind resource = switch (kind) {
          case TARGET_GROUP -> ResourceKind.TARGET_GROUP;
          case LISTENER -> ResourceKind.LISTENER;
          default -> ResourceKind.LOAD_BALANCER;
        };
        return name == null ? null : JSON.textNode(ArnPlaceholder.of(resource, name));
      }
      lower.report(Diagnostic.error(WRONG_KIND, loc.span(), loc.where() + " needs an Elastic Load Balancing resource, but `"
          + r.target().label() + "` is a " + r.describe().replaceFirst(" `.*", ""))
          .withLabel(r.target().labelSpan(), "`" + r.target().label() + "` is declared here")
          .withHint("name a declared target group, a listener's rule (`http.NAME` for `rule NAME { … }` in listener "
              + "`http`) or listener, or give the ARN as a string"));
      return null;
    }
    return lower.value(v, shape, loc);
  }

}
