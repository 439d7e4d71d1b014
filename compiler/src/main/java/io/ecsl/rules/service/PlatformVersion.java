package io.ecsl.rules.service;

import io.ecsl.rules.Launch;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;

/** E1216: a platform version is set only for Fargate, as {@code LATEST} or {@code 1.4.0}. */
public final class PlatformVersion extends ServiceRule {
  private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("\\d+\\.\\d+\\.\\d+");

  public PlatformVersion() {
    super("E1216", "`platform_version` is used only on Fargate and is `LATEST` or a version like `1.4.0`", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    String version = Nodes.text(s.body(), "platformVersion");
    if (version == null) {
      return;
    }
    if (s.launch() != Launch.FARGATE && s.launch() != Launch.UNKNOWN) {
      s.report(ctx, "/platformVersion", "a platform version applies only to Fargate, and " + s.label() + " runs on " + s.launch(),
          "remove `platform_version`");
    } else if (!version.equals("LATEST") && !VERSION.matcher(version).matches()) {
      s.report(ctx, "/platformVersion", "platform version `" + version + "` is not `LATEST` or a version such as `1.4.0`",
          "write `platform_version = \"1.4.0\"` or `\"LATEST\"`");
    }
  }
}
