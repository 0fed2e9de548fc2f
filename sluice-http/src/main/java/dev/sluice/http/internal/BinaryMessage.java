package dev.sluice.http.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The frames of one binary WebSocket message, joined into an array that grows as needed up to a
 * limit. Not thread-safe (the JDK calls a listener one invocation at a time).
 */
final class BinaryMessage {
  private final int limit;
  private byte[] bytes = new byte[0];
  private int size;

  BinaryMessage(int limit) {
    this.limit = limit;
  }

  /** Appends what remains of {@code frame}; false (nothing kept) if the message would exceed it. */
  boolean add(ByteBuffer frame) {
    int more = frame.remaining();
    if (more > limit - size) {
      return false;
    }
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(size + more, bytes.length * 2)));
    }
    frame.get(bytes, size, more);
    size += more;
    return true;
  }

  /** The message: exactly its bytes, in a new array. */
  byte[] bytes() {
    return bytes.length == size ? bytes : Arrays.copyOf(bytes, size);
  }
}
