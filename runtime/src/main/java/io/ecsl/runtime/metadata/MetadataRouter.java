package io.ecsl.runtime.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.ContainerEntity;
import java.time.Instant;
import java.util.Optional;

/**
 * Answers one request to the task metadata and credentials endpoint (§4.2, §4.4) from what a
 * {@link Lookup} finds. The path's id is what identifies the caller, as on ECS. Everything here but
 * the lookup is pure.
 */
public final class MetadataRouter {
  private final Lookup lookup;
  private final String instanceId;

  public MetadataRouter(Lookup lookup, String instanceId) {
    this.lookup = lookup;
    this.instanceId = instanceId;
  }

  /** What the router needs from the runtime: tasks by id, Docker's statistics, a role's keys. */
  public interface Lookup {
    /** The task holding the container whose metadata endpoint id this is. */
    Optional<Found> byEndpointId(String endpointId);

    /** The task whose credentials id this is. */
    Optional<MetadataDocuments.TaskView> byCredentialsId(String credentialsId);

    /** Docker's statistics document of a running container, or null. */
    JsonNode stats(String dockerId);

    /** @throws RoleCredentials.UnavailableException when a mapped role's credentials cannot be had */
    TaskCredentials.Keys keys(String roleArn);

    Instant now();
  }

  /** A container's endpoint id resolved. */
  public record Found(MetadataDocuments.TaskView view, String containerName) {}

  public record Response(int status, JsonNode body) {}

  public Response route(String method, String path, String query) {
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return new Response(405, error("MethodNotAllowed", method + " is not served here; the endpoint answers GET"));
    }
    String[] parts = path.replaceAll("/+$", "").split("/");
    // parts[0] is empty (the path starts with '/').
    if (parts.length >= 2 && parts[1].equals("v2") && parts.length >= 3 && parts[2].equals("credentials")) {
      return credentials(parts.length == 4 ? parts[3] : null);
    }
    if (parts.length == 3 && parts[1].equals("v1") && parts[2].equals("credentials")) {
      return credentials(queryValue(query, "id"));
    }
    if (parts.length >= 3 && (parts[1].equals("v4") || parts[1].equals("v3"))) {
      return metadata(parts);
    }
    if (parts.length >= 3 && parts[1].equals("api")) {
      return new Response(404, error("NotImplemented", "the ecsl runtime does not serve " + path
          + " (task scale-in protection and fault injection); UpdateTaskProtection is not modelled"));
    }
    return new Response(404, error("NotFound", "no such endpoint: " + path));
  }

  private Response credentials(String id) {
    if (id == null || id.isEmpty()) {
      return new Response(400, error("NoIdInRequest", "CredentialsV2Request: No ID in the request"));
    }
    Optional<MetadataDocuments.TaskView> view = lookup.byCredentialsId(id);
    String roleArn = view.map(v -> v.spec().taskRoleArn()).orElse(null);
    if (view.isEmpty() || roleArn == null || view.get().task().isStopped()) {
      return new Response(400, error("InvalidIdInRequest", "CredentialsV2Request: Credentials not found"));
    }
    try {
      return new Response(200, TaskCredentials.document(roleArn, lookup.keys(roleArn), lookup.now()));
    } catch (RoleCredentials.UnavailableException e) {
      // The agent's answer when it holds no credentials it can give; the message says what to fix.
      return new Response(500, error("InternalServerError", e.getMessage()));
    }
  }

  private Response metadata(String[] parts) {
    String id = parts[2];
    Optional<Found> found = lookup.byEndpointId(id);
    if (found.isEmpty()) {
      return new Response(404, TextNode.valueOf("V4 task metadata handler: unable to get task arn from request:"
          + " unable to get task ARN for endpoint ID: " + id));
    }
    MetadataDocuments.TaskView view = found.get().view();
    String rest = String.join("/", java.util.Arrays.copyOfRange(parts, 3, parts.length));
    return switch (rest) {
      case "" -> new Response(200, MetadataDocuments.container(view, found.get().containerName(), instanceId));
      case "task" -> new Response(200, MetadataDocuments.task(view, instanceId));
      case "taskWithTags" -> {
        ObjectNode task = MetadataDocuments.task(view, instanceId);
        task.putObject("TaskTags");
        task.putObject("ContainerInstanceTags");
        yield new Response(200, task);
      }
      case "stats" -> new Response(200, stats(view.task().container(found.get().containerName())));
      case "task/stats" -> {
        ObjectNode all = Json.object();
        for (ContainerEntity container : view.task().containers) {
          if (container.runtimeId != null) {
            all.set(container.runtimeId, stats(container));
          }
        }
        yield new Response(200, all);
      }
      default -> new Response(404, error("NotFound", "no such metadata path: " + rest));
    };
  }

  private JsonNode stats(ContainerEntity container) {
    JsonNode stats = container == null || container.runtimeId == null ? null : lookup.stats(container.runtimeId);
    return stats == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : stats;
  }

  private static ObjectNode error(String code, String message) {
    ObjectNode out = Json.object();
    out.put("code", code);
    out.put("message", message);
    return out;
  }

  private static String queryValue(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
