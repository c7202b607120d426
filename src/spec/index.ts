export {
  AGREEMENT_INDEX_FIELDS,
  expectedAgreementIdccs,
  publishedObjectKeys,
  type SpecEnvironment,
} from './published-objects.ts';
