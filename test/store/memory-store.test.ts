import { describeSeatStoreContract } from './contract.ts';
import { makeMemoryHarness } from './harness.ts';

describeSeatStoreContract('in-process store', makeMemoryHarness);
