import { describe, expect, it } from 'vitest';
import { planReindex, type KnownFile } from '../../archive/indexing/plan.js';
import type { RememberedFailure } from '../../archive/store/index-format.js';

const file = (path: string, size = 10, mtimeMs = 1) => ({ path, size, mtimeMs });
const failure = (path: string, size = 10, mtimeMs = 1): RememberedFailure => ({ path, code: 'binary', message: 'binary', size, mtimeMs });

describe('planning an incremental run', () => {
  it.each<[string, ReturnType<typeof file>[], [string, KnownFile][], RememberedFailure[], string[], { read: string[]; unchanged: number; kept: string[]; removed: string[] }]>([
    ['a new file is read', [file('/a/new.txt')], [], [], [], { read: ['/a/new.txt'], unchanged: 0, kept: [], removed: [] }],
    ['an unchanged file is only looked at', [file('/a/x.txt')], [['/a/x.txt', { size: 10, mtimeMs: 1 }]], [], [], { read: [], unchanged: 1, kept: [], removed: [] }],
    ['a file with a new size is read again', [file('/a/x.txt', 11)], [['/a/x.txt', { size: 10, mtimeMs: 1 }]], [], [], { read: ['/a/x.txt'], unchanged: 0, kept: [], removed: [] }],
    ['a touched file is read again (its hash decides)', [file('/a/x.txt', 10, 2)], [['/a/x.txt', { size: 10, mtimeMs: 1 }]], [], [], { read: ['/a/x.txt'], unchanged: 0, kept: [], removed: [] }],
    ['a file gone from the disk leaves', [], [['/a/x.txt', { size: 10, mtimeMs: 1 }]], [], [], { read: [], unchanged: 0, kept: [], removed: ['/a/x.txt'] }],
    ['a file under a missing folder is kept', [], [['/drive/x.txt', { size: 10, mtimeMs: 1 }]], [], ['/drive'], { read: [], unchanged: 0, kept: [], removed: [] }],
    ['a folder named like the missing one is not under it', [], [['/drive2/x.txt', { size: 10, mtimeMs: 1 }]], [], ['/drive'], { read: [], unchanged: 0, kept: [], removed: ['/drive2/x.txt'] }],
    ['an unchanged bad file is listed again, not re-read', [file('/a/bad.txt')], [], [failure('/a/bad.txt')], [], { read: [], unchanged: 0, kept: ['/a/bad.txt'], removed: [] }],
    ['a bad file that changed is tried again', [file('/a/bad.txt', 12)], [], [failure('/a/bad.txt')], [], { read: ['/a/bad.txt'], unchanged: 0, kept: [], removed: [] }],
    ['a bad file that is gone is forgotten', [], [], [failure('/a/bad.txt')], [], { read: [], unchanged: 0, kept: [], removed: [] }],
  ])('%s', (_name, files, known, failures, missing, expected) => {
    const plan = planReindex(files, new Map(known), new Map(failures.map((f) => [f.path, f])), missing);
    expect({ read: plan.toRead.map((f) => f.path), unchanged: plan.unchanged, kept: plan.keptFailures.map((f) => f.path), removed: plan.removed }).toEqual(expected);
  });
});
