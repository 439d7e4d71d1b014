package io.ecsl.cli.deploy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Ctrl-C (SIGINT) delivered to a handler instead of ending the JVM, for as long as it is installed.
 * Uses the JDK's {@code sun.misc.Signal} (module jdk.unsupported), reached reflectively so the
 * build stays free of internal-API warnings; where it is missing, Ctrl-C keeps its default.
 */
final class InterruptSignal implements AutoCloseable {
  private final Object previous;

  private InterruptSignal(Object previous) {
    this.previous = previous;
  }

  /** Installs {@code handler} for SIGINT; close() restores what was there. */
  static InterruptSignal install(Runnable handler) {
    try {
      Class<?> signalType = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      Object signal = signalType.getConstructor(String.class).newInstance("INT");
      InvocationHandler call = (Object proxy, Method method, Object[] args) -> {
        if (method.getName().equals("handle")) {
          Thread.ofPlatform().name("ecsl-run-interrupt").start(handler);
        }
        return null;
      };
      Object proxy = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType}, call);
      Object previous = signalType.getMethod("handle", signalType, handlerType).invoke(null, signal, proxy);
      return new InterruptSignal(previous);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return new InterruptSignal(null); // no signal API here: Ctrl-C ends ecsl as usual
    }
  }

  @Override
  public void close() {
    if (previous == null) {
      return;
    }
    try {
      Class<?> signalType = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      signalType.getMethod("handle", signalType, handlerType).invoke(null,
          signalType.getConstructor(String.class).newInstance("INT"), previous);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // leave it: the command is ending anyway
    }
  }
}
