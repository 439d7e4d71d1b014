package io.ecsl.model;

import io.ecsl.source.Span;
import java.util.List;

/**
 * What the local runtime simulates behind an Auto Scaling group capacity provider, from its
 * {@code local_group { … }} block: the group's instance type, Availability Zones and sizes, and
 * how fast the simulation moves. It is never sent to AWS, written to a build output or planned:
 * the Auto Scaling group itself is made elsewhere (Terraform, CloudFormation, the console), and
 * only the local runtime, which has no such group, needs to be told what it holds.
 *
 * @param desiredCapacity null: the runtime's default (the minimum, at least 1)
 * @param warmupSeconds null: the runtime's default
 * @param scaleInAfterSeconds null: the runtime's default
 */
public record LocalGroup(
    String instanceType,
    List<String> zones,
    int minSize,
    int maxSize,
    Integer desiredCapacity,
    Long warmupSeconds,
    Long scaleInAfterSeconds,
    Span span) {

  public LocalGroup {
    zones = List.copyOf(zones);
  }
}
