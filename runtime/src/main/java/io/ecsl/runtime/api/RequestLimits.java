package io.ecsl.runtime.api;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How much request body the runtime reads, so that no request and no crowd of requests can
 * exhaust its heap: one body is at most {@link #MAX_BODY_BYTES} (the largest request ECS takes, a
 * 64 KiB task definition, with room to spare), refused from its {@code Content-Length} before a
 * byte of it is kept (the rest is read and dropped so the client sees the refusal); and all bodies being read at once share a budget of {@link #IN_FLIGHT_BYTES}.
 */
public final class RequestLimits {
  /** The most of a refused body read and dropped before answering 413 (see {@link #discard}). */
  static final long DRAINED_AT_MOST = 64L * 1024 * 1024;

  public static final int MAX_BODY_BYTES = 1024 * 1024;
  public static final int IN_FLIGHT_BYTES = 32 * 1024 * 1024;
  /** How long a request waits for room in the budget before it is refused as throttled. */
  private static final long BUDGET_WAIT_SECONDS = 10;

  private final int maxBodyBytes;
  private final Semaphore budget;

  public RequestLimits() {
    this(MAX_BODY_BYTES, IN_FLIGHT_BYTES);
  }

  RequestLimits(int maxBodyBytes, int inFlightBytes) {
    this.maxBodyBytes = maxBodyBytes;
    this.budget = new Semaphore(inFlightBytes, true);
  }

  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** A body read under the budget; closing it returns its share of the budget. */
  public final class Body implements AutoCloseable {
    private final byte[] bytes;
    private final int reserved;
    private boolean closed;

    private Body(byte[] bytes, int reserved) {
      this.bytes = bytes;
      this.reserved = reserved;
    }

    public byte[] bytes() {
      return bytes;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        budget.release(reserved);
      }
    }
  }

  /**
   * Reads the exchange's body.
   *
   * @throws ApiException {@code RequestEntityTooLargeException} (413) past the limit,
   *     {@code ThrottlingException} when too many large bodies are in flight
   */
  public Body read(HttpExchange exchange) throws IOException {
    String lengthHeader = exchange.getRequestHeaders().getFirst("Content-Length");
    long declared = -1;
    if (lengthHeader != null) {
      try {
        declared = Long.parseLong(lengthHeader.trim());
      } catch (NumberFormatException e) {
        throw new ApiException("SerializationException", "Content-Length '" + lengthHeader + "' is not a number.");
      }
    }
    if (declared > maxBodyBytes) {
      discard(exchange.getRequestBody(), declared);
      throw tooLarge(declared + " bytes");
    }
    boolean chunked = exchange.getRequestHeaders().getFirst("Transfer-Encoding") != null;
    if (declared < 0 && !chunked) {
      return new Body(new byte[0], 0); // no length and not chunked: HTTP/1.1 says there is no body
    }
    int reserve = declared >= 0 ? (int) declared : maxBodyBytes;
    try {
      if (!budget.tryAcquire(reserve, BUDGET_WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new ApiException("ThrottlingException", "Rate exceeded: too many large requests are being read at"
            + " once; retry shortly.", 400);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException("ServerException", "interrupted while waiting to read the request", 500);
    }
    byte[] bytes;
    try {
      bytes = readAtMost(exchange.getRequestBody(), maxBodyBytes);
    } catch (IOException | RuntimeException e) {
      budget.release(reserve);
      throw e;
    }
    // A streamed body reserved the most it could be; keep only what it is while it is handled.
    budget.release(reserve - Math.min(reserve, bytes.length));
    return new Body(bytes, Math.min(reserve, bytes.length));
  }

  private byte[] readAtMost(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 8192));
    byte[] buffer = new byte[8192];
    int total = 0;
    int read;
    while ((read = in.read(buffer)) >= 0) {
      total += read;
      if (total > limit) {
        discard(in, DRAINED_AT_MOST);
        throw tooLarge("more than " + limit + " bytes");
      }
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }

  /**
   * Reads and drops what is left of a refused body (up to {@code atMost} bytes), so the client,
   * still sending it, reads the 413 instead of a connection reset: closing a socket with unread
   * input makes the kernel answer with RST, which can overtake the response. Bodies past
   * {@value #DRAINED_AT_MOST} bytes are not worth reading: their connection is closed.
   */
  private static void discard(InputStream in, long atMost) {
    if (atMost > DRAINED_AT_MOST) {
      return;
    }
    byte[] buffer = new byte[65536];
    long left = atMost;
    try {
      int read;
      while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
        left -= read;
      }
    } catch (IOException e) {
      // the client gave up: nothing to answer
    }
  }

  private ApiException tooLarge(String size) {
    return new ApiException("RequestEntityTooLargeException", "The request body is " + size + "; the ecsl runtime"
        + " accepts at most " + maxBodyBytes + " bytes (ECS's largest request, a task definition, is at most 64 KiB).",
        413);
  }
}
