/** Messages between the test and the simulated Electron (Node IPC of the child process). */

export interface MenuItemView {
  label: string | null;
  enabled: boolean;
}

export type FromApp =
  | { type: 'ready'; cdpPort: number }
  | { type: 'window'; id: number; url: string }
  | { type: 'window-visible'; id: number; visible: boolean }
  | { type: 'window-closed'; id: number }
  | { type: 'tray'; image: string; tooltip: string; menu: MenuItemView[] }
  | { type: 'notification'; title: string; body: string }
  | { type: 'error-box'; title: string; content: string }
  | { type: 'open-external'; url: string }
  | { type: 'exiting'; code: number };

export type ToApp =
  | { type: 'close-window' }
  | { type: 'tray-click'; label: string }
  | { type: 'notification-click'; title: string };
