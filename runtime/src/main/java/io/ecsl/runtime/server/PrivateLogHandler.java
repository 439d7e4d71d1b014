package io.ecsl.runtime.server;

import io.ecsl.runtime.home.PrivateFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.logging.ErrorManager;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/**
 * The runtime's log file, private to its owner (0600, as the data directory's other files: the
 * log names tasks, images and errors), kept to about {@code limitBytes}: when it grows past that
 * it becomes {@code runtime.log.1} and a new one starts. (java.util.logging's FileHandler creates
 * files with the process's umask, usually 0644.)
 */
final class PrivateLogHandler extends StreamHandler {
  private final Path file;
  private final long limitBytes;
  private long written;

  PrivateLogHandler(Path file, long limitBytes) throws IOException {
    this.file = file;
    this.limitBytes = limitBytes;
    open();
  }

  private void open() throws IOException {
    PrivateFiles.file(file);
    written = Files.size(file);
    OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND);
    setOutputStream(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
        written++;
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        written += length;
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    });
  }

  @Override
  public synchronized void publish(LogRecord record) {
    super.publish(record);
    flush();
    if (written > limitBytes) {
      try {
        close();
        Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        open();
      } catch (IOException e) {
        reportError("cannot rotate " + file, e, ErrorManager.WRITE_FAILURE);
      }
    }
  }
}
