package dev.sluice.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Jdbc#pool} connects: an immutable settings record, built from {@link #defaults()} and
 * the {@code with…} methods; {@code toString} lists every value. The timeouts bound every wait on
 * the network, so a server that accepts a connection but never answers fails the caller with a
 * timeout instead of hanging it.
 *
 * <pre>{@code
 * Jdbc.pool(url, user, password, PoolSettings.defaults().withConnectTimeout(Duration.ofSeconds(3)));
 * }</pre>
 *
 * @param maxSize the most connections the pool holds ({@value Jdbc#DEFAULT_POOL_SIZE})
 * @param connectTimeout the longest wait for a connection: opening the socket and logging in (for
 *     PostgreSQL {@code connectTimeout} and {@code loginTimeout}) and borrowing one from the pool
 *     (HikariCP {@code connectionTimeout}); at least one second ({@code DEFAULT_CONNECT_TIMEOUT},
 *     10 s)
 * @param validationTimeout the longest check that a pooled connection is alive; at most {@code
 *     connectTimeout} ({@code DEFAULT_VALIDATION_TIMEOUT}, 5 s)
 * @param socketTimeout the longest wait for any read from the server once connected (PostgreSQL
 *     {@code socketTimeout}); zero for none (the default, so long queries are not cut; bound a
 *     query with {@link TableQuery#queryTimeout} instead), whole seconds
 */
public record PoolSettings(
    int maxSize, Duration connectTimeout, Duration validationTimeout, Duration socketTimeout) {
  /** The default {@link #connectTimeout}. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** The default {@link #validationTimeout}. */
  public static final Duration DEFAULT_VALIDATION_TIMEOUT = Duration.ofSeconds(5);

  /** Checks every value. */
  public PoolSettings {
    if (maxSize <= 0) {
      throw new IllegalArgumentException("maxSize must be > 0, was " + maxSize);
    }
    if (Objects.requireNonNull(connectTimeout, "connectTimeout").compareTo(Duration.ofSeconds(1))
        < 0) {
      throw new IllegalArgumentException("connectTimeout must be >= 1 s, was " + connectTimeout);
    }
    if (Objects.requireNonNull(validationTimeout, "validationTimeout").toMillis() < 250
        || validationTimeout.compareTo(connectTimeout) > 0) {
      throw new IllegalArgumentException(
          "validationTimeout must be >= 250 ms and <= connectTimeout "
              + connectTimeout
              + ", was "
              + validationTimeout);
    }
    if (Objects.requireNonNull(socketTimeout, "socketTimeout").isNegative()) {
      throw new IllegalArgumentException("socketTimeout must be >= 0, was " + socketTimeout);
    }
  }

  /** The defaults. */
  public static PoolSettings defaults() {
    return new PoolSettings(
        Jdbc.DEFAULT_POOL_SIZE, DEFAULT_CONNECT_TIMEOUT, DEFAULT_VALIDATION_TIMEOUT, Duration.ZERO);
  }

  /** These settings with another {@link #maxSize}. */
  public PoolSettings withMaxSize(int maxSize) {
    return new PoolSettings(maxSize, connectTimeout, validationTimeout, socketTimeout);
  }

  /**
   * These settings with another {@link #connectTimeout}; the {@link #validationTimeout} is lowered
   * to it if it was longer.
   */
  public PoolSettings withConnectTimeout(Duration connectTimeout) {
    Duration validation =
        validationTimeout.compareTo(Objects.requireNonNull(connectTimeout, "connectTimeout")) > 0
            ? connectTimeout
            : validationTimeout;
    return new PoolSettings(maxSize, connectTimeout, validation, socketTimeout);
  }

  /** These settings with another {@link #validationTimeout}. */
  public PoolSettings withValidationTimeout(Duration validationTimeout) {
    return new PoolSettings(maxSize, connectTimeout, validationTimeout, socketTimeout);
  }

  /** These settings with another {@link #socketTimeout}. */
  public PoolSettings withSocketTimeout(Duration socketTimeout) {
    return new PoolSettings(maxSize, connectTimeout, validationTimeout, socketTimeout);
  }
}
