package io.ecsl.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.runtime.autoscaling.Policies;
import java.util.ArrayList;
import java.util.List;

/**
 * What a project declares that the local runtime stores and describes but does not act on, so that
 * apply to it never reports something inert as done (issue 10 §6). Pure: the compiled model in,
 * one line per resource and behaviour out. Each entry leaves this list when the runtime acts on it.
 */
final class LocalLimits {
  private LocalLimits() {}

  static List<String> notes(EcsModel model) {
    List<String> out = new ArrayList<>();
    for (Resource r : model.resources()) {
      if (r.kind() == ResourceKind.SERVICE) {
        JsonNode body = r.primary().body();
        for (JsonNode lb : body.path("loadBalancers")) {
          // A target group the project declares is created on the runtime, which routes to the
          // service and checks its health; one named by ARN was made elsewhere and does not exist there.
          String arn = lb.path("targetGroupArn").asText("");
          if (arn.startsWith("arn:")) {
            out.add(r.address() + ": load balancers: target group " + arn + " is managed elsewhere; the local"
                + " runtime routes no traffic to it and checks no health there (declare the target group in the"
                + " project to have the runtime run it)");
          } else if (!lb.path("loadBalancerName").asText("").isEmpty()) {
            out.add(r.address() + ": load balancers: Classic Load Balancer " + lb.path("loadBalancerName").asText()
                + " is not run by the local runtime (it runs Application and Network Load Balancers)");
          }
        }
        for (JsonNode registry : body.path("serviceRegistries")) {
          // The runtime registers tasks in a Cloud Map service it holds; the language declares none
          // yet, so one made on AWS has no counterpart there unless made through the runtime's API.
          out.add(r.address() + ": service registries: unless Cloud Map service " + registry.path("registryArn").asText()
              + " exists on the local runtime, no task is registered and no name resolves (create it with"
              + " `aws servicediscovery create-service` against the runtime, as samples/cloud-map/try.sh does)"
              + (body.path("networkConfiguration").path("awsvpcConfiguration").isMissingNode()
                  ? "; its DNS names resolve in awsvpc tasks only" : ""));
        }
        JsonNode alarms = body.path("deploymentConfiguration").path("alarms");
        if (alarms.path("enable").asBoolean(false) && !alarms.path("alarmNames").isEmpty()) {
          // Deployments watch these alarms on the runtime; the project does not declare alarms.
          java.util.List<String> names = new java.util.ArrayList<>();
          alarms.path("alarmNames").forEach(n -> names.add(n.asText()));
          out.add(r.address() + ": deployment alarms " + String.join(", ", names) + ": watched only if created on the"
              + " local runtime (`aws cloudwatch put-metric-alarm`, see `ecsl runtime env`); it evaluates alarms on"
              + " the services' CPU and memory utilization and the target groups' requests per target, and any"
              + " other alarm changes state only when set (`aws cloudwatch set-alarm-state`)");
        }
        JsonNode serviceConnect = body.path("serviceConnectConfiguration");
        if (serviceConnect.path("enabled").asBoolean(false)) {
          serviceConnectNote(serviceConnect, body).ifPresent(why -> out.add(r.address() + ": Service Connect: " + why));
        }
      }
      if (r.kind() == ResourceKind.SCALING) {
        for (ApiRequest request : r.requests()) {
          if (!request.operation().equals("PutScalingPolicy")) {
            continue;
          }
          // A step policy acts when a CloudWatch alarm names it, and the project declares no alarms;
          // for the others, the runtime's own judgement (a metric it does not measure never moves).
          boolean step = "StepScaling".equals(request.body().path("PolicyType").asText("StepScaling"));
          String why = step ? "step scaling policy " + request.body().path("PolicyName").asText() + ": acts only"
              + " when an alarm created on the local runtime (`aws cloudwatch put-metric-alarm --alarm-actions"
              + " POLICY_ARN`) on a metric it measures goes to ALARM"
              : Policies.inert(request.body(), null);
          if (why != null) {
            out.add(r.address() + ": " + why);
          }
        }
      }
    }
    return out;
  }

  /**
   * The runtime gives a service's Service Connect names to its awsvpc tasks on the cluster network
   * (docs/runtime-model.md): clients dial the server task itself, with no proxy between them.
   */
  private static java.util.Optional<String> serviceConnectNote(JsonNode serviceConnect, JsonNode service) {
    java.util.Set<String> inert = new java.util.LinkedHashSet<>();
    if (service.path("networkConfiguration").path("awsvpcConfiguration").isMissingNode()) {
      inert.add("names are given to awsvpc tasks only");
    }
    for (JsonNode server : serviceConnect.path("services")) {
      if (server.has("tls")) {
        inert.add("tls");
      }
      if (server.has("timeout")) {
        inert.add("timeouts");
      }
      if (server.has("ingressPortOverride")) {
        inert.add("ingressPortOverride");
      }
    }
    if (serviceConnect.has("logConfiguration") || serviceConnect.has("accessLogConfiguration")) {
      inert.add("proxy logs");
    }
    return inert.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("no proxy runs, so these are not"
        + " honoured: " + String.join(", ", inert));
  }
}
