// The work floor of a build: runs `ecsl build` several times in one JVM and prints each run's time.
// The first runs pay what every cold `./ecsl build` pays (JIT compiling, class loading); the last
// ones show what the build's own work costs once all code is compiled, i.e. what ecsl would take
// with a native binary and no extra optimisation.
//   usage: java -cp cli/target/ecsl.jar bench/WarmBuild.java RUNS FILE.ecs OUTDIR
// (bench/warm-build.sh N RUNS does the setup.)
import java.io.OutputStream;
import java.io.PrintStream;

public class WarmBuild {
  public static void main(String[] args) {
    int runs = Integer.parseInt(args[0]);
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    for (int i = 1; i <= runs; i++) {
      long start = System.nanoTime();
      int exit = io.ecsl.cli.Main.run(quiet, quiet, new String[] {"build", args[1], "--out", args[2]});
      if (exit != 0) {
        throw new IllegalStateException("build failed with exit " + exit);
      }
      System.out.printf("run %2d: %6.0f ms%n", i, (System.nanoTime() - start) / 1e6);
    }
  }
}
