package io.ecsl.cli;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli command specs built with its programmatic API, for the commands every project runs
 * (check, build) and the top level. Reading picocli's annotations costs 75-113 ms of the main
 * thread's CPU on every start: the JDK makes one dynamic proxy class per annotation type read
 * ({@code @Command}, {@code @Option}, {@code @Mixin}, {@code @Spec}, …), generated with the class-file
 * API and never kept by the AOT cache. A spec built here reads no annotation; it must describe
 * exactly what the annotations did (help text, option names and types, defaults);
 * {@code CommandSpecHelpTest} holds their help to what picocli rendered from the annotations.
 */
final class Specs {
  private Specs() {}

  /**
   * A command named {@code name} that runs {@code command} (a {@link Runnable} or
   * {@link java.util.concurrent.Callable}), with {@code -h, --help} and {@code -V, --version} as
   * {@code mixinStandardHelpOptions} gives them.
   */
  static CommandSpec command(Object command, String name, String... description) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    spec.name(name);
    spec.usageMessage().description(description);
    // picocli's AutoHelpMixin, whose own annotations mixinStandardHelpOptions(true) would read
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
        .description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
        .description("Print version information and exit.").build());
    return spec;
  }

  /** An option of {@code type} whose parsed value goes to {@code set} (and is read back by {@code get}). */
  static <T> OptionSpec.Builder option(Class<T> type, Supplier<T> get, Consumer<T> set, String... names) {
    return OptionSpec.builder(names).type(type).getter(getter(get)).setter(setter(set))
        // the field's own initializer is the initial value, as picocli keeps it for an annotated field
        .hasInitialValue(false);
  }

  /** A repeatable option ({@code List<element>}) whose values go to {@code set}. */
  static <E> OptionSpec.Builder listOption(Class<E> element, Supplier<List<E>> get,
      Consumer<List<E>> set, String... names) {
    return OptionSpec.builder(names).type(List.class).auxiliaryTypes(element)
        .getter(getter(get)).setter(setter(set)).hasInitialValue(false);
  }

  /** Positional parameters ({@code List<element>}) whose values go to {@code set}. */
  static <E> PositionalParamSpec.Builder positionals(Class<E> element, Supplier<List<E>> get,
      Consumer<List<E>> set) {
    return PositionalParamSpec.builder().type(List.class).auxiliaryTypes(element)
        .getter(getter(get)).setter(setter(set)).hasInitialValue(false);
  }

  private static IGetter getter(Supplier<?> get) {
    return new IGetter() {
      @Override
      @SuppressWarnings("unchecked")
      public <V> V get() {
        return (V) get.get();
      }
    };
  }

  private static <T> ISetter setter(Consumer<T> set) {
    return new ISetter() {
      @Override
      @SuppressWarnings("unchecked")
      public <V> V set(V value) {
        set.accept((T) value);
        return null;
      }
    };
  }
}
