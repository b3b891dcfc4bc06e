import { create } from 'zustand';
import type { Notice } from '../../src-shared/domain/notice.ts';
import { api } from '../api/client.ts';

interface NoticeState {
  notices: Notice[];
  dismiss(id: string): void;
}

export const useNotices = create<NoticeState>((set) => ({
  notices: [],
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

api.on('app.noticed', (notice) =>
  useNotices.setState((s) => ({ notices: [...s.notices.slice(-4), notice] })),
);
