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
public final class ManagedInstances {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** A short name for an API member of a shape; {@code imported} when {@code ecsl import} writes it too. */
  public record Alias(String shape, String written, String member, boolean imported) {}

  /**
   * The short names. The language reference writes {@code instance_launch_template} and
   * {@code instance_requirements} by their model names, so the import does too; the shorter
   * {@code launch_template} and {@code requirements} are accepted.
   */
  public static final java.util.List<Alias> ALIASES = java.util.List.of(
      new Alias("CreateCapacityProviderRequest", "managed_instances", "managedInstancesProvider", true),
      new Alias("CreateManagedInstancesProviderConfiguration", "infrastructure_role", "infrastructureRoleArn", true),
      new Alias("CreateManagedInstancesProviderConfiguration", "launch_template", "instanceLaunchTemplate", false),
      new Alias("InstanceLaunchTemplate", "instance_profile", "ec2InstanceProfileArn", true),
      new Alias("InstanceLaunchTemplate", "network", "networkConfiguration", true),
      new Alias("InstanceLaunchTemplate", "storage", "storageConfiguration", true),
      new Alias("InstanceLaunchTemplate", "local_storage", "localStorageConfiguration", true),
      new Alias("InstanceLaunchTemplate", "requirements", "instanceRequirements", false),
      new Alias("ManagedInstancesStorageConfiguration", "size", "storageSizeGiB", true),
      new Alias("InstanceRequirementsRequest", "vcpus", "vCpuCount", true),
      new Alias("InstanceRequirementsRequest", "memory", "memoryMiB", true),
      new Alias("InstanceRequirementsRequest", "memory_per_vcpu", "memoryGiBPerVCpu", true));

  private ManagedInstances() {}

  static void register(Sugars sugars) {
    for (Alias a : ALIASES) {
      sugars.alias(a.shape(), a.written(), a.member());
    }
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
