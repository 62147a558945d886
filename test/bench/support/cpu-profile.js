// Preloaded (node -r) into processes a benchmark spawns when CPU_PROF_DIR is set: profiles the whole life of the
// process and writes <dir>/<name>-<pid>.cpuprofile on SIGTERM (--cpu-prof cannot be used: Nest re-raises the
// signal after its shutdown hooks, so the process never exits normally). Open the file in Chrome DevTools.
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join, basename } = require('node:path');

const dir = process.env.CPU_PROF_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  const name = basename(process.argv[process.argv.length - 1], '.ts');
  const onTerm = () => {
    session.post('Profiler.stop', (err, res) => {
      if (!err) writeFileSync(join(dir, `${process.env.SCRM_PROCESS ?? name}-${process.pid}.cpuprofile`), JSON.stringify(res.profile));
      // A listener of ours alone would cancel the default exit on SIGTERM (the bare baseline has no handler of its own).
      if (process.listeners('SIGTERM').every((l) => l === onTerm)) process.exit(0);
    });
  };
  process.prependListener('SIGTERM', onTerm);
}
