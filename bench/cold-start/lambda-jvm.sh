# Sourced by run.sh, warm.sh and sdk-priming.sh: the JDK and the JVM flags of Lambda's Java runtime, one definition
# for all, and the emulators' start.
# JAVA_HOME defaults to Temurin 25 where it is installed. Lambda's Java runtimes start the JVM with C1 only; a
# function of up to 1,769 MB has one vCPU, where the JVM picks the serial collector. Every candidate gets the
# same flags (JVM_FLAGS overrides them).
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JVM_FLAGS="${JVM_FLAGS:--XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto}"

# Starts the emulators (testing's EmulatorServer, class path $CP) in $work, waits until they are ready and sets
# props to their endpoints and credentials as -D flags; emu_pid is the server's (the caller's EXIT trap kills it).
start_emulators() {
  "$JAVA" -cp "$CP" dev.clipflow.testing.EmulatorServer "$work/env" > "$work/emulators.log" 2>&1 &
  emu_pid=$!
  for _ in $(seq 1 300); do grep -q '^ready' "$work/emulators.log" 2>/dev/null && break; sleep 0.1; done
  grep -q '^ready' "$work/emulators.log" || { echo "emulators did not start"; cat "$work/emulators.log"; exit 1; }
  props=()
  while IFS='=' read -r k v; do props+=("-D$k=$v"); done < "$work/env"
}
