# Sourced by Sluice's scripts: exports JAVA_HOME for a JDK >= 21 and puts it first on PATH.
# Looks at JAVA_HOME, then the java on PATH, then the usual install folders; fails clearly.
sluice_java_version() { # prints the feature version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
sluice_find_jdk() {
  local candidates=() c v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for c in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    v=$(sluice_java_version "$c/bin/java")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then printf '%s\n' "$c"; return 0; fi
  done
  return 1
}
if ! SLUICE_JDK=$(sluice_find_jdk); then
  echo "sluice: no JDK 21 or newer found (looked at JAVA_HOME, the javac on PATH, /usr/lib/jvm, /opt)." >&2
  echo "sluice: install one (e.g. 'apt-get install openjdk-21-jdk-headless') or set JAVA_HOME to it." >&2
  return 1 2>/dev/null || exit 1
fi
export JAVA_HOME="$SLUICE_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
