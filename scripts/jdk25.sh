# shellcheck shell=sh
# Sourced by coldbrew's scripts (mvnw, coldbrew, .ci/run): finds a JDK 25 or newer and exports JAVA_HOME.
# Order: JAVA_HOME if it is 25+, then the usual install places. Fails with a clear message if none exists.

coldbrew_jdk_major() { # prints the feature version of the JDK at $1, or nothing
    local release="$1/release" v
    [ -x "$1/bin/java" ] || return 0
    if [ -f "$release" ]; then
        v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$release" | head -n 1)
    fi
    if [ -z "${v:-}" ]; then
        v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
            | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1)
    fi
    printf '%s' "${v:-}"
}

coldbrew_find_jdk25() {
    local candidate major
    if [ -n "${JAVA_HOME:-}" ]; then
        major=$(coldbrew_jdk_major "$JAVA_HOME")
        if [ -n "$major" ] && [ "$major" -ge 25 ]; then
            printf '%s' "$JAVA_HOME"
            return 0
        fi
    fi
    # The usual install places: the Maven plugin searches the same list (JdkFinder.INSTALL_PLACES; its test keeps
    # the two equal).
    for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /usr/local/jdk* \
        "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        [ -d "$candidate" ] || continue
        major=$(coldbrew_jdk_major "$candidate")
        if [ -n "$major" ] && [ "$major" -ge 25 ]; then
            printf '%s' "$candidate"
            return 0
        fi
    done
    return 1
}

if ! COLDBREW_JDK=$(coldbrew_find_jdk25); then
    echo "coldbrew: no JDK 25 or newer found. JAVA_HOME is '${JAVA_HOME:-<unset>}'$( [ -n "${JAVA_HOME:-}" ] && printf ' (version %s)' "$(coldbrew_jdk_major "$JAVA_HOME")" )," >&2
    echo "coldbrew: and none was found under /usr/lib/jvm, /usr/java, /opt, ~/.sdkman or ~/.jdks." >&2
    echo "coldbrew: install a JDK 25 (e.g. Temurin 25) and set JAVA_HOME to it." >&2
    exit 1
fi
export JAVA_HOME="$COLDBREW_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
