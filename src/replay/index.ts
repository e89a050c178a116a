export { startReplayServer, type LoggedRequest, type ReplayServer, type ReplayServerOptions } from './server.js';
export { loadReplayData, emptyReplayData, type ReplayData, type ApiObject } from './data.js';
export type { Fault, FaultKind, ReplaySource } from './faults.js';
