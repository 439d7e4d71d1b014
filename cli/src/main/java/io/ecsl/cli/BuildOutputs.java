package io.ecsl.cli;

import io.ecsl.emit.BuildWriter;
import io.ecsl.emit.cfn.CloudFormation;
import io.ecsl.emit.script.DeployScript;
import io.ecsl.model.EcsModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Everything a build writes: the request files, {@code cloudformation.json}, {@code deploy.sh}
 * and {@code manifest.json} (last, so a build cut short never leaves a manifest naming files
 * that are not there), plus the notes the build prints about them.
 *
 * @param files the files, manifest last
 * @param notes what the user should know about the outputs (what CloudFormation cannot express)
 */
record BuildOutputs(List<BuildWriter.OutputFile> files, List<String> notes) {

  static BuildOutputs of(EcsModel model) {
    // The three outputs are independent; on a large project each takes a while, so build the
    // template and the script beside the request files.
    CompletableFuture<CloudFormation.Template> template = CompletableFuture.supplyAsync(() -> CloudFormation.of(model));
    CompletableFuture<byte[]> script = CompletableFuture.supplyAsync(() -> DeployScript.bytes(model));
    List<BuildWriter.OutputFile> files = new ArrayList<>(BuildWriter.files(model));
    BuildWriter.OutputFile manifest = files.remove(files.size() - 1);
    byte[] cfn = template.join().bytes();
    if (cfn != null) {
      files.add(new BuildWriter.OutputFile(CloudFormation.FILE, cfn));
    }
    files.add(new BuildWriter.OutputFile(DeployScript.FILE, script.join()));
    files.add(manifest);
    return new BuildOutputs(List.copyOf(files), template.join().notes());
  }

  /** After writing: {@code deploy.sh} becomes executable where the file system knows the bit. */
  static void finish(Path dir) throws IOException {
    Path script = dir.resolve(DeployScript.FILE);
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(script);
      perms.add(PosixFilePermission.OWNER_EXECUTE);
      if (perms.contains(PosixFilePermission.GROUP_READ)) {
        perms.add(PosixFilePermission.GROUP_EXECUTE);
      }
      if (perms.contains(PosixFilePermission.OTHERS_READ)) {
        perms.add(PosixFilePermission.OTHERS_EXECUTE);
      }
      Files.setPosixFilePermissions(script, perms);
    } catch (UnsupportedOperationException e) {
      // Windows: `bash deploy.sh` works all the same.
    }
  }
}
