package io.ecsl.rules.container;

import io.ecsl.facts.limits.EcsLimit;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;

/** E1126: at most one credential spec, written {@code credentialspec:ARN} or {@code credentialspecdomainless:ARN}. */
public final class CredentialSpecs extends ContainerRule {
  public CredentialSpecs() {
    super("E1126", "At most one credential spec, `credentialspec:ARN` or `credentialspecdomainless:ARN`", "ECS API; CDK");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    List<String> specs = Nodes.strings(c.node(), "credentialSpecs");
    if (EcsLimit.CREDENTIAL_SPECS_PER_CONTAINER.exceededBy(specs.size())) {
      c.report(ctx, "/credentialSpecs/1", c.label() + " has " + specs.size() + " credential specs; ECS allows one", "keep one");
    }
    for (int i = 0; i < specs.size(); i++) {
      String s = specs.get(i);
      if (!s.matches("credentialspec(domainless)?:arn:.+")) {
        c.report(ctx, "/credentialSpecs/" + i, "credential spec `" + s + "` must be `credentialspec:` or "
            + "`credentialspecdomainless:` followed by an SSM parameter or S3 object ARN",
            "write e.g. `credentialspec:arn:aws:ssm:eu-west-1:123456789012:parameter/gmsa`");
      }
    }
  }
}
