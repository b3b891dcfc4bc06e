/**
 * The choices of the Studio-style details, worded once: the upload form,
 * the drop preview and the queue's edit dialogs all offer them.
 */
export const privacyOptions = [
  { value: 'private', label: 'Private' },
  { value: 'unlisted', label: 'Unlisted' },
  { value: 'public', label: 'Public' },
] as const;

export const audienceOptions = [
  { value: 'yes', label: "Yes, it's made for kids" },
  { value: 'no', label: "No, it's not made for kids" },
] as const;

export const alteredOptions = [
  { value: 'yes', label: 'Yes, altered or synthetic' },
  { value: 'no', label: 'No' },
] as const;
