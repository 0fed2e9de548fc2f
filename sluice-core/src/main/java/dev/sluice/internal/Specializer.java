package dev.sluice.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
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
  private static final ClassValue<ConcurrentHashMap<Key, MethodHandle>> PER_FUNCTION =
      new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<Key, MethodHandle> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  /** A template at a position; position -1 for a terminal, whose copies are per function only. */
  private record Key(Class<?> template, int position) {}

  private Specializer() {}

  /**
   * Creates a push adapter: an instance of {@code template}'s copy for the class of {@code fn} (not
   * null) at {@code stage}'s position. The template's one constructor takes {@code (Source, Object,
   * Downstream)}.
   */
  @SuppressWarnings("unchecked")
  static <T> Downstream<T> create(
      Class<?> template, Source<?> stage, Object fn, Downstream<?> down) {
    MethodHandle constructor =
        constructor(fn, new Key(template, Math.min(stage.position(), MAX_POSITION)));
    try {
      return (Downstream<T>) (Object) constructor.invokeExact((Object) stage, fn, (Object) down);
    } catch (Throwable t) {
      throw Failures.sneaky(t);
    }
  }

  /**
   * Creates an instance of {@code template}'s copy for the class of {@code fn}, so that the call of
   * {@code fn} inside it sees one receiver however many functions the application passes to the
   * same operation. The template's one constructor takes {@code (Object fn, Object arg)}.
   */
  @SuppressWarnings("unchecked")
  static <D> D createFor(Class<?> template, Object fn, Object arg) {
    MethodHandle constructor = constructor(fn, new Key(template, -1));
    try {
      return (D) constructor.invokeExact(fn, arg);
    } catch (Throwable t) {
      throw Failures.sneaky(t);
    }
  }

  /**
   * The constructor of the copy for {@code fn}'s class and {@code key}, taking and giving Objects.
   */
  private static MethodHandle constructor(Object fn, Key key) {
    return PER_FUNCTION.get(fn.getClass()).computeIfAbsent(key, Specializer::define);
  }

  private static MethodHandle define(Key key) {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    Class<?> type = key.template();
    if (ENABLED) {
      try {
        type = lookup.defineHiddenClass(bytes(type), true).lookupClass();
      } catch (IOException | LinkageError | IllegalAccessException e) {
        type = key.template();
      }
    }
    try {
      MethodHandle constructor = lookup.unreflectConstructor(type.getDeclaredConstructors()[0]);
      return constructor.asType(constructor.type().generic());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("no accessible constructor in " + type, e);
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
