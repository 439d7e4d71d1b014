package io.ecsl.rules.container;

import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.regex.Pattern;

/**
 * E1102: every container has an image reference ECS accepts: {@code repository:tag} of at most
 * 255 characters, or {@code repository@sha256:} and 64 hex digits.
 */
public final class Image extends ContainerRule {
  private static final Pattern CHARS = Pattern.compile("[A-Za-z0-9_:./#-]+");
  private static final Pattern DIGEST = Pattern.compile("sha256:[A-Fa-f0-9]{64}");

  public Image() {
    super("E1102", "Every container has a well-formed image (`repo:tag` ≤ 255 chars or `repo@sha256:<64 hex>`)", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    String image = Nodes.text(c.node(), "image");
    if (image == null || image.isBlank()) {
      c.report(ctx, Nodes.has(c.node(), "image") ? "/image" : "", c.label() + " has no image",
          "add `image = \"nginx:1.27\"` (ECS rejects `Container.image should not be null or empty`)");
      return;
    }
    int at = image.indexOf('@');
    String repo = at < 0 ? image : image.substring(0, at);
    if (at >= 0 && !DIGEST.matcher(image.substring(at + 1)).matches()) {
      c.report(ctx, "/image", "image `" + image + "` has a malformed digest; ECS expects `@sha256:` and 64 hex digits",
          "copy the digest from `docker inspect` or the registry");
    } else if (repo.length() > 255) {
      c.report(ctx, "/image", c.label() + "'s image reference is " + repo.length() + " characters; ECS allows 255",
          "shorten the repository or tag");
    } else if (!CHARS.matcher(repo).matches()) {
      c.report(ctx, "/image", "image `" + image + "` contains characters an image reference cannot have",
          "image references use letters, digits, `-`, `_`, `.`, `/`, `:` and `#` (e.g. `registry/app:1.2.3`)");
    }
  }
}
