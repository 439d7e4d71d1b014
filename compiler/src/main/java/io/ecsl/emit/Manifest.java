package io.ecsl.emit;

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

  /** The manifest as a tree (what {@link #bytes} writes). */
  public static ObjectNode of(EcsModel model) {
    try {
      return (ObjectNode) Json.mapper().readTree(bytes(model));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * {@code manifest.json}, written straight to a generator: for a large project it has tens of
   * thousands of entries, and building them as a tree first cost as much as writing them.
   */
  public static byte[] bytes(EcsModel model) {
    return Json.prettyBytes(g -> write(g, model, false));
  }

  /**
   * {@code ecsl build --stdout}: the manifest with each request inline, one JSON document for a
   * pipe. Each entry has {@code "request": {…}} (the body {@code file} would hold) instead of
   * {@code file}, and there is no {@code extraFiles}: nothing else is produced.
   */
  public static void writeInline(EcsModel model, java.io.Writer out) {
    Json.pretty(out, g -> write(g, model, true));
  }

  private static void write(com.fasterxml.jackson.core.JsonGenerator g, EcsModel model, boolean inline)
      throws java.io.IOException {
    g.writeStartObject();
    g.writeNumberField("version", VERSION);
    g.writeStringField("project", model.project());
    g.writeStringField("region", model.region());
    g.writeStringField("accountId", model.accountId());
    g.writeArrayFieldStart("entries");
    for (Resource r : model.resources()) {
      String kind = r.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      String address = r.address();
      for (ApiRequest req : r.requests()) {
        g.writeStartObject();
        g.writeStringField("service", req.service());
        g.writeStringField("operation", req.cliOperation());
        if (inline) {
          g.writeFieldName("request");
          Json.write(g, req.body());
        } else {
          g.writeStringField("file", req.file());
        }
        g.writeStringField("kind", kind);
        g.writeStringField("name", r.name());
        g.writeStringField("cluster", r.cluster());
        g.writeStringField("address", address);
        g.writeObjectFieldStart("ownedElsewhere");
        for (var o : new java.util.TreeMap<>(r.ownedElsewhere()).entrySet()) {
          g.writeStringField(o.getKey(), o.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    if (!inline) {
      g.writeArrayFieldStart("extraFiles");
      for (String f : EXTRA_FILES) {
        g.writeString(f);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }
}
