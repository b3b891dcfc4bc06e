// The styles of Mantine's Modal, imported by each dialog: they load with the dialog's chunk, not
// with the first screen (see base.css).
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Modal.css';
