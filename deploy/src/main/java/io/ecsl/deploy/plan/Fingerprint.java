package io.ecsl.deploy.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.diff.Normalizer;
import io.ecsl.deploy.state.LiveResource;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A digest of the live state a plan was computed from ({@code observed.fingerprint}), without
 * owned-elsewhere fields (they change under the plan's feet by design): apply re-reads the target
 * and compares digests to refuse a stale plan. It covers the resource's version, its tags (not
 * {@code aws:} ones) and each live request in canonical form ({@link Normalizer}, tags left out),
 * written as compact JSON straight into the digest (no text is built).
 *
 * <p>The planner passes the canonical documents it has already made for its comparison, so a
 * resource is normalized once per plan; the stale check makes them itself.
 */
final class Fingerprint {
  /** Owned-elsewhere pointers through a list element are not left out (the element may move). */
  private static final Pattern THROUGH_LIST = Pattern.compile(".*/\\d+(/.*)?");
  /** Compact JSON, byte for byte what {@link JsonNode#toString()} prints. */
  private static final ObjectWriter COMPACT = new ObjectMapper().writer();
  private static final List<String> SERVICES =
      List.of(ServiceModel.ECS, ServiceModel.EVENTS, ServiceModel.AUTOSCALING, ServiceModel.CLOUD_MAP, ServiceModel.ELBV2,
          ServiceModel.SCHEDULER);

  private Fingerprint() {}

  /** The fingerprint of {@code live}, normalizing its requests. */
  static String of(LiveResource live, Map<String, String> owned) {
    return of(live, owned, Map.of());
  }

  /**
   * The fingerprint of {@code live}.
   *
   * @param canonical request key → that live request already normalized with its tags left out
   *     ({@code Normalizer.normalize(body, shape, tagsMember)}); requests missing here are normalized
   */
  static String of(LiveResource live, Map<String, String> owned, Map<String, ObjectNode> canonical) {
    if (live == null) {
      return null;
    }
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    DigestSink sink = new DigestSink(md);
    text(md, live.version() + "\n");
    new TreeMap<>(live.tags()).forEach((k, v) -> {
      if (!k.startsWith("aws:")) {
        text(md, k + "=" + v + "\n");
      }
    });
    new TreeMap<>(live.requests()).forEach((key, body) -> {
      text(md, key + "=");
      json(sink, document(live.id().kind(), key, body, owned, canonical.get(key)));
      text(md, "\n");
    });
    return "sha256:" + HexFormat.of().formatHex(md.digest());
  }

  /** The live request as digested: canonical, without owned-elsewhere fields. */
  private static JsonNode document(io.ecsl.model.ResourceKind kind, String key, ObjectNode body, Map<String, String> owned,
      ObjectNode canonical) {
    String op = key.contains(":") ? key.substring(0, key.indexOf(':')) : key;
    // Cloud Map's CreateService (a discovery service) shares its name with ECS's.
    Shape shape = kind == io.ecsl.model.ResourceKind.DISCOVERY_SERVICE ? ServiceModel.get(ServiceModel.CLOUD_MAP).input(op)
        : shapeFor(op);
    ObjectNode doc = canonical;
    if (doc == null) {
      doc = shape == null ? body : Normalizer.normalize(body, shape, Tags.member(shape));
    }
    for (String pointer : owned.keySet()) {
      if (!THROUGH_LIST.matcher(pointer).matches()) {
        doc = shape == null ? Pointers.with(doc, pointer, null) : Pointers.without(doc, pointer);
      }
    }
    return doc;
  }

  private static Shape shapeFor(String operation) {
    for (String service : SERVICES) {
      Shape s = ServiceModel.get(service).input(operation);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  private static void text(MessageDigest md, String s) {
    md.update(s.getBytes(StandardCharsets.UTF_8));
  }

  private static void json(DigestSink sink, JsonNode node) {
    try {
      COMPACT.writeValue(sink, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a digest does not fail to write
    }
  }

  /** An output stream into a digest. */
  private static final class DigestSink extends OutputStream {
    private final MessageDigest md;

    DigestSink(MessageDigest md) {
      this.md = md;
    }

    @Override
    public void write(int b) {
      md.update((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      md.update(b, off, len);
    }
  }
}
