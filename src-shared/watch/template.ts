/** Folder templates: {filename}, {date}, {folder}, {n} in title, description and tags. */
export const TEMPLATE_VARIABLES = ['filename', 'date', 'folder', 'n'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Record<TemplateVariable, string>;

const PATTERN = /\{([^{}]*)\}/g;

/** The variables a text uses that do not exist, for a message naming them. */
export function unknownVariables(text: string): string[] {
  const bad: string[] = [];
  for (const match of text.matchAll(PATTERN)) {
    const name = match[1] as string;
    if (!(TEMPLATE_VARIABLES as readonly string[]).includes(name)) bad.push(`{${name}}`);
  }
  return bad;
}

export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(PATTERN, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name as TemplateVariable] : whole,
  );
}

/** {date}: the file's own date (when it was recorded or exported), as YYYY-MM-DD in UTC. */
export function templateValues(opts: {
  fileName: string;
  folderName: string;
  mtimeMs: number;
  n: number;
}): TemplateValues {
  const dot = opts.fileName.lastIndexOf('.');
  return {
    filename: dot > 0 ? opts.fileName.slice(0, dot) : opts.fileName,
    date: new Date(opts.mtimeMs).toISOString().slice(0, 10),
    folder: opts.folderName,
    n: String(opts.n),
  };
}
