package io.ecsl.runtime.model;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/** Identifiers in the formats AWS uses for each kind of resource. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

  private Ids() {}

  /** A task id: 32 lowercase hex digits. */
  public static String taskId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** An EC2 instance id: {@code i-} and 17 lowercase hex digits. */
  public static String ec2InstanceId() {
    return "i-" + taskId().substring(0, 17);
  }

  /** A service deployment id: {@code ecs-svc/} and 19 digits. */
  public static String deploymentId() {
    StringBuilder id = new StringBuilder("ecs-svc/");
    id.append(1 + RANDOM.nextInt(9));
    for (int i = 1; i < 19; i++) {
      id.append(RANDOM.nextInt(10));
    }
    return id.toString();
  }

  public static String uuid() {
    return UUID.randomUUID().toString();
  }

  /** {@code prefix} followed by {@code length} random lowercase letters and digits. */
  public static String alnum(String prefix, int length) {
    StringBuilder id = new StringBuilder(prefix);
    for (int i = 0; i < length; i++) {
      id.append(LOWER_ALNUM.charAt(RANDOM.nextInt(LOWER_ALNUM.length())));
    }
    return id.toString();
  }
}
