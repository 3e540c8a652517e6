// For profiling a server a bench starts (NODE_OPTIONS="--cpu-prof --require <this file>"): exit
// through process.exit() on SIGTERM/SIGINT, so that Node writes the `--cpu-prof` profile, which a
// process killed by the signal's default action never does.
for (const signal of ["SIGINT", "SIGTERM"]) process.prependListener(signal, () => process.exit(0));
