package io.ecsl.testing;

import java.util.Map;

/**
 * What the moto_server the tests run cannot take, and why: tests that apply every sample to moto
 * leave these out and say so, and the local runtime, which implements the operations, applies
 * them instead (the test named in the reason). Remove an entry when moto learns the operation.
 */
public final class MotoGaps {
  private MotoGaps() {}

  /** Sample directory name → why moto cannot apply it, and which test applies it instead. */
  public static final Map<String, String> SAMPLES = Map.of(
      "managed-instances", "moto 5.2 answers CreateCapacityProvider with a managedInstancesProvider with HTTP 500"
          + " (a TypeError in its handler); ManagedInstancesSampleOnRuntimeTest applies it to the local runtime",
      "express-web", "moto 5.2 has no Express Mode operations (CreateExpressGatewayService);"
          + " ExpressSampleOnRuntimeTest applies it to the local runtime",
      "managed-daemon", "moto 5.2 has no Managed Daemons operations (RegisterDaemonTaskDefinition, CreateDaemon) and"
          + " answers CreateCapacityProvider with a managedInstancesProvider with HTTP 500; DaemonOnRuntimeTest applies it"
          + " to the local runtime, and botocore's validation judges its requests");
}
