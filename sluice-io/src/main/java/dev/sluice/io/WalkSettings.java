package dev.sluice.io;

/**
 * How {@link FileTree#walk} walks: whether it follows symbolic links, and how deep it goes.
 *
 * @param followLinks follow symbolic links to directories and files (default false; a link cycle is
 *     then skipped)
 * @param maxDepth the deepest directory level entered below the root (default {@value
 *     #DEFAULT_MAX_DEPTH}); deeper directories fail the run with an error naming {@code maxDepth},
 *     since each open level holds one directory handle
 */
public record WalkSettings(boolean followLinks, int maxDepth) {
  /** The default for {@link #maxDepth()}. */
  public static final int DEFAULT_MAX_DEPTH = 256;

  /** Checks the values. */
  public WalkSettings {
    if (maxDepth < 0) {
      throw new IllegalArgumentException("maxDepth must be >= 0, was " + maxDepth);
    }
  }

  /** Links not followed, at most {@value #DEFAULT_MAX_DEPTH} levels. */
  public static WalkSettings defaults() {
    return new WalkSettings(false, DEFAULT_MAX_DEPTH);
  }

  /** These settings, following symbolic links or not. */
  public WalkSettings withFollowLinks(boolean follow) {
    return new WalkSettings(follow, maxDepth);
  }

  /** These settings with another deepest level. */
  public WalkSettings withMaxDepth(int depth) {
    return new WalkSettings(followLinks, depth);
  }
}
