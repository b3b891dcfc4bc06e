// The preload: exposes the bridge (src-shared/api/desktop.ts) and nothing else.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './preload-bridge.ts';

contextBridge.exposeInMainWorld('dropline', createBridge(ipcRenderer, webUtils));
