package io.ecsl.emit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;

/**
 * {@code manifest.json}: every request file of a build in dependency order, each naming the AWS
 * CLI service and operation that takes it, so {@code aws <service> <operation> --cli-input-json
 * file://<file>} replays the build. Version 1:
 *
 * <pre>
 * {"version": 1, "project": "shop", "region": "us-east-1", "accountId": null,
 *  "entries": [{"service": "ecs", "operation": "register-task-definition",
 *               "file": "task-definitions/web.json", "kind": "task-definition", "name": "web",
 *               "cluster": null, "address": "task definition web", "ownedElsewhere": {}}, …],
 *  "extraFiles": ["cloudformation.json", "deploy.sh"]}
 * </pre>
 *
 * {@code extraFiles} lists the build's other files, so the next build removes them if it no longer writes them.
 */
public final class Manifest {
  public static final int VERSION = 1;
  /** Files a build writes besides the request files and the manifest. */
  public static final java.util.List<String> EXTRA_FILES = java.util.List.of(
      io.ecsl.emit.cfn.CloudFormation.FILE, io.ecsl.emit.script.DeployScript.FILE);

  private Manifest() {}

  public static ObjectNode of(EcsModel model) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("version", VERSION);
    root.put("project", model.project());
    root.put("region", model.region());
    root.put("accountId", model.accountId());
    ArrayNode entries = root.putArray("entries");
    for (Resource r : model.resources()) {
      for (ApiRequest req : r.requests()) {
        ObjectNode e = entries.addObject();
        e.put("service", req.service());
        e.put("operation", req.cliOperation());
        e.put("file", req.file());
        e.put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        e.put("name", r.name());
        e.put("cluster", r.cluster());
        e.put("address", r.address());
        ObjectNode owned = e.putObject("ownedElsewhere");
        r.ownedElsewhere().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
            .forEach(o -> owned.put(o.getKey(), o.getValue()));
      }
    }
    ArrayNode extra = root.putArray("extraFiles");
    EXTRA_FILES.forEach(extra::add);
    return root;
  }
}
