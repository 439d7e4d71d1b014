package io.ecsl.lower;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.eval.Declaration;
import io.ecsl.eval.Kind;
import io.ecsl.eval.Value;
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
    Struct s = builder.lower().structure(ModelBuilder.without(d.body(builder.interpreter()), "owned_elsewhere"), req.shape, req.loc);
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
        List.of(req.finish(json, "listeners/" + name.replace(':', '-').replace('/', '_') + ".json")),
        OwnedElsewhere.read(builder, d, json, ResourceKind.LISTENER)));
    return out;
  }
}
