package io.ecsl.runtime.capacity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attributes the ECS container agent registers for an instance: the built-in ones
 * (ecs-semantics §3.5) and the capabilities tasks may require ({@code requiresAttributes}). The
 * runtime plays the agent of every container instance, so each gets them all (**EMU**: a client
 * registering an instance by hand gets them too; attributes it gives win).
 */
public final class AgentAttributes {
  private static final String[] CAPABILITIES = {
    "com.amazonaws.ecs.capability.privileged-container",
    "com.amazonaws.ecs.capability.ecr-auth",
    "com.amazonaws.ecs.capability.task-iam-role",
    "com.amazonaws.ecs.capability.task-iam-role-network-host",
    "com.amazonaws.ecs.capability.logging-driver.json-file",
    "com.amazonaws.ecs.capability.logging-driver.syslog",
    "com.amazonaws.ecs.capability.logging-driver.awslogs",
    "com.amazonaws.ecs.capability.logging-driver.none",
    "com.amazonaws.ecs.capability.logging-driver.fluentd",
    "com.amazonaws.ecs.capability.logging-driver.journald",
    "com.amazonaws.ecs.capability.logging-driver.gelf",
    "com.amazonaws.ecs.capability.selinux",
    "com.amazonaws.ecs.capability.apparmor",
    "ecs.capability.execution-role-ecr-pull",
    "ecs.capability.execution-role-awslogs",
    "ecs.capability.secrets.asm.environment-variables",
    "ecs.capability.secrets.ssm.environment-variables",
    "ecs.capability.secrets.asm.bootstrap.log-driver",
    "ecs.capability.secrets.ssm.bootstrap.log-driver",
    "ecs.capability.task-eni",
    "ecs.capability.container-health-check",
    "ecs.capability.container-ordering",
    "ecs.capability.full-sync",
    "ecs.capability.docker-plugin.local",
    "ecs.capability.efs",
    "ecs.capability.efsAuth",
    "ecs.capability.firelens.fluentbit",
    "ecs.capability.firelens.fluentd",
    "ecs.capability.pid-ipc-namespace-sharing",
    "ecs.capability.env-files.s3",
    "ecs.capability.increased-task-cpu-limit",
  };

  private AgentAttributes() {}

  /**
   * Everything the agent registers for an instance of {@code instanceType} in {@code zone}, on
   * {@code architecture} ({@code x86_64} or {@code arm64}).
   */
  public static Map<String, String> of(String instanceType, String zone, String architecture) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("ecs.availability-zone", zone);
    attributes.put("ecs.instance-type", instanceType);
    attributes.put("ecs.os-type", "linux");
    attributes.put("ecs.os-family", "LINUX");
    attributes.put("ecs.cpu-architecture", architecture);
    attributes.put("ecs.ami-id", "ami-0ec5a1e0000000000");
    attributes.put("ecs.vpc-id", "vpc-0ec51000000000000");
    attributes.put("ecs.subnet-id", "subnet-0ec51" + zone.substring(zone.length() - 1) + "00000000000");
    for (int minor = 17; minor <= 44; minor++) {
      attributes.put("com.amazonaws.ecs.capability.docker-remote-api.1." + minor, "");
    }
    for (String capability : CAPABILITIES) {
      attributes.put(capability, "");
    }
    return attributes;
  }
}
