// Preloaded into the gateway for the profile phase only: SIGWINCH (Nest's shutdown hooks take SIGUSR2) starts
// the V8 sampling profiler, the next one stops it and writes the profile to BENCH_CPU_PROFILE, so the profile
// covers just the load window.
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');

const session = new Session();
session.connect();
let running = false;
process.on('SIGWINCH', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.start'));
    return;
  }
  running = false;
  session.post('Profiler.stop', (err, res) => {
    writeFileSync(process.env.BENCH_CPU_PROFILE, err ? JSON.stringify({ error: err.message }) : JSON.stringify(res.profile));
  });
});
