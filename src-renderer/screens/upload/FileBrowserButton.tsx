import { Button } from '@mantine/core';
import { FolderOpen } from 'lucide-react';
import { useState } from 'react';
import { FileBrowser } from './FileBrowser.tsx';
import { rememberChosen } from './remember-folder.ts';

/** "Choose videos…" / "Choose folder…" in a browser tab: the engine's own file browser. */
export function FileBrowserButton({
  mode,
  onPick,
}: {
  mode: 'videos' | 'folder';
  onPick(paths: string[]): void;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        variant="default"
        leftSection={<FolderOpen size={16} />}
        onClick={() => setOpened(true)}
      >
        {mode === 'videos' ? 'Choose videos…' : 'Choose folder…'}
      </Button>
      {opened && (
        <FileBrowser
          mode={mode}
          opened={opened}
          onClose={() => setOpened(false)}
          onPick={(paths) => {
            rememberChosen(paths);
            onPick(paths);
          }}
        />
      )}
    </>
  );
}
