package io.ecsl.rules.cross;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.diag.Suggestions;
import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.ClusterView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import java.util.ArrayList;
import java.util.List;

/**
 * W1702: a Service Connect namespace named by name is one the project declares. When a project
 * declares namespaces, a name that matches none of them is most likely a typo; ECS would fail the
 * service with NamespaceNotFoundException (for a service) or create a new namespace (for a
 * cluster default). Namespace ARNs name namespaces outside the project and are not checked.
 */
public final class NamespaceDeclared extends BaseRule {
  public NamespaceDeclared() {
    super("W1702", "Service Connect namespaces named in the project are declared in it", "ecsl judgement");
  }

  @Override
  public void check(RuleContext ctx) {
    List<Resource> namespaces = ctx.index().namespaces();
    if (namespaces.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>();
    namespaces.forEach(n -> names.add(n.name()));
    for (ServiceView s : ctx.index().services()) {
      JsonNode sc = Nodes.object(s.body(), "serviceConnectConfiguration");
      String ns = Nodes.text(sc, "namespace");
      if (ns != null && !ns.startsWith("arn:") && ctx.index().namespace(ns) == null) {
        ctx.report(s.resource(), s.request(), "/serviceConnectConfiguration/namespace", "Service Connect of " + s.label()
            + " uses namespace `" + ns + "`, which this project does not declare", hint(ns, names));
      }
    }
    for (ClusterView c : ctx.index().clusters()) {
      String ns = c.serviceConnectNamespace();
      if (ns != null && !ns.startsWith("arn:") && ctx.index().namespace(ns) == null) {
        ctx.report(c.resource(), c.request(), "/serviceConnectDefaults/namespace", "cluster `" + c.name()
            + "` defaults to Service Connect namespace `" + ns + "`, which this project does not declare", hint(ns, names));
      }
    }
  }

  private static String hint(String ns, List<String> names) {
    String mean = Suggestions.didYouMean(ns, names);
    return (mean != null ? mean + " " : "") + "declared namespaces: " + Nodes.andList(names.stream().sorted().toList())
        + "; refer to one outside the project by its ARN";
  }
}
