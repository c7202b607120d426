export { BUCKET_FOLDERS, createBucketClient, environmentFolder, type BucketConfig } from './bucket.ts';
export { POST_STEP_KEYS, runPostSteps, type PostStepsConfig, type PostStepsResult } from './post-steps.ts';
