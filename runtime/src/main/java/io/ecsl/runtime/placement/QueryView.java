package io.ecsl.runtime.placement;

import io.ecsl.facts.query.InstanceSnapshot;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * One instance of a snapshot as the cluster query language sees it, tasks placed so far
 * included: what {@code memberOf} and ListContainerInstances' {@code filter} ask about.
 */
public final class QueryView implements InstanceSnapshot {
  private final ClusterSnapshot snapshot;
  private int index;

  public QueryView(ClusterSnapshot snapshot, int index) {
    this.snapshot = snapshot;
    this.index = index;
  }

  /** Moves the view to another instance (one view serves a whole loop). */
  QueryView at(int i) {
    this.index = i;
    return this;
  }

  @Override
  public Optional<String> attribute(String name) {
    return Optional.ofNullable(snapshot.instance(index).attribute(name));
  }

  @Override
  public String ec2InstanceId() {
    return snapshot.instance(index).ec2InstanceId();
  }

  @Override
  public Instant registeredAt() {
    return snapshot.instance(index).registeredAt();
  }

  @Override
  public int runningTasksCount() {
    return snapshot.tasksOn(index);
  }

  @Override
  public Collection<String> taskGroups() {
    return snapshot.groupsOn(index);
  }

  @Override
  public boolean agentConnected() {
    return snapshot.instance(index).agentConnected();
  }

  @Override
  public String agentVersion() {
    return snapshot.instance(index).agentVersion();
  }
}
