package io.ecsl.facts.query;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A container instance for tests, built up field by field. */
record Instance(Map<String, String> attributes, String ec2InstanceId, Instant registeredAt, int runningTasksCount,
    Collection<String> taskGroups, boolean agentConnected, String agentVersion) implements InstanceSnapshot {

  static Instance t2small() {
    return new Instance(Map.of("ecs.instance-type", "t2.small", "ecs.availability-zone", "us-east-1a",
        "ecs.os-type", "linux", "ecs.cpu-architecture", "x86_64"), "i-abcd1234",
        Instant.parse("2018-02-12T10:00:00Z"), 1, List.of("service:production"), true, "1.14.4");
  }

  Instance with(String attribute, String value) {
    Map<String, String> copy = new HashMap<>(attributes);
    if (value == null) {
      copy.remove(attribute);
    } else {
      copy.put(attribute, value);
    }
    return new Instance(copy, ec2InstanceId, registeredAt, runningTasksCount, taskGroups, agentConnected, agentVersion);
  }

  Instance id(String id) {
    return new Instance(attributes, id, registeredAt, runningTasksCount, taskGroups, agentConnected, agentVersion);
  }

  Instance registered(String instant) {
    return new Instance(attributes, ec2InstanceId, Instant.parse(instant), runningTasksCount, taskGroups, agentConnected,
        agentVersion);
  }

  Instance running(int count, String... groups) {
    return new Instance(attributes, ec2InstanceId, registeredAt, count, List.of(groups), agentConnected, agentVersion);
  }

  Instance connected(boolean connected) {
    return new Instance(attributes, ec2InstanceId, registeredAt, runningTasksCount, taskGroups, connected, agentVersion);
  }

  Instance agent(String version) {
    return new Instance(attributes, ec2InstanceId, registeredAt, runningTasksCount, taskGroups, agentConnected, version);
  }

  @Override
  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }
}
