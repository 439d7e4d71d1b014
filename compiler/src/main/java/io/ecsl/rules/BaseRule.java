package io.ecsl.rules;

/** A rule's identity (code, summary, source) held in fields, so each rule class states only its check. */
public abstract class BaseRule implements Rule {
  private final String code;
  private final String summary;
  private final String source;

  protected BaseRule(String code, String summary, String source) {
    this.code = code;
    this.summary = summary;
    this.source = source;
  }

  @Override
  public final String code() {
    return code;
  }

  @Override
  public final String summary() {
    return summary;
  }

  @Override
  public final String source() {
    return source;
  }

  @Override
  public String toString() {
    return code + " " + summary;
  }
}
