package io.ecsl.emit.cfn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.emit.Json;
import io.ecsl.model.EcsModel;
import java.util.List;

/**
 * {@code cloudformation.json}: the whole declaration as one CloudFormation template — clusters,
 * capacity providers and their cluster associations, task definitions, services, scaling,
 * schedules and Cloud Map namespaces. Properties come from the same API requests as the other
 * build files (see {@link CfnProperties} for where CloudFormation names differ); resources refer
 * to each other with {@code Ref}/{@code Fn::GetAtt} so CloudFormation creates them in order.
 * ECS account settings have no CloudFormation resource: the template's Description and the
 * {@link Template#notes() notes} say so.
 */
public final class CloudFormation {
  /** The file name in the build output directory. */
  public static final String FILE = "cloudformation.json";

  private CloudFormation() {}

  /**
   * A rendered template and what the build should tell the user about it.
   *
   * @param json the template
   * @param notes one line each: what the template cannot express (account settings, API fields
   *     CloudFormation has no property for)
   */
  public record Template(ObjectNode json, List<String> notes) {
    public Template {
      notes = List.copyOf(notes);
    }

    public byte[] bytes() {
      return Json.prettyBytes(json);
    }
  }

  public static Template of(EcsModel model) {
    return new TemplateBuilder(model).build();
  }
}
