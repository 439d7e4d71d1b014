package io.ecsl.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.LocalGroup;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The task definitions and services that passed every per-item rule ({@link PerTaskDefinition},
 * {@link PerService}) in an earlier check, kept by an editor's warm compiler so that a check after
 * an edit runs those rules only on the items whose content changed: at 10,000 services they are
 * most of a check's rule time, while the rules across items stay cheap enough to run on the whole
 * model every time.
 *
 * <p>It is content-addressed, so it never needs invalidating: an item is skipped only when
 * everything the per-item rules read of it is equal, by value, to what passed them before. For a
 * task definition that is its resource (kind, name, requests, fields owned elsewhere, local
 * group); for a service, its resource and those of its cluster and task definition, with the
 * launch and strategy resolved from them ({@link ServiceView}). Per-item rules read nothing else
 * (the rules across items, which read the index, are not per-item), and where they report (their
 * spans) never decides whether they report, so only clean results are kept: reusing one needs no
 * position. An item with findings is checked again every time.
 */
public final class CleanItems {
  private volatile Map<String, Object> clean = Map.of();
  private Map<String, Object> next;

  /** What a task definition's per-item rules read of it. */
  static Object content(TaskDefinitionView task) {
    return content(task.resource());
  }

  /** What a service's per-item rules read of it, its cluster and its task definition. */
  static Object content(ServiceView service) {
    return new ServiceContent(content(service.resource()),
        service.cluster() == null ? null : content(service.cluster().resource()),
        service.task() == null ? null : content(service.task().resource()),
        service.launch(), service.strategy(), service.strategyFromCluster());
  }

  private static ResourceContent content(Resource r) {
    List<RequestContent> requests = new ArrayList<>(r.requests().size());
    for (ApiRequest req : r.requests()) {
      requests.add(new RequestContent(req.service(), req.operation(), req.body()));
    }
    return new ResourceContent(r.kind(), r.name(), r.cluster(), requests, r.ownedElsewhere(), r.localGroup());
  }

  private record RequestContent(String service, String operation, JsonNode body) {}

  private record ResourceContent(ResourceKind kind, String name, String cluster, List<RequestContent> requests,
      Map<String, String> ownedElsewhere, LocalGroup localGroup) {}

  private record ServiceContent(ResourceContent service, ResourceContent cluster, ResourceContent task, Launch launch,
      List<JsonNode> strategy, boolean strategyFromCluster) {}

  /** Starts recording a check's clean items; those of the check before stay readable until {@link #finish}. */
  void start() {
    next = new ConcurrentHashMap<>();
  }

  /** Whether an item with this address and content passed every per-item rule in the check before. */
  boolean wasClean(String address, Object content) {
    return content.equals(clean.get(address));
  }

  /** Records that the item passed every per-item rule in this check. */
  void clean(String address, Object content) {
    next.put(address, content);
  }

  /** This check's clean items replace the previous check's (which referred to the previous model). */
  void finish() {
    clean = next;
    next = null;
  }
}
