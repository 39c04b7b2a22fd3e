// Preloaded (node --require) into a server that has no signal handlers of its own, when the bench
// profiles it: SIGTERM and SIGINT then end it through process.exit, so `--cpu-prof` writes its profile.
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => process.exit(0))
