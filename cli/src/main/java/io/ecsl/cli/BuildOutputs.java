package io.ecsl.cli;

import io.ecsl.emit.BuildWriter;
import io.ecsl.model.EcsModel;
import java.util.List;

/** Everything a build writes; later outputs (CloudFormation, deploy script) join the list here. */
final class BuildOutputs {
  private BuildOutputs() {}

  static List<BuildWriter.OutputFile> files(EcsModel model) {
    return BuildWriter.files(model);
  }
}
