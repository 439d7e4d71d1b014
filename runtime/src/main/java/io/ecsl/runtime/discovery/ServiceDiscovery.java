package io.ecsl.runtime.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.cloudmap.ServiceInstances;
import io.ecsl.runtime.backend.BackendException;
import io.ecsl.runtime.backend.Labels;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.engine.LoopStage;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.TaskEntity;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Cloud Map service discovery on the local runtime, run after every pass of the control loop:
 * applies {@link InstanceRegistrations} (registers running, healthy service tasks in their
 * registry's Cloud Map service, marks or drops unhealthy ones, deregisters stopping ones) and
 * publishes the namespaces' records to the {@link NameServer}, so {@code <service>.<namespace>}
 * follows the tasks within a pass.
 */
public final class ServiceDiscovery implements LoopStage, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ServiceDiscovery.class.getName());

  private final ControlPlane plane;
  private final RuntimeState state;
  private final NameServer nameServer;
  private volatile boolean networksAdopted;

  public ServiceDiscovery(ControlPlane plane, NameServer nameServer) {
    this.plane = plane;
    this.state = plane.state();
    this.nameServer = nameServer;
    // Tasks created from now on use the name server on their cluster network.
    plane.useNameServers(nameServer::listenOn);
  }

  @Override
  public String name() {
    return "service discovery";
  }

  public NameServer nameServer() {
    return nameServer;
  }

  @Override
  public void run(Instant now) {
    if (!networksAdopted) {
      adoptNetworks();
    }
    DnsZone zone = state.atomically(() -> {
      reconcile();
      return DnsZone.of(state.namespaces.values(), state.cloudMapServices.values(), state.instances.values());
    });
    nameServer.publish(zone);
  }

  /** After a restart, tasks already running point at their network's gateway: listen there again. */
  private void adoptNetworks() {
    try {
      for (String network : plane.backend().listNetworks(Labels.RUNTIME, plane.instanceId())) {
        nameServer.listenOn(plane.backend().networkGateway(network));
      }
      networksAdopted = true;
    } catch (BackendException e) {
      LOG.fine("cluster networks not listed yet: " + e.getMessage());
    }
  }

  /** Under the state lock: makes the runtime-registered instances what the snapshot says they should be. */
  private void reconcile() {
    Map<String, ObjectNode> cloudMapServices = new HashMap<>();
    for (ObjectNode service : state.cloudMapServices.values()) {
      cloudMapServices.put(Json.text(service, "Id"), service);
    }
    Map<String, InstanceRegistrations.Registration> desired = InstanceRegistrations.desired(state.services.values(),
        state.tasks.values(), cloudMapServices, this::networkMode);
    for (ObjectNode instance : state.instances.values()) {
      String key = Json.text(instance, "ServiceId") + "|" + Json.text(instance, "Id");
      if (instance.hasNonNull("_task") && !desired.containsKey(key)) {
        ServiceInstances.deregister(state, Json.text(instance, "ServiceId"), Json.text(instance, "Id"));
      }
    }
    for (InstanceRegistrations.Registration registration : desired.values()) {
      ObjectNode service = state.cloudMapServices.get(registration.serviceId());
      ServiceInstances.register(state, service, registration.instanceId(), registration.attributes(),
          registration.healthy() ? ServiceInstances.HEALTHY : ServiceInstances.UNHEALTHY, null, registration.taskArn());
    }
  }

  private String networkMode(TaskEntity task) {
    ObjectNode definition = state.taskDefinitionOf(task.taskDefinitionArn);
    return definition == null ? "bridge" : Json.text(definition, "networkMode", "bridge");
  }

  @Override
  public void close() {
    nameServer.close();
  }

  /** The DNS servers awsvpc tasks on a network with this gateway get (for tests). */
  public List<String> serversFor(String gateway) {
    return nameServer.listenOn(gateway);
  }
}
