package io.ecsl.rules.container;

import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;

/**
 * W1101: the image names a version. Without a tag Docker pulls {@code latest}, and {@code latest}
 * moves: tasks started at different times (scale-out, replacement) run different code, and a
 * rollback redeploys whatever {@code latest} is now.
 */
public final class ImageTag extends ContainerRule {
  public ImageTag() {
    super("W1101", "Images are pinned to a tag other than `latest` or to a digest", "ecsl judgement");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    String image = Nodes.text(c.node(), "image");
    if (image == null || image.isBlank() || image.contains("@")) {
      return;
    }
    int slash = image.lastIndexOf('/');
    String last = image.substring(slash + 1);
    int colon = last.lastIndexOf(':');
    String hint = "pin a version (`" + (colon < 0 ? image : image.substring(0, slash + 1 + colon))
        + ":1.2.3`) or a digest (`@sha256:…`), so every task runs the same image";
    if (colon < 0) {
      c.report(ctx, "/image", "image `" + image + "` of " + c.label() + " has no tag, so every new task pulls whatever `latest` is then",
          hint);
    } else if (last.substring(colon + 1).equals("latest")) {
      c.report(ctx, "/image", "image `" + image + "` of " + c.label() + " uses the moving `latest` tag", hint);
    }
  }
}
