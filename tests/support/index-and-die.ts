// Run in a child process: index a folder into a data folder and kill itself at a chosen step
// (`read:N` after N files were read, `phase:P` when the run enters phase P, or the name of a file
// being saved, or `CURRENT`).
import { LocalArchive } from '../../archive/local-archive.js';

const [dataDir, folder, killAt] = process.argv.slice(2) as [string, string, string];
const archive = await LocalArchive.open(dataDir);
await archive.setFolders([folder]);
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};
await archive.reindex({
  onProgress: (p) => {
    if (killAt.startsWith('read:') && p.phase === 'reading' && p.filesDone >= Number(killAt.slice(5))) die();
    if (killAt.startsWith('phase:') && p.phase === killAt.slice(6)) die();
  },
  onSaveStep: (name) => {
    if (name === killAt) die();
  },
});
process.stdout.write('finished\n');
