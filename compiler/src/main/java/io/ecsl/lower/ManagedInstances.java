package io.ecsl.lower;

import static io.ecsl.diag.LanguageCode.SET_TWICE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.eval.Kind;
import io.ecsl.eval.Value;
import io.ecsl.schema.Shape;

/**
 * The language of an ECS Managed Instances capacity provider ({@code managedInstancesProvider}):
 * short names for the API's long ones ({@code managed_instances}, {@code infrastructure_role},
 * {@code instance_profile}, {@code network}, {@code storage { size = 100 GiB }}, {@code vcpus},
 * {@code memory}), {@code cluster = NAME} as a reference to the declared cluster the provider
 * belongs to, and {@code scale_in_after} written directly in the provider.
 */
final class ManagedInstances {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ManagedInstances() {}

  static void register(Sugars sugars) {
    sugars.alias("CreateCapacityProviderRequest", "managed_instances", "managedInstancesProvider");
    sugars.alias("CreateManagedInstancesProviderConfiguration", "infrastructure_role", "infrastructureRoleArn");
    sugars.alias("CreateManagedInstancesProviderConfiguration", "launch_template", "instanceLaunchTemplate");
    sugars.alias("InstanceLaunchTemplate", "instance_profile", "ec2InstanceProfileArn");
    sugars.alias("InstanceLaunchTemplate", "network", "networkConfiguration");
    sugars.alias("InstanceLaunchTemplate", "storage", "storageConfiguration");
    sugars.alias("InstanceLaunchTemplate", "local_storage", "localStorageConfiguration");
    sugars.alias("InstanceLaunchTemplate", "requirements", "instanceRequirements");
    sugars.alias("ManagedInstancesStorageConfiguration", "size", "storageSizeGiB");
    sugars.alias("InstanceRequirementsRequest", "vcpus", "vCpuCount");
    sugars.alias("InstanceRequirementsRequest", "memory", "memoryMiB");
    sugars.alias("InstanceRequirementsRequest", "memory_per_vcpu", "memoryGiBPerVCpu");
    sugars.sugar("CreateCapacityProviderRequest", "cluster", Fills.reference("cluster", Kind.CLUSTER), (s, f) -> {
      String name = sugars.reference(f.value(), Kind.CLUSTER, s.memberLoc("cluster", f.key(), f.span()));
      if (name != null) {
        s.set("cluster", JSON.textNode(name), f.span());
      }
    });
    sugars.sugar("CreateManagedInstancesProviderConfiguration", "scale_in_after",
        Fills.member("infrastructureOptimization.scaleInAfter"), (s, f) -> scaleInAfter(sugars.lower(), s, f));
  }

  /** {@code scale_in_after = 5m} (or {@code -1}, never) is {@code infrastructureOptimization.scaleInAfter}. */
  private static void scaleInAfter(Lower lower, Struct s, Value.Field f) {
    Shape optimization = s.shape.member("infrastructureOptimization");
    Loc loc = s.memberLoc("infrastructureOptimization", f.key(), f.span())
        .member("scaleInAfter", f.key(), f.span(), Hint.SECONDS);
    JsonNode value = lower.value(f.value(), optimization.member("scaleInAfter"), loc);
    if (value == null) {
      return;
    }
    if (s.get("infrastructureOptimization") != null) {
      lower.report(Diagnostic.error(SET_TWICE, f.keySpan(), "`scale_in_after` is set twice (also in"
          + " `infrastructure_optimization`)").withHint("keep one"));
      return;
    }
    ObjectNode target = JSON.objectNode();
    target.set("scaleInAfter", value);
    s.set("infrastructureOptimization", target, f.span());
  }
}
