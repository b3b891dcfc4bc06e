import { useRef, useState, type DragEvent } from 'react';
import { useCookies } from './cookies-store.ts';

/** Drop zone, file picker and a path field (for a file on the engine's machine). */
export function CookieImport() {
  const { importFile, importPath, busy } = useCookies();
  const [label, setLabel] = useState('default');
  const [path, setPath] = useState('');
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void importFile(file, label);
  };

  return (
    <div className="form">
      <label>
        Label
        <input name="cookieLabel" value={label} onChange={(e) => setLabel(e.target.value)} />
      </label>
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        data-testid="cookie-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>
          Drop a cookies.txt here (Netscape format, exported from your browser while signed in).
        </p>
        <button type="button" disabled={busy} onClick={() => picker.current?.click()}>
          Choose file…
        </button>
        <input
          ref={picker}
          type="file"
          accept=".txt,text/plain"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importFile(file, label);
            e.target.value = '';
          }}
        />
      </div>
      <label>
        Or a path on the engine&apos;s machine
        <input
          name="cookiePath"
          value={path}
          placeholder="/home/me/cookies.txt"
          onChange={(e) => setPath(e.target.value)}
        />
      </label>
      <button
        type="button"
        disabled={busy || !path.trim()}
        onClick={() => void importPath(path.trim(), label)}
      >
        Import from path
      </button>
    </div>
  );
}
