package dev.sluice.jdbc.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one {@link PostgresCluster} per test JVM, the first time a test asks for it, and stops it
 * when the test plan ends (through JUnit's root store). Without PostgreSQL binaries, PostgreSQL
 * tests are skipped with a message, unless the environment variable {@value #REQUIRE} is set (CI
 * sets it): then they fail.
 */
public final class PostgresExtension implements BeforeEachCallback {
  /** The environment variable that turns missing PostgreSQL binaries into a failure. */
  public static final String REQUIRE = "SLUICE_REQUIRE_POSTGRES";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresExtension.class);
  private static volatile ExtensionContext root;

  @Override
  public void beforeEach(ExtensionContext context) {
    root = context.getRoot();
  }

  /** The cluster, started if need be; aborts (skips) the test if there are no binaries. */
  public static PostgresCluster cluster() {
    ExtensionContext context = root;
    if (context == null) {
      throw new IllegalStateException("register @ExtendWith(PostgresExtension.class)");
    }
    Holder holder =
        context
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Holder.class, k -> Holder.start(), Holder.class);
    Assumptions.assumeTrue(holder.cluster != null, holder.reason);
    return holder.cluster;
  }

  private record Holder(PostgresCluster cluster, String reason) implements AutoCloseable {
    static Holder start() {
      Path bin = PostgresCluster.findBinaries();
      if (bin == null) {
        String reason =
            "PostgreSQL server binaries not found (looked at $SLUICE_PG_BIN and"
                + " /usr/lib/postgresql/*/bin); install them with 'apt-get install -y postgresql-15'";
        if (System.getenv(REQUIRE) != null) {
          throw new IllegalStateException(REQUIRE + " is set but " + reason);
        }
        return new Holder(null, "skipping PostgreSQL tests: " + reason);
      }
      try {
        return new Holder(PostgresCluster.start(bin), null);
      } catch (Exception e) {
        throw new IllegalStateException("cannot start PostgreSQL from " + bin, e);
      }
    }

    @Override
    public void close() throws java.io.IOException {
      if (cluster != null) {
        cluster.close();
      }
    }
  }
}
