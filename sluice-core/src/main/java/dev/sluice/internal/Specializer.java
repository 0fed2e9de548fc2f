package dev.sluice.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives each function, at each position in a chain, its own copy of the class that calls it, so the
 * JIT sees one receiver at every call site and no method calling itself down the chain.
 *
 * <p>Why: {@code map(f).filter(p).map(g)} would otherwise run the same {@code push} method twice in
 * one chain. HotSpot then stops inlining (recursive inlining, polluted type profiles) and the boxed
 * elements escape: measured 19 ns and 72 bytes allocated per element against 8 ns and 12 bytes with
 * a copy per position (bench/run core). A copy per position alone is not enough in an application
 * that runs many pipelines: the copy for position 1 then calls every function ever mapped first,
 * and the boxes escape again (a JVM that had run five other reductions measured 15 ns and 36 bytes
 * per element; 7 ns and none with a copy per function). So copies are keyed by the function's class
 * and the position (capped at {@link #MAX_POSITION}), and by the function's class alone for a
 * terminal ({@link #createFor}).
 *
 * <p>Copies are hidden classes defined from the template's own bytes, each made once (about a
 * millisecond) and kept in a {@link ClassValue} of the function's class, so they live as long as
 * the function's class does. Their number is bounded by the functions written in the program: every
 * run of one lambda expression or method reference uses the same class. Set the system property
 * {@code dev.sluice.specialize=false} to use the templates themselves.
 */
final class Specializer {
  static final int MAX_POSITION = 24;

  private static final boolean ENABLED =
      !"false".equals(System.getProperty("dev.sluice.specialize"));
  private static final MethodType SHAPE =
      MethodType.methodType(Object.class, Source.class, Object.class, Downstream.class);
  private static final MethodType FOR_SHAPE =
      MethodType.methodType(Object.class, Object.class, Object.class);
  private static final ClassValue<ConcurrentHashMap<Object, MethodHandle>> PER_FUNCTION =
      new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<Object, MethodHandle> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  private record Key(Class<?> template, int position) {}

  private Specializer() {}

  /**
   * Creates a push adapter: an instance of {@code template}'s copy for the class of {@code fn} (not
   * null) at {@code stage}'s position. The template must have a constructor {@code (Source, Object,
   * Downstream)}.
   */
  @SuppressWarnings("unchecked")
  static <T> Downstream<T> create(
      Class<?> template, Source<?> stage, Object fn, Downstream<?> down) {
    int position = Math.min(stage.position(), MAX_POSITION);
    MethodHandle constructor =
        PER_FUNCTION
            .get(fn.getClass())
            .computeIfAbsent(new Key(template, position), key -> constructor((Key) key));
    try {
      return (Downstream<T>) (Object) constructor.invokeExact(stage, fn, down);
    } catch (Throwable t) {
      throw Failures.sneaky(t);
    }
  }

  /**
   * Creates an instance of {@code template}'s copy for the class of {@code fn}, so that the call of
   * {@code fn} inside it sees one receiver however many functions the application passes to the
   * same operation. The template must have a constructor {@code (Object fn, Object arg)}. The
   * copies live as long as the function's class ({@link ClassValue}); there is one per template and
   * function class, and so at most one per function written in the program.
   */
  @SuppressWarnings("unchecked")
  static <D> D createFor(Class<?> template, Object fn, Object arg) {
    MethodHandle constructor =
        PER_FUNCTION
            .get(fn.getClass())
            .computeIfAbsent(
                template, t -> constructor((Class<?>) t, FOR_SHAPE, "(Object, Object)"));
    try {
      return (D) constructor.invokeExact(fn, arg);
    } catch (Throwable t) {
      throw Failures.sneaky(t);
    }
  }

  private static MethodHandle constructor(Key key) {
    return constructor(key.template(), SHAPE, "(Source, Object, Downstream)");
  }

  private static MethodHandle constructor(Class<?> template, MethodType shape, String described) {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    Class<?> type = template;
    if (ENABLED) {
      try {
        type = lookup.defineHiddenClass(bytes(template), true).lookupClass();
      } catch (IOException | LinkageError | IllegalAccessException e) {
        type = template;
      }
    }
    try {
      return lookup
          .findConstructor(type, shape.changeReturnType(void.class))
          .asType(shape.changeReturnType(Object.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no " + described + " constructor in " + type, e);
    }
  }

  private static byte[] bytes(Class<?> template) throws IOException {
    String name = template.getName().substring(template.getPackageName().length() + 1);
    try (InputStream in = template.getResourceAsStream(name + ".class")) {
      if (in == null) {
        throw new IOException("class file of " + template + " not found");
      }
      return in.readAllBytes();
    }
  }
}
