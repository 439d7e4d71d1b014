package io.ecsl.facts.express;

/**
 * What ECS assumes for an Express Mode service (CreateExpressGatewayService) when the request
 * leaves a field out. Sources: the ECS API model's member documentation (cpu, memory, port, health
 * check path, target value, cluster) and the CloudFormation resource schema of
 * AWS::ECS::ExpressGatewayService (the metric and the task counts, which the API does not state).
 */
public final class ExpressDefaults {
  public static final String CLUSTER = "default";
  public static final String CPU = "256";
  public static final String MEMORY = "512";
  public static final int CONTAINER_PORT = 80;
  public static final String HEALTH_CHECK_PATH = "/ping";
  public static final String METRIC = "AVERAGE_CPU";
  public static final int TARGET_VALUE = 60;
  public static final int MIN_TASKS = 1;
  public static final int MAX_TASKS = 1;
  /** The name ECS gives the primary container of the task definition it builds (and a brought one must use). */
  public static final String CONTAINER_NAME = "Main";

  private ExpressDefaults() {}
}
