#!/usr/bin/env bash
# The fan-out benchmark lives with the recommendation benchmark in bench/social (one JVM, one set of
# emulators); this name is kept because issue 4 asks for it.
exec "$(dirname "$0")/../social/run.sh" "$@"
