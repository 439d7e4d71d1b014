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

  /** CloudFormation's quota of resources per template (not adjustable). */
  public static final int MAX_RESOURCES = 500;

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

    /** The file's content, or null when no template is written (see the notes). */
    public byte[] bytes() {
      return json == null ? null : Json.prettyBytes(json);
    }
  }

  /**
   * The template, or, for a project too large for one stack, no template and a note saying why:
   * CloudFormation rejects a template of more than {@value #MAX_RESOURCES} resources, and each
   * declaration needs at least one.
   */
  public static Template of(EcsModel model) {
    int resources = model.resources().size();
    if (resources > MAX_RESOURCES) {
      return new Template(null, List.of(FILE + " not written: the project has " + resources + " resources and a"
          + " CloudFormation template holds at most " + MAX_RESOURCES + "; split the project into stacks, or deploy"
          + " with deploy.sh or `ecsl apply`"));
    }
    return new TemplateBuilder(model).build();
  }
}
