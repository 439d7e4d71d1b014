package io.ecsl.lower;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.eval.Declaration;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.schema.ServiceModel;
import java.util.List;

/**
 * {@code target_group web { protocol = HTTP, port = 8080, target_type = ip, health_check { … } }}:
 * one CreateTargetGroup request; every member of the API is written in snake_case.
 */
final class TargetGroups {
  private final ModelBuilder builder;
  private final ProjectSettings project;

  TargetGroups(ModelBuilder builder, ProjectSettings project) {
    this.builder = builder;
    this.project = project;
  }

  Resource lower(Declaration d) {
    ModelBuilder.Request req = builder.request(d, ServiceModel.ELBV2, "CreateTargetGroup", "target group `" + d.label() + "`");
    Struct s = builder.lower().structure(ModelBuilder.without(d.body(builder.interpreter()), "owned_elsewhere"), req.shape, req.loc);
    builder.defaultName(s, "Name", d);
    project.applyTags(s, "Tags", d.span());
    s.checkRequired(d.span());
    ObjectNode json = s.build();
    String name = json.path("Name").asText(d.label());
    return new Resource(ResourceKind.TARGET_GROUP, name, null, d.span(),
        List.of(req.finish(json, "target-groups/" + name + ".json")), OwnedElsewhere.read(builder, d, json, ResourceKind.TARGET_GROUP));
  }
}
