// Moved to components/ (the upload details use it too); the Queue screen's files import it from here.
export * from '../../components/format.ts';
