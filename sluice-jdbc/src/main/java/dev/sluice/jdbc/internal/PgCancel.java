package dev.sluice.jdbc.internal;

import java.lang.reflect.Proxy;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * A stand-in {@link Statement} for a {@link CancelWatch} over a {@code COPY}, which runs through
 * pgjdbc's {@code CopyManager} rather than a statement: its {@code cancel()} cancels whatever the
 * connection runs ({@link PGConnection#cancelQuery()}); every other method throws.
 */
final class PgCancel {
  private PgCancel() {}

  static Statement of(PGConnection pg) {
    return (Statement)
        Proxy.newProxyInstance(
            Statement.class.getClassLoader(),
            new Class<?>[] {Statement.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "cancel" -> {
                    pg.cancelQuery();
                    yield null;
                  }
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  case "toString" -> "cancel of " + pg;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
