package io.ecsl.cli.deploy;

/** {@code --format} of plan, apply and destroy: people read text, pull requests markdown, tools JSON. */
public enum PlanFormat {
  text,
  json,
  markdown
}
