export * from './contract.ts';
export * from './errors.ts';
export * from './app.ts';
export * from './client.ts';
export * from './wire.ts';
