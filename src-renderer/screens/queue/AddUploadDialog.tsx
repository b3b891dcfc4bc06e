import { Modal } from '@mantine/core';
import '../../theme/dialog-styles.ts';
import { AddUploadForm } from './AddUploadForm.tsx';
import { useAddForm } from './add-form-store.ts';

/** The Add upload form in its dialog; the Queue screen loads this file when it first opens. */
export function AddUploadDialog() {
  const adding = useAddForm((s) => s.open);
  const toggleAdding = useAddForm((s) => s.toggle);
  return (
    <Modal
      opened={adding}
      onClose={toggleAdding}
      title="Add upload"
      size="xl"
      closeButtonProps={{ 'aria-label': 'Close the Add upload form' }}
    >
      <AddUploadForm />
    </Modal>
  );
}
