export * from './build-sensitivity-report.ts';
export { renderSensitivitySection, withSensitivitySection } from './render-sensitivity-html.ts';
export { SENSITIVITY_FILE, writeSensitivityReport } from './write-sensitivity-report.ts';
