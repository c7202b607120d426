// What upstream's export publishes, from upstream's rules and the backup's manifest: tt4/tt5's
// expectations, independent of src/export (a dependency-cruiser rule keeps it so).
export { expectDocuments, INGESTED_SOURCES, type ExpectedDocuments } from './expected-documents.ts';
export { GOLDEN_DOCUMENTS_PATH, readGoldenDocuments, type GoldenDocument } from './golden-documents.ts';
export {
  AGREEMENT_INDEX_FIELDS,
  expectedAgreementIdccs,
  publishedObjectKeys,
  type SpecEnvironment,
} from './published-objects.ts';
