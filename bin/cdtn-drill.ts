#!/usr/bin/env node
// cdtn-drill: runs under Node 24's type stripping, no build step.
import { main } from '../src/cli/index.ts';

process.exitCode = await main(process.argv.slice(2));
