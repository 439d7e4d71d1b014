package io.ecsl.runtime.loadbalancing;

/** A listener served on 127.0.0.1 (HTTP for Application Load Balancers, TCP for Network ones). */
interface ListenerProxy extends AutoCloseable {
  /** The local port it listens on. */
  int localPort();

  /** The listener port and protocol it was started for (a change restarts it). */
  String configuration();

  @Override
  void close();
}
