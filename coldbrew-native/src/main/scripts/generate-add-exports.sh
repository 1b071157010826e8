#!/bin/sh
# Regenerates src/main/resources/dev/coldbrew/nativeimage/add-exports.args: the --add-exports the image builder's
# modules need, found by jdeps --jdk-internals over the builder jars. jdeps cannot resolve the builder as modules
# (its jdk.graal.compiler replaces the JDK's empty module of that name), so it reads copies of the jars without
# their module-info, and each jar's module name comes from jar --describe-module.
#   coldbrew-native/src/main/scripts/generate-add-exports.sh      (after ./mvnw -pl coldbrew-native -am install)
set -eu
here=$(cd "$(dirname "$0")/../../.." && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=../../../../scripts/jdk25.sh
. "$root/scripts/jdk25.sh"
classpath="$here/target/classes/dev/coldbrew/nativeimage/builder.classpath"
out="$here/src/main/resources/dev/coldbrew/nativeimage/add-exports.args"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tr ':' '\n' < "$classpath" > "$work/jars"
mkdir "$work/plain"
while read -r jar; do
    name=$(basename "$jar")
    module=$("$JAVA_HOME/bin/jar" --describe-module --file "$jar" | head -n 1 | sed 's/[@ ].*//')
    echo "$name $module" >> "$work/modules"
    cp "$jar" "$work/plain/$name"
    zip -q -d "$work/plain/$name" module-info.class 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true
done < "$work/jars"
"$JAVA_HOME/bin/jdeps" --multi-release 25 --jdk-internals --ignore-missing-deps "$work"/plain/*.jar > "$work/jdeps"
{
    echo "# The --add-exports the image builder's modules need from the JDK (module/package=reading modules), one a line."
    echo "# Generated for the pinned builder version by src/main/scripts/generate-add-exports.sh (run it after a version change)."
    awk 'FNR == NR { module[$1] = $2; next }
         /^[^ ]/ { jar = $1; next }
         /JDK internal API/ { n = split($3, part, "."); pkg = substr($3, 1, length($3) - length(part[n]) - 1);
                              owner = $NF; gsub(/[()]/, "", owner); print owner "/" pkg, module[jar] }' \
        "$work/modules" "$work/jdeps" | sort -u |
        awk '{ readers[$1] = readers[$1] ? readers[$1] "," $2 : $2 } END { for (k in readers) print "--add-exports=" k "=" readers[k] }' |
        LC_ALL=C sort
} > "$out"
echo "wrote $out ($(grep -c '^--add-exports' "$out") lines)"
