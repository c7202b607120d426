export {
  writeEvidenceBundle,
  EVIDENCE_FILE,
  type EvidenceBundle,
  type EvidenceInput,
} from './write-evidence-bundle.ts';
export { collectVersions, type RunVersions } from './run-versions.ts';
export { sha256Sums, SHA256SUMS_FILE } from './sha256-sums.ts';
export { ConsoleLogRecorder, DRILL_OUTPUT_LOG } from './console-log-recorder.ts';
export { runSecrets } from './run-secrets.ts';
export { consoleRedaction } from './console-redaction.ts';
