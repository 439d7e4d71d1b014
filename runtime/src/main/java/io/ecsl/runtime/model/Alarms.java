package io.ecsl.runtime.model;

/**
 * CloudWatch metric alarms as the runtime keeps them (in DescribeAlarms' shape, in
 * {@code RuntimeState.alarms}): their ARNs and states, shared by the CloudWatch API that sets them
 * and the scheduler edge that watches them for deployments.
 */
public final class Alarms {
  public static final String OK = "OK";
  public static final String ALARM = "ALARM";
  public static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";

  private Alarms() {}

  /** The ARN of alarm {@code name} in {@code region}. */
  public static String arn(String region, String name) {
    return "arn:aws:cloudwatch:" + region + ":" + Arns.ACCOUNT + ":alarm:" + name;
  }
}
