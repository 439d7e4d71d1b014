package io.ecsl.ast;

import io.ecsl.source.SourceFile;
import java.util.List;

/** One parsed file. */
public record SourceUnit(SourceFile file, List<Item> items) {}
