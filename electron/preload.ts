import { contextBridge, ipcRenderer } from 'electron';
import type { ArchiveBridge, ShellBridge } from '../archive/api/bridge.js';
import type { ArchiveEvent, ArchiveMethod } from '../archive/api/contract.js';
import type { ApiResult } from '../archive/api/errors.js';

const call = <M extends ArchiveMethod>(method: M) => (req: unknown) => ipcRenderer.invoke('archive', method, req) as Promise<ApiResult<never>>;

/** Exactly the contract's methods: `satisfies` fails the build on a missing or extra one. */
export const archiveBridge = {
  status: call('status'),
  addFolder: call('addFolder'),
  removeFolder: call('removeFolder'),
  openDemo: call('openDemo'),
  reindex: call('reindex'),
  cancelIndexing: call('cancelIndexing'),
  failures: call('failures'),
  search: call('search'),
  getRelease: call('getRelease'),
  countryNames: call('countryNames'),
  setHomeCountries: call('setHomeCountries'),
  timeline: call('timeline'),
  listBriefings: call('listBriefings'),
  getBriefing: call('getBriefing'),
  saveBriefing: call('saveBriefing'),
  deleteBriefing: call('deleteBriefing'),
  addToBriefing: call('addToBriefing'),
  briefingDocument: call('briefingDocument'),
  exportBriefing: call('exportBriefing'),
  connectTeam: call('connectTeam'),
  disconnectTeam: call('disconnectTeam'),
} satisfies ArchiveBridge;

export const shellBridge = {
  platform: process.platform,
  pickFolder: () => ipcRenderer.invoke('shell:pickFolder') as Promise<string | null>,
  revealRelease: (id: string) => ipcRenderer.invoke('shell:reveal', id) as Promise<void>,
  openRelease: (id: string) => ipcRenderer.invoke('shell:open', id) as Promise<void>,
  print: () => ipcRenderer.invoke('shell:print') as Promise<void>,
  savePdf: (paper: 'a4' | 'letter', suggestedName: string) => ipcRenderer.invoke('shell:savePdf', paper, suggestedName) as Promise<string | null>,
  onEvent: (listener: (event: ArchiveEvent) => void) => {
    const handler = (_e: unknown, event: ArchiveEvent): void => listener(event);
    ipcRenderer.on('archive-event', handler);
    return () => {
      ipcRenderer.removeListener('archive-event', handler);
    };
  },
} satisfies ShellBridge;

contextBridge.exposeInMainWorld('liaison', archiveBridge);
contextBridge.exposeInMainWorld('liaisonShell', shellBridge);
