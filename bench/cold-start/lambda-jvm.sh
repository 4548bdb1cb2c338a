# Sourced by run.sh and warm.sh: the JDK and the JVM flags of Lambda's Java runtime, one definition for both.
# JAVA_HOME defaults to Temurin 25 where it is installed. Lambda's Java runtimes start the JVM with C1 only; a
# function of up to 1,769 MB has one vCPU, where the JVM picks the serial collector. Every candidate gets the
# same flags (JVM_FLAGS overrides them).
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JVM_FLAGS="${JVM_FLAGS:--XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto}"
