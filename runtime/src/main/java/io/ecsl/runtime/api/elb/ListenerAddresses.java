package io.ecsl.runtime.api.elb;

/** Where each listener's local proxy listens on 127.0.0.1 (the load-balancing edge knows; the API shows it). */
public interface ListenerAddresses {
  /** The port on 127.0.0.1 serving {@code listenerArn}, or null while it has none. */
  Integer localPort(String listenerArn);

  ListenerAddresses NONE = arn -> null;
}
